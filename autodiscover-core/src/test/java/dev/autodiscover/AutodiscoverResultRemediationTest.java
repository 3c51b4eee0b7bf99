package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.tls.CertificateDiagnosis;
import dev.autodiscover.tls.CertificateProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How a result gathers the advice for the certificates its attempts rejected. */
class AutodiscoverResultRemediationTest {
  private static final String SHA256 = "ab".repeat(32);

  private static CertificateDiagnosis diagnosis(String host, CertificateProblem problem, String... names) {
    return new CertificateDiagnosis(host, 443, List.of(problem), "CN=" + names[0], "CN=Contoso CA",
        List.of(names), List.of(), Instant.parse("2025-01-01T00:00:00Z"),
        Instant.parse("2027-01-01T00:00:00Z"), SHA256, List.of());
  }

  private static Attempt rejected(DiscoveryMethod method, CertificateDiagnosis diagnosis) {
    return new Attempt(method, "https://" + diagnosis.host() + "/autodiscover/autodiscover.xml",
        AttemptOutcome.CERTIFICATE_REJECTED, OptionalInt.empty(), Duration.ofMillis(3),
        Optional.of(diagnosis), diagnosis.summary());
  }

  private static AutodiscoverResult failed(List<Attempt> attempts, List<Redirect> redirects) {
    return new AutodiscoverResult("alice@contoso.com", "alice@contoso.com", Optional.empty(),
        Optional.empty(), attempts, redirects,
        Optional.of(new ResolutionError(ErrorCode.NO_ENDPOINT, "no candidate answered")));
  }

  @Test
  void scpUrlWithAnInternalNameIsGivenTheSetClientAccessServerCommand() {
    AutodiscoverResult result = failed(List.of(rejected(DiscoveryMethod.SCP,
        diagnosis("casserver", CertificateProblem.NAME_MISMATCH, "mail.contoso.com"))), List.of());

    assertThat(result.remediation()).containsExactly(
        "Point the SCP at a name on the certificate of casserver (it holds mail.contoso.com only):"
            + " Set-ClientAccessServer -Identity CASSERVER"
            + " -AutoDiscoverServiceInternalUri https://mail.contoso.com/autodiscover/autodiscover.xml");
    assertThat(result.describe()).endsWith(
        "What to change:" + System.lineSeparator() + "  - " + result.remediation().get(0));
  }

  @Test
  void theSameAdviceIsGivenOnceInTheOrderOfTheAttempts() {
    CertificateDiagnosis selfSigned = diagnosis("new.contoso.com", CertificateProblem.SELF_SIGNED, "new.contoso.com");
    CertificateDiagnosis www = diagnosis("contoso.com", CertificateProblem.NAME_MISMATCH, "www.contoso.com");
    AutodiscoverResult result = failed(List.of(
        rejected(DiscoveryMethod.A_RECORD, www),
        rejected(DiscoveryMethod.PREFIXED_HOST, selfSigned),
        rejected(DiscoveryMethod.PREFIXED_HOST, selfSigned)), List.of());

    assertThat(result.remediation()).satisfiesExactly(
        first -> assertThat(first).startsWith("Add contoso.com to the certificate of the web site"),
        second -> assertThat(second).startsWith("Install a certificate from a trusted certificate authority"));
  }

  @Test
  void rootDomainOfARedirectAddrTargetGetsTheRootDomainAdvice() {
    CertificateDiagnosis tenant = diagnosis("fabrikam.com", CertificateProblem.NAME_MISMATCH, "www.fabrikam.com");
    AutodiscoverResult result = failed(
        List.of(rejected(DiscoveryMethod.A_RECORD, tenant)),
        List.of(new Redirect(RedirectType.REDIRECT_ADDR, "alice@contoso.com", "alice@fabrikam.com", true)));

    assertThat(result.remediation()).singleElement().asString()
        .startsWith("Add fabrikam.com to the certificate of the web site https://fabrikam.com");
  }

  @Test
  void attemptsThatFailedForOtherReasonsGiveNoAdvice() {
    AutodiscoverResult result = failed(List.of(new Attempt(DiscoveryMethod.A_RECORD,
        "https://contoso.com/autodiscover/autodiscover.xml", AttemptOutcome.CONNECT_FAILED,
        OptionalInt.empty(), Duration.ofMillis(1), Optional.empty(), "connection refused")), List.of());

    assertThat(result.remediation()).isEmpty();
    assertThat(result.describe()).doesNotContain("What to change:");
  }
}

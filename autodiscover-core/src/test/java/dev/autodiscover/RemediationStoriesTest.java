package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.TestCertificateAuthority;
import dev.autodiscover.tls.CertificateDiagnosis;
import dev.autodiscover.tls.CertificateProblem;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** Each story of DESIGN.md ends with the problems it met and what to change, in its own words. */
class RemediationStoriesTest extends LoopbackTest {

  private void autodiscoverHostAnswers() {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
  }

  @Test
  void rootCertificateForWwwOnlyIsToldToAddTheDomainOrStopServingHttps() {
    network.httpsHost("contoso.test", network.certificateAuthority().issue("www.contoso.test"))
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    autodiscoverHostAnswers();

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(rejected(result).problems()).containsExactly(CertificateProblem.NAME_MISMATCH);
    assertThat(result.remediation()).as(result.describe()).containsExactly(
        "Add contoso.test to the certificate of the web site https://contoso.test"
            + " (it holds www.contoso.test only), or stop serving HTTPS on contoso.test:"
            + " Autodiscover then falls through to autodiscover.contoso.test.");
    assertThat(result.describe()).contains(
        System.lineSeparator() + "What to change:" + System.lineSeparator()
            + "  - Add contoso.test to the certificate of the web site https://contoso.test");
  }

  @Test
  void expiredRootCertificateIsToldToBeRenewed() {
    HeldCertificate expired = network.certificateAuthority().issueExpired("contoso.test");
    network.httpsHost("contoso.test", expired).respondWithPox(Loopback.settings("alice@contoso.test"));
    autodiscoverHostAnswers();

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(rejected(result).problems()).containsExactly(CertificateProblem.EXPIRED);
    assertThat(result.remediation()).as(result.describe()).containsExactly(
        "Renew the certificate of contoso.test: it expired on "
            + expired.certificate().getNotAfter().toInstant() + ".");
  }

  @Test
  void wildcardRootCertificateIsToldTheWildcardNeverCoversTheDomain() {
    network.httpsHost("contoso.test", network.certificateAuthority().issueWildcard("contoso.test"))
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    autodiscoverHostAnswers();

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(rejected(result).problems())
        .containsExactly(CertificateProblem.NAME_MISMATCH, CertificateProblem.WILDCARD_NOT_COVERING_APEX);
    assertThat(result.remediation()).as(result.describe()).containsExactly(
        "Add contoso.test to the certificate of the web site https://contoso.test"
            + " (it holds *.contoso.test only; a wildcard never covers contoso.test itself),"
            + " or stop serving HTTPS on contoso.test:"
            + " Autodiscover then falls through to autodiscover.contoso.test.");
  }

  @Test
  void autodiscoverHostWithAnotherNameIsToldToAddItOrPublishAnSrvRecord() {
    network.httpsHost("autodiscover.contoso.test", network.certificateAuthority().issue("mail.contoso.test"))
        .respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.resolved()).as(result.describe()).isFalse();
    assertThat(rejected(result).problems()).containsExactly(CertificateProblem.NAME_MISMATCH);
    assertThat(result.remediation()).as(result.describe()).containsExactly(
        "Add autodiscover.contoso.test to its certificate (it holds mail.contoso.test only),"
            + " or publish an SRV record _autodiscover._tcp.contoso.test pointing to mail.contoso.test.");
  }

  @Test
  void selfSignedRedirectTargetIsToldToUseATrustedAuthorityOrTrustThatCertificate() {
    String newUrl = Loopback.autodiscoverUrl("new.contoso.test");
    HeldCertificate selfSigned = TestCertificateAuthority.selfSigned("new.contoso.test");
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.redirectUrl(newUrl));
    network.httpsHost("new.contoso.test", selfSigned).respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(rejected(result).problems()).containsExactly(CertificateProblem.SELF_SIGNED);
    assertThat(result.remediation()).as(result.describe()).containsExactly(
        "Install a certificate from a trusted certificate authority on new.contoso.test,"
            + " or trust this exact certificate (SHA-256 " + Fingerprints.sha256(selfSigned)
            + ") for new.contoso.test.");
  }

  @Test
  void resolutionWithoutARejectedCertificateHasNothingToChange() {
    autodiscoverHostAnswers();

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.remediation()).as(result.describe()).isEmpty();
    assertThat(result.describe()).doesNotContain("What to change:");
  }

  private static CertificateDiagnosis rejected(AutodiscoverResult result) {
    return result.attempts().stream()
        .filter(attempt -> attempt.outcome() == AttemptOutcome.CERTIFICATE_REJECTED)
        .findFirst()
        .flatMap(Attempt::certificate)
        .orElseThrow(() -> new AssertionError("no certificate was rejected: " + result.describe()));
  }
}

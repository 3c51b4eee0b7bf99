package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.tls.CertificateDiagnosis;
import dev.autodiscover.tls.CertificateProblem;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** The root domain fails in the ways DESIGN.md lists; each time the autodiscover host is tried next. */
class CertificateFallbackTest extends LoopbackTest {
  private static final String ROOT_URL = Loopback.autodiscoverUrl("contoso.test");
  private static final String PREFIXED_URL = Loopback.autodiscoverUrl("autodiscover.contoso.test");

  @Test
  void rootCertificateForWwwOnlyFallsBackToTheAutodiscoverHost() {
    HeldCertificate www = network.certificateAuthority().issue("www.contoso.test");
    network.httpsHost("contoso.test", www).respondWithPox(Loopback.settings("alice@contoso.test"));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertFellBackToPrefixedHost(result);
    CertificateDiagnosis diagnosis = rejectedRoot(result);
    assertThat(diagnosis.problems()).as(result.describe())
        .containsExactly(CertificateProblem.NAME_MISMATCH);
    assertThat(diagnosis.dnsNames()).containsExactly("www.contoso.test");
    assertThat(diagnosis.subject()).isEqualTo("CN=www.contoso.test");
    assertDescribes(diagnosis, www);
    assertThat(result.attempts().get(0).detail()).contains("NAME_MISMATCH", "www.contoso.test");
    assertThat(result.settings().flatMap(AutodiscoverSettings::ewsUrl)).contains(Loopback.EWS_URL);
  }

  @Test
  void expiredRootCertificateIsReportedAsExpiredOnlyAndFallsBack() {
    HeldCertificate expired = network.certificateAuthority().issueExpired("contoso.test");
    network.httpsHost("contoso.test", expired).respondWithPox(Loopback.settings("alice@contoso.test"));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertFellBackToPrefixedHost(result);
    CertificateDiagnosis diagnosis = rejectedRoot(result);
    assertThat(diagnosis.problems()).as(result.describe()).containsExactly(CertificateProblem.EXPIRED);
    assertThat(diagnosis.dnsNames()).containsExactly("contoso.test");
    assertThat(diagnosis.notAfter()).isBefore(Instant.now());
    assertDescribes(diagnosis, expired);
  }

  @Test
  void wildcardRootCertificateDoesNotCoverTheDomainItselfAndFallsBack() {
    HeldCertificate wildcard = network.certificateAuthority().issueWildcard("contoso.test");
    network.httpsHost("contoso.test", wildcard).respondWithPox(Loopback.settings("alice@contoso.test"));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertFellBackToPrefixedHost(result);
    CertificateDiagnosis diagnosis = rejectedRoot(result);
    assertThat(diagnosis.problems()).as(result.describe())
        .containsExactly(CertificateProblem.NAME_MISMATCH, CertificateProblem.WILDCARD_NOT_COVERING_APEX);
    assertThat(diagnosis.host()).isEqualTo("contoso.test");
    assertThat(diagnosis.dnsNames()).containsExactly("*.contoso.test");
    assertThat(diagnosis.subject()).isEqualTo("CN=*.contoso.test");
    assertDescribes(diagnosis, wildcard);
  }

  @Test
  void rootDomainServingThePublicWebSiteIsNotAutodiscoverAndFallsBack() {
    network.httpsHost("contoso.test").serveWebSite();
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.resolved()).as(result.describe()).isTrue();
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::method, Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(
                DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.NOT_AUTODISCOVER),
            tuple(
                DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.SUCCESS));
    Attempt webPage = result.attempts().get(0);
    assertThat(webPage.httpStatus()).hasValue(200);
    assertThat(webPage.certificate()).isEmpty();
    assertThat(webPage.detail()).contains("text/html");
  }

  private static void assertFellBackToPrefixedHost(AutodiscoverResult result) {
    assertThat(result.resolved()).as(result.describe()).isTrue();
    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(PREFIXED_URL), DiscoveryMethod.PREFIXED_HOST));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::method, Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(
                DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.CERTIFICATE_REJECTED),
            tuple(
                DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.SUCCESS));
    assertThat(result.redirects()).as(result.describe()).isEmpty();
  }

  private static CertificateDiagnosis rejectedRoot(AutodiscoverResult result) {
    Attempt rejected = result.attempts().get(0);
    assertThat(rejected.httpStatus()).as(result.describe()).isEmpty();
    assertThat(rejected.certificate()).as(result.describe()).isPresent();
    return rejected.certificate().get();
  }

  private static void assertDescribes(CertificateDiagnosis diagnosis, HeldCertificate served) {
    assertThat(diagnosis.sha256()).matches("[0-9a-f]{64}").isEqualTo(Fingerprints.sha256(served));
    assertThat(diagnosis.notBefore()).isEqualTo(served.certificate().getNotBefore().toInstant());
    assertThat(diagnosis.notAfter()).isEqualTo(served.certificate().getNotAfter().toInstant());
    assertThat(Duration.between(diagnosis.notBefore(), diagnosis.notAfter())).isPositive();
  }
}

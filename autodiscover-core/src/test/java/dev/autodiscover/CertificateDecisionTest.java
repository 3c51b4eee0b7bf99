package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.TestCertificateAuthority;
import dev.autodiscover.tls.CertificateDiagnosis;
import dev.autodiscover.tls.CertificateProblem;
import dev.autodiscover.tls.PinStore;
import dev.autodiscover.tls.TrustDecision;
import dev.autodiscover.tls.UntrustedCertificateHandler;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A legacy server redirects to a newer one whose certificate is self-signed: the host application
 * decides, and trust goes to that one certificate only.
 */
class CertificateDecisionTest extends LoopbackTest {
  private static final String LEGACY_URL = Loopback.autodiscoverUrl("autodiscover.contoso.test");
  private static final String NEW_URL = Loopback.autodiscoverUrl("new.contoso.test");

  private HeldCertificate selfSigned;
  private final List<CertificateDiagnosis> asked = new CopyOnWriteArrayList<>();

  @BeforeEach
  void legacyServerRedirectsToSelfSignedServer() {
    selfSigned = legacyRedirectingToSelfSignedServer(network);
  }

  private static HeldCertificate legacyRedirectingToSelfSignedServer(FixtureNetwork network) {
    HeldCertificate certificate = TestCertificateAuthority.selfSigned("new.contoso.test");
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.redirectUrl(NEW_URL));
    network.httpsHost("new.contoso.test", certificate)
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    return certificate;
  }

  /** Answers {@code decision} to every question, remembering each diagnosis. */
  private UntrustedCertificateHandler answering(TrustDecision decision) {
    return diagnosis -> {
      asked.add(diagnosis);
      return decision;
    };
  }

  @Test
  void selfSignedCertificateIsRejectedByDefault() {
    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).filteredOn(attempt -> attempt.url().equals(NEW_URL)).singleElement()
        .satisfies(attempt -> {
          assertThat(attempt.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.CERTIFICATE_REJECTED);
          assertThat(attempt.certificate()).hasValueSatisfying(diagnosis -> {
            assertThat(diagnosis.problems()).contains(CertificateProblem.SELF_SIGNED);
            assertThat(diagnosis.sha256()).isEqualTo(Fingerprints.sha256(selfSigned));
          });
        });
  }

  @Test
  void trustOnceAcceptsTheCertificateForThisResolution() {
    AutodiscoverResult result = Loopback.resolver(network)
        .untrustedCertificateHandler(answering(TrustDecision.TRUST_ONCE))
        .build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(NEW_URL), DiscoveryMethod.PREFIXED_HOST));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(Loopback.autodiscoverUrl("contoso.test"), AttemptOutcome.DNS_FAILED),
            tuple(LEGACY_URL, AttemptOutcome.REDIRECTED),
            tuple(NEW_URL, AttemptOutcome.CERTIFICATE_REJECTED),
            tuple(NEW_URL, AttemptOutcome.SUCCESS));
    assertThat(asked).singleElement().satisfies(diagnosis -> {
      assertThat(diagnosis.host()).isEqualTo("new.contoso.test");
      assertThat(diagnosis.sha256()).isEqualTo(Fingerprints.sha256(selfSigned));
      assertThat(diagnosis.problems()).contains(CertificateProblem.SELF_SIGNED);
    });
  }

  @Test
  void trustOnceIsAskedAgainInTheNextResolution() {
    AutodiscoverResolver resolver = Loopback.resolver(network)
        .untrustedCertificateHandler(answering(TrustDecision.TRUST_ONCE)).build();

    AutodiscoverResult first = resolver.resolve("alice@contoso.test");
    AutodiscoverResult second = resolver.resolve("alice@contoso.test");

    assertThat(first.resolved()).as(first.describe()).isTrue();
    assertThat(second.resolved()).as(second.describe()).isTrue();
    assertThat(second.attempts()).as(second.describe()).extracting(Attempt::outcome)
        .contains(AttemptOutcome.CERTIFICATE_REJECTED);
    assertThat(asked).extracting(CertificateDiagnosis::sha256)
        .containsExactly(Fingerprints.sha256(selfSigned), Fingerprints.sha256(selfSigned));
  }

  @Test
  void trustAlwaysIsRememberedInThePinStore() {
    PinStore pins = PinStore.inMemory();
    AutodiscoverResolver resolver = Loopback.resolver(network).pinStore(pins)
        .untrustedCertificateHandler(answering(TrustDecision.TRUST_ALWAYS)).build();

    AutodiscoverResult first = resolver.resolve("alice@contoso.test");
    AutodiscoverResult second = resolver.resolve("alice@contoso.test");

    assertThat(first.endpoint().map(Endpoint::url)).as(first.describe()).contains(URI.create(NEW_URL));
    assertThat(pins.isPinned("new.contoso.test", Fingerprints.sha256(selfSigned))).isTrue();
    assertThat(pins.isPinned("autodiscover.contoso.test", Fingerprints.sha256(selfSigned))).isFalse();
    assertThat(asked).hasSize(1);
    assertThat(second.endpoint().map(Endpoint::url)).as(second.describe()).contains(URI.create(NEW_URL));
    assertThat(second.attempts()).as(second.describe()).extracting(Attempt::outcome)
        .doesNotContain(AttemptOutcome.CERTIFICATE_REJECTED);
  }

  @Test
  void pinCoversOnlyTheCertificateThatWasTrusted() {
    PinStore pins = PinStore.inMemory();
    Loopback.resolver(network).pinStore(pins)
        .untrustedCertificateHandler(answering(TrustDecision.TRUST_ALWAYS))
        .build().resolve("alice@contoso.test");

    try (FixtureNetwork renewed = FixtureNetwork.start()) {
      HeldCertificate another = legacyRedirectingToSelfSignedServer(renewed);
      AutodiscoverResult result = Loopback.resolver(renewed).pinStore(pins).build()
          .resolve("alice@contoso.test");

      assertThat(result.resolved()).as(result.describe()).isFalse();
      assertThat(result.attempts()).filteredOn(attempt -> attempt.url().equals(NEW_URL)).singleElement()
          .satisfies(attempt -> assertThat(attempt.certificate().map(CertificateDiagnosis::sha256))
              .as(result.describe()).contains(Fingerprints.sha256(another)));
    }
  }

  @Test
  void abortStopsTheResolutionAndNoLaterCandidateIsTried() {
    FixtureHost mail = network.httpsHost("mail.contoso.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");

    AutodiscoverResult result = Loopback.resolver(network)
        .untrustedCertificateHandler(answering(TrustDecision.ABORT))
        .build().resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> {
          assertThat(error.code()).isEqualTo(ErrorCode.ABORTED);
          assertThat(error.message()).contains("new.contoso.test");
        });
    assertThat(result.attempts()).as(result.describe()).last().satisfies(attempt -> {
      assertThat(attempt.url()).isEqualTo(NEW_URL);
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.CERTIFICATE_REJECTED);
    });
    assertThat(result.attempts()).extracting(Attempt::method)
        .doesNotContain(DiscoveryMethod.HTTP_REDIRECT, DiscoveryMethod.SRV);
    assertThat(asked).hasSize(1);
    assertThat(mail.requests()).isEmpty();
  }
}

package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.TestCertificateAuthority;
import dev.autodiscover.tls.CertificateDiagnosis;
import dev.autodiscover.tls.PinStore;
import dev.autodiscover.tls.TrustDecision;
import dev.autodiscover.tls.UntrustedCertificateHandler;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A certificate trusted always is remembered in a pin file across resolvers and restarts. */
class PinFileTest {
  private static final String NEW_URL = Loopback.autodiscoverUrl("new.contoso.test");

  @TempDir Path directory;

  /** A legacy server that redirects to new.contoso.test, which presents a new self-signed certificate. */
  private static HeldCertificate legacyRedirectingToSelfSignedServer(FixtureNetwork network) {
    HeldCertificate certificate = TestCertificateAuthority.selfSigned("new.contoso.test");
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.redirectUrl(NEW_URL));
    network.httpsHost("new.contoso.test", certificate)
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    return certificate;
  }

  private static final UntrustedCertificateHandler MUST_NOT_ASK = diagnosis ->
      fail("asked about a pinned certificate: " + diagnosis.summary());

  @Test
  void certificateTrustedAlwaysIsNotAskedAboutByANewResolverOnTheSamePinFile() {
    Path pinFile = directory.resolve("pins");
    List<CertificateDiagnosis> asked = new CopyOnWriteArrayList<>();
    try (FixtureNetwork network = FixtureNetwork.start()) {
      HeldCertificate selfSigned = legacyRedirectingToSelfSignedServer(network);

      AutodiscoverResult first = Loopback.resolver(network).pinStore(PinStore.file(pinFile))
          .untrustedCertificateHandler(diagnosis -> {
            asked.add(diagnosis);
            return TrustDecision.TRUST_ALWAYS;
          })
          .build().resolve("alice@contoso.test");
      AutodiscoverResult second = Loopback.resolver(network).pinStore(PinStore.file(pinFile))
          .untrustedCertificateHandler(MUST_NOT_ASK)
          .build().resolve("alice@contoso.test");

      assertThat(first.endpoint().map(Endpoint::url)).as(first.describe()).contains(URI.create(NEW_URL));
      assertThat(asked).singleElement().extracting(CertificateDiagnosis::sha256)
          .isEqualTo(Fingerprints.sha256(selfSigned));
      assertThat(second.endpoint().map(Endpoint::url)).as(second.describe()).contains(URI.create(NEW_URL));
      assertThat(second.attempts()).as(second.describe()).extracting(Attempt::outcome)
          .doesNotContain(AttemptOutcome.CERTIFICATE_REJECTED);
    }
  }

  @Test
  void anotherCertificateForTheSameHostIsAskedAboutAgain() {
    Path pinFile = directory.resolve("pins");
    try (FixtureNetwork network = FixtureNetwork.start()) {
      legacyRedirectingToSelfSignedServer(network);
      Loopback.resolver(network).pinStore(PinStore.file(pinFile))
          .untrustedCertificateHandler(diagnosis -> TrustDecision.TRUST_ALWAYS)
          .build().resolve("alice@contoso.test");
    }
    List<CertificateDiagnosis> asked = new CopyOnWriteArrayList<>();
    try (FixtureNetwork renewed = FixtureNetwork.start()) {
      HeldCertificate another = legacyRedirectingToSelfSignedServer(renewed);

      AutodiscoverResult result = Loopback.resolver(renewed).pinStore(PinStore.file(pinFile))
          .untrustedCertificateHandler(diagnosis -> {
            asked.add(diagnosis);
            return TrustDecision.SKIP;
          })
          .build().resolve("alice@contoso.test");

      assertThat(result.resolved()).as(result.describe()).isFalse();
      assertThat(asked).singleElement().satisfies(diagnosis -> {
        assertThat(diagnosis.host()).isEqualTo("new.contoso.test");
        assertThat(diagnosis.sha256()).isEqualTo(Fingerprints.sha256(another));
      });
    }
  }
}

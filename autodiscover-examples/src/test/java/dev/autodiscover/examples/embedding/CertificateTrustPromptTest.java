package dev.autodiscover.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Endpoint;
import dev.autodiscover.ErrorCode;
import dev.autodiscover.ResolutionError;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.FixtureNetworkExtension;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.TestCertificateAuthority;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FixtureNetworkExtension.class)
class CertificateTrustPromptTest {
  private static final String NEW_URL = LoopbackResolvers.autodiscoverUrl("new.contoso.test");
  private static final String SETTINGS =
      PoxResponses.settings("Alice", "alice@contoso.test", LoopbackResolvers.EWS_URL);

  @TempDir Path directory;

  /** The legacy autodiscover.contoso.test redirects to new.contoso.test, whose certificate is self-signed. */
  private static HeldCertificate legacyRedirectingToSelfSignedServer(FixtureNetwork network) {
    HeldCertificate selfSigned = TestCertificateAuthority.selfSigned("new.contoso.test");
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.redirectUrl(NEW_URL));
    network.httpsHost("new.contoso.test", selfSigned).respondWithPox(SETTINGS);
    return selfSigned;
  }

  private AutodiscoverResult resolve(FixtureNetwork network, Console console) {
    return CertificateTrustPrompt.resolve(LoopbackResolvers.builder(network), directory.resolve("pins.txt"),
        "alice@contoso.test", console.in(), console.out());
  }

  private static String sha256(HeldCertificate certificate) throws GeneralSecurityException {
    return HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(certificate.certificate().getEncoded()));
  }

  @Test
  void answeringAlwaysWritesThePinAndTheNextRunTrustsTheCertificateWithoutAsking(FixtureNetwork network)
      throws Exception {
    HeldCertificate selfSigned = legacyRedirectingToSelfSignedServer(network);
    Console first = new Console("always");

    AutodiscoverResult trusted = resolve(network, first);

    assertThat(trusted.endpoint().map(Endpoint::url)).as(trusted.describe()).contains(URI.create(NEW_URL));
    assertThat(first.output()).contains("The certificate of new.contoso.test is not trusted: [SELF_SIGNED");
    assertThat(directory.resolve("pins.txt")).content()
        .contains("new.contoso.test " + sha256(selfSigned));

    Console second = new Console("skip"); // would refuse, if it were asked
    AutodiscoverResult pinned = resolve(network, second);

    assertThat(pinned.endpoint().map(Endpoint::url)).as(pinned.describe()).contains(URI.create(NEW_URL));
    assertThat(pinned.attempts()).extracting(Attempt::outcome).doesNotContain(AttemptOutcome.CERTIFICATE_REJECTED);
    assertThat(second.output()).doesNotContain("not trusted");
  }

  @Test
  void answeringOnceTrustsTheCertificateForThisRunOnly(FixtureNetwork network) {
    legacyRedirectingToSelfSignedServer(network);

    AutodiscoverResult once = resolve(network, new Console("once"));
    Console second = new Console("skip");
    AutodiscoverResult next = resolve(network, second);

    assertThat(once.endpoint().map(Endpoint::url)).as(once.describe()).contains(URI.create(NEW_URL));
    assertThat(directory.resolve("pins.txt")).doesNotExist();
    assertThat(second.output()).contains("The certificate of new.contoso.test is not trusted");
    assertThat(next.resolved()).as(next.describe()).isFalse();
  }

  @Test
  void promptShowsProblemsSubjectNamesValidityAndFingerprintAndSkipGoesOn(FixtureNetwork network)
      throws Exception {
    HeldCertificate webSite = network.certificateAuthority().issue("www.contoso.test");
    network.httpsHost("contoso.test", webSite).serveWebSite();
    network.httpsHost("autodiscover.contoso.test").respondWithPox(SETTINGS);
    Console console = new Console("skip");

    AutodiscoverResult result = resolve(network, console);

    assertThat(result.endpoint()).as(result.describe()).map(Endpoint::method).contains(DiscoveryMethod.PREFIXED_HOST);
    assertThat(console.output())
        .contains("The certificate of contoso.test is not trusted: [NAME_MISMATCH]")
        .contains("subject:  CN=www.contoso.test")
        .contains("names:    www.contoso.test")
        .contains("valid:    " + webSite.certificate().getNotBefore().toInstant() + " to ")
        .contains("SHA-256:  " + sha256(webSite))
        .contains("Trust it? [once/always/skip/abort, default skip]");
    assertThat(directory.resolve("pins.txt")).doesNotExist();
  }

  @Test
  void answeringAbortEndsTheResolutionBeforeTheNextCandidate(FixtureNetwork network) {
    network.httpsHost("contoso.test", network.certificateAuthority().issue("www.contoso.test")).serveWebSite();
    FixtureHost autodiscover = network.httpsHost("autodiscover.contoso.test").respondWithPox(SETTINGS);

    AutodiscoverResult result = resolve(network, new Console("abort"));

    assertThat(result.error()).as(result.describe()).map(ResolutionError::code).contains(ErrorCode.ABORTED);
    assertThat(autodiscover.requests()).isEmpty();
  }
}

package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.tls.CertificateProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertificateFallbackTest {
  private FixtureNetwork network;

  @BeforeEach
  void startNetwork() {
    network = FixtureNetwork.start();
  }

  @AfterEach
  void stopNetwork() {
    network.close();
  }

  @Test
  void rootCertificateForWwwOnlyFallsBackToTheAutodiscoverHost() {
    network.httpsHost("contoso.test", network.certificateAuthority().issue("www.contoso.test"))
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.resolved()).as(result.describe()).isTrue();
    assertThat(result.endpoint().get().method()).isEqualTo(DiscoveryMethod.PREFIXED_HOST);
    assertThat(result.attempts()).extracting(Attempt::outcome)
        .containsExactly(AttemptOutcome.CERTIFICATE_REJECTED, AttemptOutcome.SUCCESS);
    Attempt rejected = result.attempts().get(0);
    assertThat(rejected.certificate()).hasValueSatisfying(diagnosis -> {
      assertThat(diagnosis.problems()).containsExactly(CertificateProblem.NAME_MISMATCH);
      assertThat(diagnosis.dnsNames()).containsExactly("www.contoso.test");
    });
    assertThat(result.settings().flatMap(AutodiscoverSettings::ewsUrl)).contains(Loopback.EWS_URL);
  }
}

package dev.autodiscover.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.ErrorCode;
import dev.autodiscover.ResolutionError;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.FixtureNetworkExtension;
import dev.autodiscover.testkit.PoxResponses;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FixtureNetworkExtension.class)
class BasicResolveTest {
  private final StringWriter printed = new StringWriter();

  private AutodiscoverResult resolve(FixtureNetwork network, String email) {
    return BasicResolve.resolve(LoopbackResolvers.builder(network).build(), email, new PrintWriter(printed));
  }

  @Test
  void printsTheAutodiscoverUrlAndTheEwsUrlWhenTheAutodiscoverHostAnswers(FixtureNetwork network) {
    network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", LoopbackResolvers.EWS_URL));

    AutodiscoverResult result = resolve(network, "alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .hasValueSatisfying(endpoint -> assertThat(endpoint.method()).isEqualTo(DiscoveryMethod.PREFIXED_HOST));
    assertThat(printed.toString()).isEqualToNormalizingNewlines(
        "Autodiscover: https://autodiscover.contoso.test/autodiscover/autodiscover.xml (found by PREFIXED_HOST)\n"
            + "EWS: https://mail.contoso.test/EWS/Exchange.asmx\n");
  }

  @Test
  void printsEveryStepWhenNoCandidateAnswers(FixtureNetwork network) {
    AutodiscoverResult result = resolve(network, "alice@contoso.test");

    assertThat(result.error()).map(ResolutionError::code).contains(ErrorCode.NO_ENDPOINT);
    assertThat(printed.toString())
        .startsWith("Autodiscover for alice@contoso.test failed: NO_ENDPOINT")
        .contains("A_RECORD https://contoso.test/autodiscover/autodiscover.xml: DNS_FAILED",
            "PREFIXED_HOST https://autodiscover.contoso.test/autodiscover/autodiscover.xml: DNS_FAILED",
            "SRV _autodiscover._tcp.contoso.test: DNS_FAILED");
  }

  @Test
  void printsWhatToChangeWhenTheOnlyServerHasTheWebSitesCertificate(FixtureNetwork network) {
    network.httpsHost("contoso.test", network.certificateAuthority().issue("www.contoso.test"))
        .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", LoopbackResolvers.EWS_URL));

    AutodiscoverResult result = resolve(network, "alice@contoso.test");

    assertThat(result.resolved()).as(result.describe()).isFalse();
    assertThat(printed.toString())
        .contains("A_RECORD https://contoso.test/autodiscover/autodiscover.xml: CERTIFICATE_REJECTED",
            "NAME_MISMATCH", "www.contoso.test", "What to change:");
  }

  @Test
  void printsWhyAnAddressWithoutADomainCannotBeResolved(FixtureNetwork network) {
    AutodiscoverResult result = resolve(network, "alice");

    assertThat(result.error()).map(ResolutionError::code).contains(ErrorCode.INVALID_EMAIL);
    assertThat(printed.toString()).startsWith("Autodiscover for alice failed: INVALID_EMAIL");
    assertThat(network.dns().queries()).isEmpty();
  }
}

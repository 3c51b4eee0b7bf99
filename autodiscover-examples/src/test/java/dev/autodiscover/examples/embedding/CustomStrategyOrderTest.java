package dev.autodiscover.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Endpoint;
import dev.autodiscover.testkit.DnsQuery;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.FixtureNetworkExtension;
import dev.autodiscover.testkit.PoxResponses;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FixtureNetworkExtension.class)
class CustomStrategyOrderTest {
  private static final String SETTINGS =
      PoxResponses.settings("Alice", "alice@contoso.test", LoopbackResolvers.EWS_URL);
  private static final String CONFIGURED_URL = LoopbackResolvers.autodiscoverUrl("exchange.contoso.test");
  private static final Map<String, URI> CONFIGURATION = Map.of("Contoso.test", URI.create(CONFIGURED_URL));

  private static AutodiscoverResult resolve(FixtureNetwork network, Map<String, URI> configuration) {
    return CustomStrategyOrder.resolve(LoopbackResolvers.builder(network), configuration, "alice@contoso.test",
        new PrintWriter(new StringWriter()));
  }

  @Test
  void configuredUrlIsTriedBeforeEveryBuiltInStep(FixtureNetwork network) {
    FixtureHost configured = network.httpsHost("exchange.contoso.test").respondWithPox(SETTINGS);
    FixtureHost autodiscover = network.httpsHost("autodiscover.contoso.test").respondWithPox(SETTINGS);

    AutodiscoverResult result = resolve(network, CONFIGURATION);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(CONFIGURED_URL), ConfiguredUrlStrategy.METHOD));
    assertThat(result.attempts()).extracting(Attempt::method, Attempt::outcome)
        .containsExactly(tuple(ConfiguredUrlStrategy.METHOD, AttemptOutcome.SUCCESS));
    assertThat(configured.requests()).hasSize(1);
    assertThat(autodiscover.requests()).isEmpty();
  }

  @Test
  void rootDomainIsNeverAskedAndAnSrvTargetOnPort8443IsFollowed(FixtureNetwork network) {
    network.unreachableHost("exchange.contoso.test");
    FixtureHost root = network.httpsHost("contoso.test").respondWithPox(SETTINGS); // would answer, if asked
    network.httpsHost("autodiscover.contoso.test", network.certificateAuthority().issue("legacy.contoso.test"))
        .respondWithPox(SETTINGS);
    FixtureHost mail = network.httpsHost("mail.contoso.test").respondWithPox(SETTINGS);
    network.route("mail.contoso.test", 8443, mail.httpsPort());
    network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 8443, "mail.contoso.test");

    AutodiscoverResult result = resolve(network, CONFIGURATION);

    assertThat(result.endpoint()).as(result.describe()).contains(new Endpoint(
        URI.create(LoopbackResolvers.autodiscoverUrl("mail.contoso.test:8443")), DiscoveryMethod.SRV));
    assertThat(result.attempts()).as(result.describe()).extracting(Attempt::method, Attempt::outcome)
        .containsExactly(
            tuple(ConfiguredUrlStrategy.METHOD, AttemptOutcome.CONNECT_FAILED),
            tuple(DiscoveryMethod.PREFIXED_HOST, AttemptOutcome.CERTIFICATE_REJECTED),
            tuple(DiscoveryMethod.SRV, AttemptOutcome.REDIRECTED),
            tuple(DiscoveryMethod.SRV, AttemptOutcome.SUCCESS));
    assertThat(root.requests()).isEmpty();
    assertThat(network.dns().queries()).extracting(DnsQuery::name).doesNotContain("contoso.test");
  }

  @Test
  void domainWithoutAConfiguredUrlStartsWithTheAutodiscoverHost(FixtureNetwork network) {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(SETTINGS);

    AutodiscoverResult result = resolve(network, Map.of("fabrikam.test", URI.create(CONFIGURED_URL)));

    assertThat(result.attempts()).as(result.describe()).extracting(Attempt::method, Attempt::outcome)
        .containsExactly(tuple(DiscoveryMethod.PREFIXED_HOST, AttemptOutcome.SUCCESS));
  }

  @Test
  void configuredUrlThatIsNotHttpsIsRefusedWhenTheStrategyIsMade() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ConfiguredUrlStrategy(
            Map.of("contoso.test", URI.create("http://exchange.contoso.test/autodiscover/autodiscover.xml"))))
        .withMessageContaining("https");
  }
}

package dev.autodiscover.examples.embedding;

import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.Probing;
import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.tls.TrustConfiguration;
import java.time.Duration;
import java.util.List;

/** Resolver builders whose DNS, sockets and trust are a fixture network's, for the examples' tests. */
final class LoopbackResolvers {
  static final String EWS_URL = "https://mail.contoso.test/EWS/Exchange.asmx";

  private LoopbackResolvers() {}

  /**
   * A builder with the default strategies that reaches only {@code network}, probing sequentially
   * so that the stories the tests assert do not depend on how busy the machine is.
   */
  static AutodiscoverResolver.Builder builder(FixtureNetwork network) {
    return AutodiscoverResolver.builder()
        .probing(Probing.sequential())
        .dnsClient(DnsClient.usingServers(network.dnsServer()))
        .socketFactory(network.socketFactory())
        .trust(TrustConfiguration.of(List.of(network.certificateAuthority().certificate())))
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(5))
        .timeout(Duration.ofSeconds(30));
  }

  /** The Autodiscover URL on {@code authority} ({@code host} or {@code host:port}). */
  static String autodiscoverUrl(String authority) {
    return "https://" + authority + "/autodiscover/autodiscover.xml";
  }
}

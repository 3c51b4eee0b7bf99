package dev.autodiscover;

import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.tls.TrustConfiguration;
import java.time.Duration;
import java.util.List;

/** Builds resolvers that reach a fixture network on loopback, and the answers its hosts give. */
final class Loopback {
  static final String EWS_URL = "https://mail.contoso.test/EWS/Exchange.asmx";

  private Loopback() {}

  /**
   * How the scenario tests probe: {@code -Dautodiscover.test.probing=sequential} runs them
   * sequentially; otherwise with the library's default, staggered probing. Fixture hosts answer
   * within the stagger, so the story must come out exactly as a sequential run's. What the stagger
   * does to hosts that never answer is proven in {@link StaggeredProbingTest}.
   */
  static final Probing PROBING = "sequential".equals(System.getProperty("autodiscover.test.probing"))
      ? Probing.sequential()
      : Probing.staggered();

  /**
   * A resolver whose DNS, sockets and trust are the network's, running Outlook's steps after SCP:
   * the SCP step has tests of its own, and without a directory it only adds a SKIPPED attempt.
   */
  static AutodiscoverResolver.Builder resolver(FixtureNetwork network) {
    return AutodiscoverResolver.builder()
        .probing(PROBING)
        .strategies(Strategies.aRecord(), Strategies.prefixedHost(), Strategies.httpRedirect(), Strategies.srv())
        .dnsClient(DnsClient.usingServers(network.dnsServer()))
        .socketFactory(network.socketFactory())
        .trust(TrustConfiguration.of(List.of(network.certificateAuthority().certificate())))
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(5))
        .timeout(Duration.ofSeconds(30));
  }

  /** A settings answer for {@code email}. */
  static String settings(String email) {
    return PoxResponses.settings("Alice", email, EWS_URL);
  }

  /** The Autodiscover URL on {@code authority} ({@code host} or {@code host:port}). */
  static String autodiscoverUrl(String authority) {
    return "https://" + authority + "/autodiscover/autodiscover.xml";
  }
}

package dev.autodiscover.hostile;

import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.Probing;
import dev.autodiscover.Strategies;
import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.tls.TrustConfiguration;
import java.time.Duration;
import java.util.List;

/** Resolvers that reach a fixture network on loopback, for the hostile-server tests. */
final class HostileNetwork {
  static final String EWS_URL = "https://mail.contoso.test/EWS/Exchange.asmx";
  static final String ROOT_URL = "https://contoso.test/autodiscover/autodiscover.xml";
  static final String PREFIXED_URL = "https://autodiscover.contoso.test/autodiscover/autodiscover.xml";
  static final String HTTP_URL = "http://autodiscover.contoso.test/autodiscover/autodiscover.xml";
  static final String MAIL_URL = "https://mail.contoso.test/autodiscover/autodiscover.xml";

  /** The request timeout of these tests: long enough for a busy machine's handshake, short enough to wait out. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

  /**
   * How long any of these resolutions may take, at most: a few request timeouts. Not a measure of
   * speed; it proves that a hostile answer ends the attempt rather than holding it.
   */
  static final Duration BOUND = Duration.ofSeconds(20);

  private HostileNetwork() {}

  /**
   * A resolver whose DNS, sockets and trust are the network's, running Outlook's steps after SCP
   * one candidate at a time, so that every attempt is told in order.
   */
  static AutodiscoverResolver.Builder resolver(FixtureNetwork network) {
    return AutodiscoverResolver.builder()
        .probing(Probing.sequential())
        .strategies(Strategies.aRecord(), Strategies.prefixedHost(), Strategies.httpRedirect(), Strategies.srv())
        .dnsClient(DnsClient.usingServers(network.dnsServer()))
        .socketFactory(network.socketFactory())
        .trust(TrustConfiguration.of(List.of(network.certificateAuthority().certificate())))
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(REQUEST_TIMEOUT)
        .timeout(Duration.ofSeconds(60));
  }

  /** A settings answer for {@code email}. */
  static String settings(String email) {
    return PoxResponses.settings("Alice", email, EWS_URL);
  }
}

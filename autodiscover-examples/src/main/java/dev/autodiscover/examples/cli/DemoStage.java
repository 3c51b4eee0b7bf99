package dev.autodiscover.examples.cli;

import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.Probing;
import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.testkit.FixtureDirectory;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.tls.TrustConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The loopback world one demo story plays in: a fresh fixture network, any directory servers the
 * story starts, and the resolver settings the story needs beyond the network's DNS, sockets and
 * trust. Closing it stops them all. Not thread-safe.
 */
final class DemoStage implements AutoCloseable {
  private final FixtureNetwork network = FixtureNetwork.start();
  private final List<FixtureDirectory> directories = new ArrayList<>();
  private UnaryOperator<AutodiscoverResolver.Builder> settings = UnaryOperator.identity();

  FixtureNetwork network() {
    return network;
  }

  /** Starts a directory server that clients reach as {@code ldap://host} (port 389). */
  FixtureDirectory directory(FixtureDirectory.Builder builder, String host) {
    FixtureDirectory directory = builder.start();
    directories.add(directory);
    network.route(host, 389, directory.port());
    return directory;
  }

  /** Adds resolver settings the story needs, such as its Active Directory. */
  void configure(UnaryOperator<AutodiscoverResolver.Builder> more) {
    UnaryOperator<AutodiscoverResolver.Builder> before = settings;
    settings = builder -> more.apply(before.apply(builder));
  }

  /** Returns the trust the resolver is given: the network's certificate authority only. */
  TrustConfiguration trust() {
    return TrustConfiguration.of(List.of(network.certificateAuthority().certificate()));
  }

  /**
   * Returns a resolver builder wired to the network, with the story's settings. The stories are
   * told step by step, the way Outlook meets them, so the candidates are probed sequentially.
   */
  AutodiscoverResolver.Builder resolver() {
    return settings.apply(AutodiscoverResolver.builder()
        .probing(Probing.sequential())
        .dnsClient(DnsClient.usingServers(network.dnsServer()))
        .socketFactory(network.socketFactory())
        .trust(trust())
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(10))
        .timeout(Duration.ofSeconds(30)));
  }

  @Override
  public void close() {
    directories.forEach(FixtureDirectory::close);
    network.close();
  }
}

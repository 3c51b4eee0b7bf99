package dev.autodiscover.benchmarks.scenario;

import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.SilentHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A scenario's fixtures and the means to run contenders against them: a {@link FixtureNetwork},
 * a {@link RequestLedger} on every HTTPS host, the {@link Socks5Proxy} for ews-java-api, and a
 * temporary folder for the {@link FixtureMap}, job files and the children's logs.
 *
 * <p>Thread safety: build and run from one thread.
 */
final class ScenarioNetwork implements AutoCloseable {

  private final FixtureNetwork network = FixtureNetwork.start();
  private final RequestLedger ledger = new RequestLedger();
  private final Set<String> names = new LinkedHashSet<>();
  private final List<SilentHost> silentHosts = new ArrayList<>();
  private final Path folder;
  private Socks5Proxy socks;
  private FixtureMap map;

  ScenarioNetwork() {
    try {
      folder = Files.createTempDirectory("autodiscover-scenario-");
    } catch (IOException e) {
      network.close();
      throw new UncheckedIOException("could not create a temporary folder", e);
    }
  }

  FixtureNetwork network() {
    return network;
  }

  RequestLedger ledger() {
    return ledger;
  }

  /**
   * One HTTPS server answering for every one of {@code names}, with one certificate naming them
   * all; its requests are counted by the ledger.
   */
  FixtureHost httpsHost(List<String> names) {
    FixtureHost host = network.httpsHost(names.get(0),
        network.certificateAuthority().issue(names.toArray(String[]::new)));
    for (String name : names.subList(1, names.size())) {
      network.route(name, FixtureNetwork.HTTPS_PORT, host.httpsPort());
    }
    this.names.addAll(names);
    ledger.watch(host);
    return host;
  }

  /** A host for {@code name} that accepts TCP on ports 443 and 80 and never answers. */
  SilentHost silentHost(String name) {
    SilentHost host = network.silentHost(name);
    names.add(host.name());
    silentHosts.add(host);
    return host;
  }

  /** TCP connections accepted so far by every silent host. */
  long silentConnections() {
    return silentHosts.stream().mapToLong(SilentHost::acceptedConnections).sum();
  }

  /**
   * Runs {@code job} for {@code contender} in a child JVM, or in this one when {@code run} says
   * so. Call once every host is in place.
   */
  JobResult run(Contender contender, ClientJob job, RunOptions run) {
    if (map == null) {
      map = FixtureMap.of(network, names);
      map.writeTo(folder);
      socks = Socks5Proxy.start(network.socketFactory());
    }
    if (run.inProcess()) {
      if (!contender.isOurs()) {
        throw new IllegalArgumentException(contender + " needs a JVM of its own (system properties"
            + " route it to loopback); run without --in-process");
      }
      try (ScenarioClient client = ScenarioClient.of(contender, map, run.requestTimeout())) {
        return job.run(client);
      }
    }
    return new ChildJvm(folder, socks.port(), run).run(contender, job);
  }

  @Override
  public void close() {
    if (socks != null) {
      socks.close();
    }
    network.close();
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + folder + ": " + e);
    }
  }
}

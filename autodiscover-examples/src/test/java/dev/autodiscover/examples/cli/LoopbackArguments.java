package dev.autodiscover.examples.cli;

import dev.autodiscover.testkit.FixtureNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command-line options that point the command at a fixture network on loopback. */
final class LoopbackArguments {
  private LoopbackArguments() {}

  /**
   * Returns {@code --probing sequential}, {@code --dns-server}, {@code --trust} (the network's CA, written to {@code directory})
   * and a {@code --route} for each route of the network: every host's HTTPS and HTTP port, and
   * those added with {@link FixtureNetwork#route}.
   */
  static List<String> of(FixtureNetwork network, Path directory) {
    List<String> args = new ArrayList<>();
    // The tests assert stories attempt by attempt; on a busy machine a TLS handshake can outlast
    // the stagger and let a later step start early, so they probe sequentially.
    args.add("--probing");
    args.add("sequential");
    args.add("--dns-server");
    args.add("127.0.0.1:" + network.dnsServer().getPort());
    Path ca = directory.resolve("ca.pem");
    try {
      Files.writeString(ca, network.certificateAuthority().heldCertificate().certificatePem());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    args.add("--trust");
    args.add(ca.toString());
    for (Map.Entry<InetSocketAddress, InetSocketAddress> route : network.socketFactory().routes().entrySet()) {
      args.add("--route");
      args.add(route.getKey().getAddress().getHostAddress() + ":" + route.getKey().getPort()
          + "=" + route.getValue().getAddress().getHostAddress() + ":" + route.getValue().getPort());
    }
    return args;
  }
}

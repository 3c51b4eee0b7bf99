package dev.autodiscover.examples.cli;

import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.FixtureNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command-line options that point the command at a fixture network on loopback. */
final class LoopbackArguments {
  private LoopbackArguments() {}

  /**
   * Returns {@code --dns-server}, {@code --trust} (the network's CA, written to {@code directory})
   * and a {@code --route} for each host's HTTPS and HTTP port.
   */
  static List<String> of(FixtureNetwork network, Path directory) {
    List<String> args = new ArrayList<>();
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
    for (FixtureHost host : network.hosts()) {
      String address = network.addressOf(host.name()).getHostAddress();
      if (host.hasHttps()) {
        args.add("--route");
        args.add(address + ":443=127.0.0.1:" + host.httpsPort());
      }
      if (host.hasHttp()) {
        args.add("--route");
        args.add(address + ":80=127.0.0.1:" + host.httpPort());
      }
    }
    return args;
  }
}

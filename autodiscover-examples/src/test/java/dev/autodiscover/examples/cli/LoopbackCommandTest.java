package dev.autodiscover.examples.cli;

import dev.autodiscover.testkit.FixtureNetwork;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A command-line test with a fixture network of its own on loopback, started before each test. */
abstract class LoopbackCommandTest {
  @TempDir
  Path scratch;

  FixtureNetwork network;

  @BeforeEach
  final void startNetwork() {
    network = FixtureNetwork.start();
  }

  @AfterEach
  final void stopNetwork() {
    network.close();
  }

  /** {@code command --timeout 20}, the arguments that reach the network, then {@code args}. */
  List<String> arguments(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "--timeout", "20"));
    all.addAll(LoopbackArguments.of(network, scratch));
    all.addAll(List.of(args));
    return all;
  }

  /** Runs {@code command} in-process against the network. */
  CommandRun run(String command, String... args) {
    return CommandRun.of(arguments(command, args));
  }
}

package dev.autodiscover;

import dev.autodiscover.testkit.FixtureNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test with its own fixture network on loopback, started before each test and closed after it. */
abstract class LoopbackTest {
  FixtureNetwork network;

  @BeforeEach
  final void startNetwork() {
    network = FixtureNetwork.start();
  }

  @AfterEach
  final void stopNetwork() {
    network.close();
  }
}

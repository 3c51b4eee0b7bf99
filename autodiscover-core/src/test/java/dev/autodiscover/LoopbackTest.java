package dev.autodiscover;

import dev.autodiscover.testkit.FixtureNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A test with its own fixture network on loopback, started before each test and closed after it. */
abstract class LoopbackTest {
  private static volatile boolean warm;

  FixtureNetwork network;

  /**
   * Resolves once per JVM before any test: the JVM's first TLS handshake loads and compiles enough
   * to take longer than the default stagger, which would make the first test's story depend on
   * which class runs first rather than on what it tests.
   */
  @BeforeAll
  static void warmUp() {
    if (warm) {
      return;
    }
    try (FixtureNetwork warmUp = FixtureNetwork.start()) {
      warmUp.httpsHost("autodiscover.warm.test").respondWithPox(Loopback.settings("warm@warm.test"));
      Loopback.resolver(warmUp).build().resolve("warm@warm.test");
    }
    warm = true;
  }

  @BeforeEach
  final void startNetwork() {
    network = FixtureNetwork.start();
  }

  @AfterEach
  final void stopNetwork() {
    network.close();
  }
}

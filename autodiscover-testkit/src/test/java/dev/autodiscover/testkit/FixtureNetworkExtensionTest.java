package dev.autodiscover.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FixtureNetworkExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FixtureNetworkExtensionTest {

  private static final AtomicReference<FixtureNetwork> firstTestNetwork = new AtomicReference<>();
  private FixtureNetwork beforeEachNetwork;

  @BeforeEach
  void remember(FixtureNetwork network) {
    beforeEachNetwork = network;
  }

  @Test
  @Order(1)
  void injectsAStartedNetworkSharedWithBeforeEach(FixtureNetwork network) {
    assertThat(network).isSameAs(beforeEachNetwork);
    assertThat(network.dnsServer().getPort()).isPositive();
    network.dns().addA("contoso.test", "127.0.1.1");
    firstTestNetwork.set(network);
  }

  @Test
  @Order(2)
  void eachTestGetsAFreshNetworkAndTheLastOneIsClosed(FixtureNetwork network) throws Exception {
    assertThat(network).isNotSameAs(firstTestNetwork.get());
    // the earlier network's DNS port was released when its test ended
    try (DatagramSocket socket = new DatagramSocket(firstTestNetwork.get().dnsServer())) {
      assertThat(socket.isBound()).isTrue();
    }
  }

  @AfterAll
  static void forget() {
    firstTestNetwork.set(null);
  }
}

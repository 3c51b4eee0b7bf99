package dev.autodiscover.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingSocketFactoryTest {

  private final RoutingSocketFactory sockets = new RoutingSocketFactory();
  private ServerSocket server;
  private InetAddress synthetic;

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    synthetic = InetAddress.getByName("127.0.1.1");
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void routedAddressAndPortConnectToTheTarget() throws IOException {
    sockets.route(synthetic, 443, new InetSocketAddress("127.0.0.1", server.getLocalPort()));

    try (Socket client = sockets.createSocket(synthetic, 443);
        Socket accepted = server.accept()) {
      assertThat(client.isConnected()).isTrue();
      assertThat(accepted.getPort()).isEqualTo(client.getLocalPort());
    }
  }

  @Test
  void everyCreateSocketOverloadRoutes() throws IOException {
    sockets.route(synthetic, 443, new InetSocketAddress("127.0.0.1", server.getLocalPort()));
    InetAddress local = InetAddress.getByName("127.0.0.1");

    try (Socket a = sockets.createSocket("127.0.1.1", 443);
        Socket b = sockets.createSocket("127.0.1.1", 443, local, 0);
        Socket c = sockets.createSocket(synthetic, 443, local, 0);
        Socket d = sockets.createSocket()) {
      d.connect(new InetSocketAddress(synthetic, 443), 1000);
      for (Socket socket : new Socket[] {a, b, c, d}) {
        assertThat(socket.getPort()).isEqualTo(server.getLocalPort());
      }
    }
  }

  @Test
  void unroutedSyntheticAddressIsRefusedQuickly() {
    sockets.route(synthetic, 443, new InetSocketAddress("127.0.0.1", server.getLocalPort()));
    long start = System.nanoTime();

    assertThatThrownBy(() -> sockets.createSocket(synthetic, 80))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("127.0.1.1:80");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
  }

  @Test
  void nonLoopbackAddressIsRefusedWithoutAConnectionAttempt() throws IOException {
    Socket socket = sockets.createSocket();

    assertThatThrownBy(() -> socket.connect(
            new InetSocketAddress(InetAddress.getByName("192.0.2.10"), 443), 5000))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(ConnectException.class)
        .hasMessageContaining("192.0.2.10:443");
    assertThat(socket.isClosed()).isTrue();
  }

  @Test
  void plainLoopbackIsConnectedAsAsked() throws IOException {
    try (Socket client = sockets.createSocket("127.0.0.1", server.getLocalPort())) {
      assertThat(client.getPort()).isEqualTo(server.getLocalPort());
    }
  }

  @Test
  void targetsOutsideLoopbackAreRejected() {
    assertThatThrownBy(() -> sockets.route(synthetic, 443, new InetSocketAddress("192.0.2.10", 443)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("127.0.0.0/8");
  }

  @Test
  void removedRouteNoLongerConnects() {
    sockets.route(synthetic, 443, new InetSocketAddress("127.0.0.1", server.getLocalPort()));
    sockets.unroute(synthetic, 443);

    assertThat(sockets.routes()).isEmpty();
    assertThatThrownBy(() -> sockets.createSocket(synthetic, 443)).isInstanceOf(ConnectException.class);
  }
}

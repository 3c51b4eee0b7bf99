package dev.autodiscover.benchmarks.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodiscover.testkit.RoutingSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Socks5ProxyTest {

  private final RoutingSocketFactory routes = new RoutingSocketFactory();
  private ServerSocket server;
  private Socks5Proxy proxy;
  private InetAddress synthetic;

  @BeforeEach
  void start() throws IOException {
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    synthetic = InetAddress.getByAddress(new byte[] {127, 0, 1, 7});
    server = new ServerSocket(0, 50, loopback);
    routes.route(synthetic, 443, new InetSocketAddress(loopback, server.getLocalPort()));
    proxy = Socks5Proxy.start(routes);
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    server.close();
  }

  private Socket viaProxy() {
    return new Socket(new Proxy(Proxy.Type.SOCKS,
        new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port())));
  }

  @Test
  void jdkSocksClientReachesTheRoutedServerAndBytesFlowBothWays() throws IOException {
    try (Socket client = viaProxy()) {
      client.connect(new InetSocketAddress(synthetic, 443), 2_000);
      try (Socket accepted = server.accept()) {
        client.getOutputStream().write("ping".getBytes());
        assertThat(accepted.getInputStream().readNBytes(4)).isEqualTo("ping".getBytes());
        accepted.getOutputStream().write("pong".getBytes());
        assertThat(client.getInputStream().readNBytes(4)).isEqualTo("pong".getBytes());
      }
    }
    assertThat(proxy.forwardedConnections()).isEqualTo(1);
  }

  @Test
  void unroutedLoopbackAddressIsRefused() {
    assertThatThrownBy(() -> {
      try (Socket client = viaProxy()) {
        client.connect(new InetSocketAddress(synthetic, 8443), 2_000);
      }
    }).isInstanceOf(SocketException.class);
    assertThat(proxy.forwardedConnections()).isZero();
  }

  @Test
  void addressOutsideLoopbackIsNeverConnectedTo() throws IOException {
    InetAddress documentation = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});

    assertThatThrownBy(() -> {
      try (Socket client = viaProxy()) {
        client.connect(new InetSocketAddress(documentation, 443), 2_000);
      }
    }).isInstanceOf(SocketException.class);
    assertThat(proxy.forwardedConnections()).isZero();
  }
}

package dev.autodiscover.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SilentHostTest {

  private FixtureNetwork network;

  @BeforeEach
  void startNetwork() {
    network = FixtureNetwork.start();
  }

  @AfterEach
  void stopNetwork() {
    network.close();
  }

  private Socket connect(String name, int port) throws IOException {
    Socket socket = network.socketFactory().createSocket();
    socket.connect(new InetSocketAddress(network.addressOf(name), port), 2_000);
    return socket;
  }

  @Test
  void acceptsOnPort443AndNeverSendsAByte() throws IOException {
    SilentHost host = network.silentHost("contoso.test");

    try (Socket socket = connect("contoso.test", 443)) {
      socket.setSoTimeout(300);
      socket.getOutputStream().write("hello?".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();

      assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
      awaitTrue(() -> host.acceptedConnections() == 1);
      assertThat(host.openConnections()).isEqualTo(1);
    }
  }

  @Test
  void plainHttpOnPort80IsHeldTheSameWay() throws IOException {
    SilentHost host = network.silentHost("contoso.test");

    try (Socket socket = connect("contoso.test", 80)) {
      socket.setSoTimeout(300);
      socket.getOutputStream().write(
          "GET / HTTP/1.1\r\nHost: contoso.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
    }
    awaitTrue(() -> host.acceptedConnections() == 1);
  }

  @Test
  void tlsHandshakeWaitsUntilTheClientsReadTimeout() {
    SilentHost host = network.silentHost("contoso.test");
    HandshakeCertificates trust = network.clientTrust();
    OkHttpClient client = new OkHttpClient.Builder()
        .dns(name -> List.of(network.addressOf(name)))
        .socketFactory(network.socketFactory())
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .retryOnConnectionFailure(false)
        .readTimeout(400, TimeUnit.MILLISECONDS)
        .build();
    Request request = new Request.Builder()
        .url("https://contoso.test/autodiscover/autodiscover.xml").build();

    long start = System.nanoTime();
    assertThatThrownBy(() -> client.newCall(request).execute())
        .isInstanceOf(SocketTimeoutException.class);
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(elapsedMillis).isBetween(300L, 5_000L);
    assertThat(host.acceptedConnections()).isEqualTo(1);
  }

  @Test
  void connectionTheClientClosesIsReleased() throws IOException {
    SilentHost host = network.silentHost("contoso.test");

    Socket first = connect("contoso.test", 443);
    Socket second = connect("contoso.test", 443);
    awaitTrue(() -> host.openConnections() == 2);
    first.close();

    awaitTrue(() -> host.openConnections() == 1);
    assertThat(host.acceptedConnections()).isEqualTo(2);
    second.close();
  }

  @Test
  void closingTheNetworkEndsTheConnectionsItHolds() throws IOException {
    SilentHost host = network.silentHost("contoso.test");

    try (Socket socket = connect("contoso.test", 443)) {
      awaitTrue(() -> host.acceptedConnections() == 1);
      socket.setSoTimeout(5_000);
      network.close();

      assertThat(readOrReset(socket.getInputStream())).isEqualTo(-1);
      assertThat(host.openConnections()).isZero();
    }
  }

  @Test
  void isPublishedInDnsUnderItsOwnSyntheticAddress() {
    SilentHost host = network.silentHost("Contoso.Test.");
    InetAddress address = network.addressOf("contoso.test");

    assertThat(host.name()).isEqualTo("contoso.test");
    assertThat(network.silentHosts()).containsExactly(host);
    assertThat(network.socketFactory().routes())
        .containsEntry(new InetSocketAddress(address, 443),
            new InetSocketAddress("127.0.0.1", host.port()))
        .containsEntry(new InetSocketAddress(address, 80),
            new InetSocketAddress("127.0.0.1", host.port()));
  }

  @Test
  void nameWhosePortsAreAlreadyServedIsRejected() {
    network.httpsHost("contoso.test");

    assertThatThrownBy(() -> network.silentHost("contoso.test"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("contoso.test:443");
  }

  /** -1 for an orderly close; a reset is the same answer to a client that waits for bytes. */
  private static int readOrReset(InputStream in) {
    try {
      return in.read();
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the connection stayed open", e);
    } catch (IOException e) {
      return -1;
    }
  }

  private static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}

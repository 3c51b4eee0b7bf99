package dev.autodiscover.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RawHostTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final byte[] HELLO = ascii(
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");

  private FixtureNetwork network;
  private OkHttpClient client;

  @BeforeEach
  void startNetwork() {
    network = FixtureNetwork.start();
    HandshakeCertificates trust = network.clientTrust();
    client = new OkHttpClient.Builder()
        .dns(name -> List.of(network.addressOf(name)))
        .socketFactory(network.socketFactory())
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .retryOnConnectionFailure(false)
        .callTimeout(5, TimeUnit.SECONDS)
        .build();
  }

  @AfterEach
  void stopNetwork() {
    network.close();
  }

  @Test
  void answersHttpsWithExactlyTheBytesTheHandlerWrites() throws Exception {
    RawHost host = network.rawHost("broken.contoso.test", RawExchange.verbatim(HELLO));

    try (Response response = client.newCall(new Request.Builder()
        .url("https://broken.contoso.test/autodiscover/autodiscover.xml?x=1").build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo("hello");
      assertThat(response.handshake().peerCertificates().get(0)).isEqualTo(host.certificate().certificate());
    }

    assertThat(host.requests()).extracting(ReceivedRequest::method, ReceivedRequest::scheme,
            ReceivedRequest::host, ReceivedRequest::path, ReceivedRequest::url)
        .containsExactly(tuple("GET", "https", "broken.contoso.test", "/autodiscover/autodiscover.xml",
            "/autodiscover/autodiscover.xml?x=1"));
    assertThat(host.awaitServed(1, WAIT)).extracting(RawHost.Served::bytesWritten, RawHost.Served::ending)
        .containsExactly(tuple((long) HELLO.length, RawHost.Ending.ANSWERED));
  }

  @Test
  void servesPlainHttpOnPort80AndHandsTheHandlerTheRequestBody() throws Exception {
    RawHost host = network.rawHost("broken.contoso.test", (request, response) ->
        response.write(ascii("HTTP/1.1 302 Found\r\nLocation: https://" + request.host() + request.path()
            + "\r\nContent-Length: 0\r\n\r\n")));

    try (Response response = client.newBuilder().followRedirects(false).build().newCall(new Request.Builder()
        .url("http://broken.contoso.test/autodiscover/autodiscover.xml")
        .post(RequestBody.create("<Autodiscover/>", MediaType.get("text/xml")))
        .build()).execute()) {
      assertThat(response.code()).isEqualTo(302);
      assertThat(response.header("Location"))
          .isEqualTo("https://broken.contoso.test/autodiscover/autodiscover.xml");
    }

    ReceivedRequest received = host.requests().get(0);
    assertThat(received.scheme()).isEqualTo("http");
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.body()).isEqualTo("<Autodiscover/>");
    assertThat(received.header("content-type")).hasValue("text/xml; charset=utf-8");
  }

  @Test
  void clientThatHangsUpEndsTheExchangeAfterWhatItTook() throws Exception {
    RawHost host = network.rawHost("broken.contoso.test", (request, response) -> {
      response.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"));
      byte[] block = new byte[16 * 1024];
      while (true) {
        response.write(block); // endless, until the client hangs up
      }
    });

    try (Response response = client.newCall(new Request.Builder()
        .url("https://broken.contoso.test/").build()).execute()) {
      BufferedSource body = response.body().source();
      body.require(100_000);
      client.connectionPool().evictAll();
    }

    RawHost.Served served = host.awaitServed(1, WAIT).get(0);
    assertThat(served.ending()).isEqualTo(RawHost.Ending.CLIENT_HUNG_UP);
    assertThat(served.bytesWritten()).isGreaterThan(100_000);
  }

  @Test
  void closingTheNetworkInterruptsAHandlerThatWaitsAndClosesItsConnection() throws Exception {
    RawHost host = network.rawHost("broken.contoso.test", (request, response) -> {
      response.write(ascii("HTTP/1.1 200 OK\r\n"));
      Thread.sleep(60_000);
    });

    try (Socket socket = network.socketFactory().createSocket()) {
      socket.connect(new InetSocketAddress(network.addressOf("broken.contoso.test"), 80), 2_000);
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(ascii("GET / HTTP/1.1\r\nHost: broken.contoso.test\r\n\r\n"));
      InputStream in = socket.getInputStream();
      assertThat(new String(in.readNBytes(17), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK\r\n");

      network.close();

      assertThat(readOrReset(in)).isEqualTo(-1);
    }
    assertThat(host.served()).extracting(RawHost.Served::ending).containsExactly(RawHost.Ending.HOST_CLOSED);
  }

  @Test
  void handlerThatThrowsIsRecordedAndItsConnectionClosed() throws Exception {
    RawHost host = network.rawHost("broken.contoso.test", (request, response) -> {
      throw new IllegalStateException("a broken handler");
    });

    assertThatThrownBy(() -> client.newCall(new Request.Builder().url("https://broken.contoso.test/").build())
        .execute().close())
        .isInstanceOf(IOException.class);

    assertThat(host.awaitServed(1, WAIT)).extracting(RawHost.Served::bytesWritten, RawHost.Served::ending)
        .containsExactly(tuple(0L, RawHost.Ending.HANDLER_FAILED));
  }

  @Test
  void isPublishedInDnsAndRoutedForBothPorts() {
    RawHost host = network.rawHost("Broken.Contoso.Test.", RawExchange.verbatim(HELLO));
    InetAddress address = network.addressOf("broken.contoso.test");

    assertThat(host.name()).isEqualTo("broken.contoso.test");
    assertThat(network.rawHosts()).containsExactly(host);
    assertThat(network.socketFactory().routes())
        .containsEntry(new InetSocketAddress(address, 443), new InetSocketAddress("127.0.0.1", host.httpsPort()))
        .containsEntry(new InetSocketAddress(address, 80), new InetSocketAddress("127.0.0.1", host.httpPort()));
  }

  @Test
  void nameWhosePortsAreAlreadyServedIsRejected() {
    network.silentHost("contoso.test");

    assertThatThrownBy(() -> network.rawHost("contoso.test", RawExchange.verbatim(HELLO)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("contoso.test:443");
  }

  @Test
  void waitingForMoreExchangesThanEndedSaysHowManyDid() {
    RawHost host = network.rawHost("broken.contoso.test", RawExchange.verbatim(HELLO));

    assertThatThrownBy(() -> host.awaitServed(1, Duration.ofMillis(50)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("only 0 of 1 exchanges with broken.contoso.test ended within 50 ms; still answering: 0");
  }

  /** -1 for an orderly close; a reset is the same answer to a client that waits for bytes. */
  private static int readOrReset(InputStream in) {
    try {
      return in.read();
    } catch (java.net.SocketTimeoutException e) {
      throw new AssertionError("the connection stayed open", e);
    } catch (IOException e) {
      return -1;
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}

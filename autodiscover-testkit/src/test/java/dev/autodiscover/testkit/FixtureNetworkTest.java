package dev.autodiscover.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Dns;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class FixtureNetworkTest {

  private static final String AUTODISCOVER = "/autodiscover/autodiscover.xml";
  private static final String SETTINGS = PoxResponses.settings(
      "Alice", "alice@contoso.test", "https://mail.contoso.test/EWS/Exchange.asmx");

  private static FixtureNetwork network;
  private static FixtureHost autodiscover;
  private static FixtureHost root;

  @BeforeAll
  static void startNetwork() {
    network = FixtureNetwork.start();
    autodiscover = network.host("autodiscover.contoso.test").https().http().start();
    root = network.httpsHost("contoso.test",
        network.certificateAuthority().issue("www.contoso.test"));
  }

  @AfterAll
  static void stopNetwork() {
    network.close();
  }

  @BeforeEach
  void reset() {
    for (FixtureHost host : network.hosts()) {
      host.clearResponses();
      host.clearRequests();
    }
    network.dns().clearQueries();
  }

  /** Resolves through the network's stub DNS server, as the library under test does. */
  private static final Dns STUB_DNS = hostname -> {
    try {
      Lookup lookup = new Lookup(hostname + ".", Type.A);
      lookup.setResolver(new SimpleResolver(network.dnsServer()));
      lookup.setCache(null);
      Record[] records = lookup.run();
      if (records == null) {
        throw new UnknownHostException(hostname + ": " + lookup.getErrorString());
      }
      return List.of(((ARecord) records[0]).getAddress());
    } catch (IOException e) {
      throw (UnknownHostException) new UnknownHostException(hostname).initCause(e);
    }
  };

  private static OkHttpClient client(HandshakeCertificates trust) {
    return new OkHttpClient.Builder()
        .dns(STUB_DNS)
        .socketFactory(network.socketFactory())
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .followRedirects(false)
        .connectTimeout(2, TimeUnit.SECONDS)
        .readTimeout(5, TimeUnit.SECONDS)
        .build();
  }

  private static Response post(OkHttpClient client, String url) throws IOException {
    RequestBody body = RequestBody.create("<Autodiscover/>", MediaType.get("text/xml"));
    return client.newCall(new Request.Builder().url(url).post(body).build()).execute();
  }

  @Test
  void httpsOnPort443ReachesTheFixtureAndReturnsTheStubbedPox() throws IOException {
    autodiscover.respondWithPox(SETTINGS);

    try (Response response = post(client(network.clientTrust()),
        "https://autodiscover.contoso.test" + AUTODISCOVER)) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Type")).isEqualTo("text/xml; charset=utf-8");
      assertThat(response.body().string()).isEqualTo(SETTINGS);
    }
    assertThat(network.dns().queries())
        .contains(new DnsQuery("autodiscover.contoso.test", "A", "UDP"));
    assertThat(autodiscover.requests()).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.scheme()).isEqualTo("https");
      assertThat(request.path()).isEqualTo(AUTODISCOVER);
      assertThat(request.host()).isEqualTo("autodiscover.contoso.test");
      assertThat(request.body()).isEqualTo("<Autodiscover/>");
    });
  }

  @Test
  void autodiscoverPathMatchesInAnyCase() throws IOException {
    autodiscover.respondWithPox(SETTINGS);

    try (Response response = post(client(network.clientTrust()),
        "https://autodiscover.contoso.test/AutoDiscover/AutoDiscover.xml")) {
      assertThat(response.code()).isEqualTo(200);
    }
  }

  @Test
  void plainHttpOnPort80ReachesTheSameHost() throws IOException {
    autodiscover.redirect(302, "https://mail.contoso.test" + AUTODISCOVER);
    Request get = new Request.Builder().url("http://autodiscover.contoso.test" + AUTODISCOVER).build();

    try (Response response = client(network.clientTrust()).newCall(get).execute()) {
      assertThat(response.code()).isEqualTo(302);
      assertThat(response.header("Location")).isEqualTo("https://mail.contoso.test" + AUTODISCOVER);
    }
    assertThat(autodiscover.requests()).singleElement()
        .satisfies(request -> assertThat(request.scheme()).isEqualTo("http"));
  }

  @Test
  void certificateFromAnUntrustedAuthorityFailsTheHandshake() {
    autodiscover.respondWithPox(SETTINGS);
    HandshakeCertificates strangerTrust = TestCertificateAuthority.create("Other Root").trust();

    assertThatThrownBy(() -> post(client(strangerTrust),
        "https://autodiscover.contoso.test" + AUTODISCOVER))
        .isInstanceOf(SSLHandshakeException.class);
    assertThat(autodiscover.requests()).isEmpty();
  }

  @Test
  void mismatchedCertificateStillServesAClientThatAcceptsIt() throws IOException {
    root.serveWebSite();
    OkHttpClient lenient = client(network.clientTrust()).newBuilder()
        .hostnameVerifier((hostname, session) -> true)
        .build();

    try (Response response = post(lenient, "https://contoso.test" + AUTODISCOVER)) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Type")).startsWith("text/html");
      assertThat(response.body().string()).contains("<html");
    }
  }

  @Test
  void hostnameVerificationRejectsTheMismatchedCertificate() {
    root.serveWebSite();

    assertThatThrownBy(() -> post(client(network.clientTrust()), "https://contoso.test" + AUTODISCOVER))
        .isInstanceOf(javax.net.ssl.SSLPeerUnverifiedException.class)
        .hasMessageContaining("www.contoso.test");
  }

  @Test
  void unreachableHostIsPublishedButRefusesConnections() throws IOException {
    InetAddress address = network.unreachableHost("old.contoso.test");

    assertThat(STUB_DNS.lookup("old.contoso.test")).containsExactly(address);
    long start = System.nanoTime();
    assertThatThrownBy(() -> post(client(network.clientTrust()), "https://old.contoso.test" + AUTODISCOVER))
        .isInstanceOf(ConnectException.class);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1500);
  }

  @Test
  void unroutedPortOfAKnownHostIsRefused() {
    assertThatThrownBy(() -> post(client(network.clientTrust()), "https://contoso.test:8443" + AUTODISCOVER))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void extraPortCanBeRoutedToAnExistingHost() throws IOException {
    autodiscover.respondWithPox(SETTINGS);
    network.route("autodiscover.contoso.test", 8443, autodiscover.httpsPort());

    try (Response response = post(client(network.clientTrust()),
        "https://autodiscover.contoso.test:8443" + AUTODISCOVER)) {
      assertThat(response.code()).isEqualTo(200);
    }
  }

  @Test
  void eachHostHasItsOwnSyntheticAddress() {
    assertThat(network.addressOf("autodiscover.contoso.test"))
        .isNotEqualTo(network.addressOf("contoso.test"));
    assertThat(network.addressOf("Contoso.Test.").getHostAddress()).startsWith("127.0.");
    assertThatThrownBy(() -> network.addressOf("nowhere.test"))
        .hasMessageContaining("nowhere.test");
  }

  @Test
  void secondHostOnAnAlreadyServedPortIsRejected() {
    assertThatThrownBy(() -> network.httpsHost("autodiscover.contoso.test"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("autodiscover.contoso.test:443");
  }
}

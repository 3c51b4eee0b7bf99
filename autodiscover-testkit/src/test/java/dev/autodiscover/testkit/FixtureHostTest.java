package dev.autodiscover.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FixtureHostTest {

  private static final String XML = PoxResponses.settings(
      "Alice", "alice@contoso.test", "https://mail.contoso.test/EWS/Exchange.asmx");
  private static final String BASIC_ALICE = "Basic YWxpY2U6c2VjcmV0";

  private static TestCertificateAuthority ca;
  private static FixtureHost host;
  private static OkHttpClient client;

  @BeforeAll
  static void start() {
    ca = TestCertificateAuthority.create("Fixture Host Test Root");
    host = FixtureHost.builder("Autodiscover.Contoso.Test.")
        .https(ca.issue("autodiscover.contoso.test", "127.0.0.1"))
        .start();
    client = TrustingClients.of(ca);
  }

  @AfterAll
  static void stop() {
    host.close();
  }

  @BeforeEach
  void reset() {
    host.clearResponses().clearRequests();
  }

  private static String url(String path) {
    return "https://127.0.0.1:" + host.httpsPort() + path;
  }

  private static Response send(String method, String path, String authorization)
      throws IOException {
    Request.Builder request = new Request.Builder().url(url(path))
        .method(method, "GET".equals(method) ? null
            : RequestBody.create("<Request/>", MediaType.get("text/xml")));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.newCall(request.build()).execute();
  }

  @Test
  void nameIsLowerCaseWithoutTrailingDot() {
    assertThat(host.name()).isEqualTo("autodiscover.contoso.test");
    assertThat(host.hasHttps()).isTrue();
    assertThat(host.hasHttp()).isFalse();
    assertThatThrownBy(host::httpPort).hasMessageContaining("http()");
  }

  @Test
  void requireAuthChallengesUntilTheExpectedCredentialsArrive() throws IOException {
    host.requireAuth("Basic", BASIC_ALICE, XML);

    try (Response anonymous = send("POST", FixtureHost.AUTODISCOVER_PATH, null)) {
      assertThat(anonymous.code()).isEqualTo(401);
      assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"autodiscover\"");
    }
    try (Response wrong = send("POST", FixtureHost.AUTODISCOVER_PATH, "Basic d3Jvbmc6d3Jvbmc=")) {
      assertThat(wrong.code()).isEqualTo(401);
    }
    try (Response authorized = send("POST", FixtureHost.AUTODISCOVER_PATH, BASIC_ALICE)) {
      assertThat(authorized.code()).isEqualTo(200);
      assertThat(authorized.body().string()).isEqualTo(XML);
    }
  }

  @Test
  void everyRequestIsRecordedWithItsHeadersInOrder() throws IOException {
    host.requireAuth("Basic", BASIC_ALICE, XML);

    send("POST", FixtureHost.AUTODISCOVER_PATH, null).close();
    send("POST", FixtureHost.AUTODISCOVER_PATH + "?probe=1", BASIC_ALICE).close();

    assertThat(host.requests()).hasSize(2);
    ReceivedRequest first = host.requests().get(0);
    ReceivedRequest second = host.requests().get(1);
    assertThat(first.hasHeader("Authorization")).isFalse();
    assertThat(first.header("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
    assertThat(first.body()).isEqualTo("<Request/>");
    assertThat(second.header("authorization")).contains(BASIC_ALICE);
    assertThat(second.headers().get("AUTHORIZATION")).containsExactly(BASIC_ALICE);
    assertThat(second.path()).isEqualTo(FixtureHost.AUTODISCOVER_PATH);
    assertThat(second.url()).isEqualTo(FixtureHost.AUTODISCOVER_PATH + "?probe=1");
    assertThat(host.wireMock().getAllServeEvents()).hasSize(2);
  }

  @Test
  void respondServesAnyStatusAndBody() throws IOException {
    host.respond(503, "busy", "text/plain");

    try (Response response = send("POST", FixtureHost.AUTODISCOVER_PATH, null)) {
      assertThat(response.code()).isEqualTo(503);
      assertThat(response.body().string()).isEqualTo("busy");
    }
  }

  @Test
  void redirectAnswersGetAndPost() throws IOException {
    host.redirect(301, "https://mail.contoso.test/autodiscover/autodiscover.xml");

    for (String method : new String[] {"GET", "POST"}) {
      try (Response response = send(method, FixtureHost.AUTODISCOVER_PATH, null)) {
        assertThat(response.code()).isEqualTo(301);
        assertThat(response.header("Location"))
            .isEqualTo("https://mail.contoso.test/autodiscover/autodiscover.xml");
      }
    }
  }

  @Test
  void webSiteServesHtmlEverywhereButPoxStubsStillWin() throws IOException {
    host.serveWebSite().respondWithPox(XML);

    try (Response page = send("GET", "/about/careers", null)) {
      assertThat(page.code()).isEqualTo(200);
      assertThat(page.header("Content-Type")).startsWith("text/html");
      assertThat(page.body().string()).contains("autodiscover.contoso.test");
    }
    try (Response pox = send("POST", FixtureHost.AUTODISCOVER_PATH, null)) {
      assertThat(pox.body().string()).isEqualTo(XML);
    }
  }

  @Test
  void webSiteAloneAnswersTheAutodiscoverPathWithHtml() throws IOException {
    host.serveWebSite();

    try (Response response = send("POST", FixtureHost.AUTODISCOVER_PATH, null)) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).startsWith("<!DOCTYPE html>");
    }
  }

  @Test
  void httpsWithoutCertificateOutsideANetworkIsSelfSigned() {
    try (FixtureHost standalone = FixtureHost.builder("mail.contoso.test").https().http().start()) {
      assertThat(standalone.certificate().certificate().getIssuerX500Principal().getName())
          .isEqualTo("CN=mail.contoso.test");
      assertThat(standalone.httpPort()).isNotEqualTo(standalone.httpsPort());
    }
  }

  @Test
  void closeDeletesTheKeyStoreAndIsIdempotent() {
    FixtureHost temporary = FixtureHost.builder("tmp.contoso.test").https().start();
    Path keystore = temporary.keystore();
    assertThat(keystore).exists();

    temporary.close();
    temporary.close();

    assertThat(Files.exists(keystore)).isFalse();
    assertThat(temporary.wireMock().isRunning()).isFalse();
  }

  @Test
  void hostWithoutAnyProtocolIsRejected() {
    assertThatThrownBy(() -> FixtureHost.builder("x.contoso.test").start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("https(...)");
  }
}

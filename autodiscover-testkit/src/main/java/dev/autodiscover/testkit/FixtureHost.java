package dev.autodiscover.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.UrlPathPattern;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.tls.HeldCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One web server on 127.0.0.1 standing for one host name, serving HTTPS with a given certificate
 * and optionally plain HTTP, each on a port the system chose.
 *
 * <p>The convenience responses speak the four Autodiscover dialects, each on its path, matched
 * in any letter case, so one host can serve them all at once:
 *
 * <ul>
 *   <li>POX, a POST to {@value #AUTODISCOVER_PATH}: {@link #respondWithPox(String)},
 *       {@link #respond(int, String, String)}, {@link #redirect(int, String)};
 *   <li>ActiveSync, a POST to the same path whose body holds
 *       {@value #ACTIVESYNC_REQUEST_NAMESPACE}: {@link #respondWithActiveSync(String)}, which wins
 *       over the POX answers for such a body;
 *   <li>SOAP, a POST to {@value #SOAP_PATH}: {@link #respondWithSoap(String)};
 *   <li>JSON, a GET to {@value #JSON_PATH_PREFIX}, bare or followed by {@code /v1.0/<email>}:
 *       {@link #respondWithJson(String)}, {@link #respondWithJson(String, String)} for one
 *       {@code Protocol}, which wins over the answer for any, and
 *       {@link #redirectJson(int, String)}.
 * </ul>
 *
 * <p>{@link #requireAuth(String, String)} challenges requests to the POX and SOAP paths that lack
 * the expected credentials before any of these answers. Anything else can be stubbed through
 * {@link #wireMock()}. Every request is kept, and {@link #requests()} shows them with their
 * method, query and headers, so a test can assert exactly which dialect a client spoke and where
 * credentials went.
 *
 * <pre>{@code
 * try (FixtureHost host = FixtureHost.builder("autodiscover.contoso.test")
 *     .https(ca.issue("autodiscover.contoso.test"))
 *     .start()) {
 *   host.respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", ewsUrl));
 *   ... POST to https://127.0.0.1:{host.httpsPort()}/autodiscover/autodiscover.xml ...
 *   assertThat(host.requests()).singleElement()
 *       .satisfies(r -> assertThat(r.hasHeader("Authorization")).isFalse());
 * }
 * }</pre>
 *
 * <p>Thread safety: safe for concurrent use; stubs may be added while requests are served.
 */
public final class FixtureHost implements AutoCloseable {

  /** The Autodiscover path of POX and ActiveSync, matched without regard to letter case. */
  public static final String AUTODISCOVER_PATH = "/autodiscover/autodiscover.xml";

  /** Content type of the POX, ActiveSync and SOAP answers. */
  public static final String XML_CONTENT_TYPE = "text/xml; charset=utf-8";

  /**
   * Namespace of an ActiveSync Autodiscover request: a POST to the Autodiscover path whose body
   * holds it gets the answer of {@link #respondWithActiveSync(String)}.
   */
  public static final String ACTIVESYNC_REQUEST_NAMESPACE =
      "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006";

  /**
   * The Autodiscover v2 (JSON) path, matched without regard to letter case, both as it is and
   * followed by {@code /v1.0/<email>}.
   */
  public static final String JSON_PATH_PREFIX = "/autodiscover/autodiscover.json";

  /** What comes before the address in the v1.0 form of the JSON path. */
  public static final String JSON_V1_PATH_PREFIX = JSON_PATH_PREFIX + "/v1.0/";

  /** The SOAP Autodiscover path, matched without regard to letter case. */
  public static final String SOAP_PATH = "/autodiscover/autodiscover.svc";

  /** Content type of the JSON answers. */
  public static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

  private static final Logger log = LoggerFactory.getLogger(FixtureHost.class);
  private static final UrlPathPattern AUTODISCOVER =
      urlPathMatching("(?i)/autodiscover/autodiscover\\.xml");
  private static final UrlPathPattern SOAP =
      urlPathMatching("(?i)/autodiscover/autodiscover\\.svc");
  private static final UrlPathPattern JSON =
      urlPathMatching("(?i)/autodiscover/autodiscover\\.json(?:/v1\\.0/[^/]+)?");
  private static final int AUTHORIZED_PRIORITY = 1;
  private static final int CHALLENGE_PRIORITY = 2;
  /** Stubs for one kind of request on a path (one Protocol, say) win over the path's others. */
  private static final int NARROW_PRIORITY = 3;
  private static final int WEB_SITE_PRIORITY = 100;

  private final String name;
  private final WireMockServer server;
  private final HeldCertificate certificate;
  private final Path keystore;
  private final boolean http;
  private final AtomicBoolean closed = new AtomicBoolean();

  FixtureHost(String name, WireMockServer server, HeldCertificate certificate, Path keystore,
      boolean http) {
    this.name = name;
    this.http = http;
    this.server = server;
    this.certificate = certificate;
    this.keystore = keystore;
  }

  /** Starts describing a host for {@code name}; give it HTTPS, HTTP or both, then start it. */
  public static FixtureHostBuilder builder(String name) {
    return new FixtureHostBuilder(name);
  }

  /** The host name this server stands for, in lower case without a trailing dot. */
  public String name() {
    return name;
  }

  /** Whether the host serves HTTPS. */
  public boolean hasHttps() {
    return certificate != null;
  }

  /** Whether the host serves plain HTTP. */
  public boolean hasHttp() {
    return http;
  }

  /**
   * The HTTPS port on 127.0.0.1.
   *
   * @throws IllegalStateException if the host serves no HTTPS
   */
  public int httpsPort() {
    if (!hasHttps()) {
      throw new IllegalStateException(name + " serves no HTTPS; build it with https(...)");
    }
    return server.httpsPort();
  }

  /**
   * The plain HTTP port on 127.0.0.1.
   *
   * @throws IllegalStateException if the host serves no plain HTTP
   */
  public int httpPort() {
    if (!hasHttp()) {
      throw new IllegalStateException(name + " serves no plain HTTP; build it with http()");
    }
    return server.port();
  }

  /**
   * The certificate served over HTTPS.
   *
   * @throws IllegalStateException if the host serves no HTTPS
   */
  public HeldCertificate certificate() {
    if (!hasHttps()) {
      throw new IllegalStateException(name + " serves no HTTPS; build it with https(...)");
    }
    return certificate;
  }

  /** The WireMock server, for any stubbing or verification beyond the conveniences here. */
  public WireMockServer wireMock() {
    return server;
  }

  /** Every request received so far, oldest first, as an unmodifiable snapshot. */
  public List<ReceivedRequest> requests() {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    Collections.reverse(events); // WireMock lists the newest first
    List<ReceivedRequest> result = new ArrayList<>(events.size());
    for (ServeEvent event : events) {
      result.add(toReceived(event.getRequest()));
    }
    return List.copyOf(result);
  }

  /** Forgets the requests received so far. */
  public void clearRequests() {
    server.resetRequests();
  }

  /** Removes every stub, so that every request gets WireMock's 404. */
  public FixtureHost clearResponses() {
    server.resetMappings();
    return this;
  }

  /**
   * Answers a POST to the Autodiscover path with 200 and {@code xml} as {@code text/xml}; an
   * ActiveSync request gets the {@link #respondWithActiveSync(String)} answer instead, if set.
   */
  public FixtureHost respondWithPox(String xml) {
    server.stubFor(post(AUTODISCOVER).willReturn(
        aResponse().withStatus(200).withHeader("Content-Type", XML_CONTENT_TYPE).withBody(xml)));
    return this;
  }

  /**
   * Answers a POST to the Autodiscover path whose body holds
   * {@link #ACTIVESYNC_REQUEST_NAMESPACE} with 200 and {@code xml} as {@code text/xml}. It wins
   * over {@link #respondWithPox(String)}, {@link #respond(int, String, String)} and
   * {@link #redirect(int, String)}, so one host can answer Outlook and ActiveSync clients apart.
   */
  public FixtureHost respondWithActiveSync(String xml) {
    Objects.requireNonNull(xml, "xml");
    server.stubFor(post(AUTODISCOVER)
        .atPriority(NARROW_PRIORITY)
        .withRequestBody(containing(ACTIVESYNC_REQUEST_NAMESPACE))
        .willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", XML_CONTENT_TYPE).withBody(xml)));
    return this;
  }

  /** Answers any request to the Autodiscover path with {@code status} and {@code body}. */
  public FixtureHost respond(int status, String body, String contentType) {
    server.stubFor(any(AUTODISCOVER).willReturn(
        aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body)));
    return this;
  }

  /**
   * Answers GET and POST to the Autodiscover path with a redirect to {@code location}.
   *
   * @param status 301, 302, 303, 307 or 308, or any other status to test odd servers
   */
  public FixtureHost redirect(int status, String location) {
    for (MappingBuilder mapping : List.of(get(AUTODISCOVER), post(AUTODISCOVER))) {
      server.stubFor(mapping.willReturn(
          aResponse().withStatus(status).withHeader("Location", location)));
    }
    return this;
  }

  /**
   * Answers a POST to the SOAP path with 200 and {@code xml} as {@code text/xml}, whatever its
   * {@code SOAPAction}; {@link #requests()} shows the header the client sent.
   */
  public FixtureHost respondWithSoap(String xml) {
    return respondWithSoap(200, xml);
  }

  /**
   * Answers a POST to the SOAP path with {@code status} and {@code xml} as {@code text/xml}: a
   * SOAP 1.1 server sends its faults with 500.
   */
  public FixtureHost respondWithSoap(int status, String xml) {
    Objects.requireNonNull(xml, "xml");
    server.stubFor(post(SOAP).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", XML_CONTENT_TYPE).withBody(xml)));
    return this;
  }

  /**
   * Answers a GET to the JSON path, in either form and for any {@code Protocol}, with 200 and
   * {@code json} as {@code application/json}; an answer set for one protocol with
   * {@link #respondWithJson(String, String)} wins for that protocol.
   */
  public FixtureHost respondWithJson(String json) {
    return respondWithJson(200, json);
  }

  /**
   * Answers a GET to the JSON path, in either form, whose first {@code Protocol} query parameter
   * (the name in any letter case) equals {@code protocol} without regard to letter case, with 200
   * and {@code json} as {@code application/json}. Other protocols get the answer set for any
   * protocol, if there is one, else WireMock's 404.
   */
  public FixtureHost respondWithJson(String protocol, String json) {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(json, "json");
    server.stubFor(get(JSON)
        .atPriority(NARROW_PRIORITY)
        .andMatching(request -> MatchResult.of(protocol.equalsIgnoreCase(
            QueryStrings.first(QueryStrings.query(request.getUrl()), "Protocol"))))
        .willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", JSON_CONTENT_TYPE).withBody(json)));
    return this;
  }

  /**
   * Answers a GET to the JSON path, in either form and for any {@code Protocol}, with
   * {@code status} and {@code json} as {@code application/json}: an error object with 400, say.
   */
  public FixtureHost respondWithJson(int status, String json) {
    Objects.requireNonNull(json, "json");
    server.stubFor(get(JSON).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", JSON_CONTENT_TYPE).withBody(json)));
    return this;
  }

  /**
   * Answers a GET to the JSON path, in either form and for any {@code Protocol}, with a redirect
   * to {@code location}, as Exchange Online sends a client to the host of its mailbox; see
   * {@link JsonResponses#redirectLocation(String, String, String, int)}.
   *
   * @param status 302 as Exchange Online sends, or any other status to test odd servers
   */
  public FixtureHost redirectJson(int status, String location) {
    Objects.requireNonNull(location, "location");
    server.stubFor(get(JSON).willReturn(
        aResponse().withStatus(status).withHeader("Location", location)));
    return this;
  }

  /**
   * Answers a POST to the Autodiscover path with {@code xmlWhenAuthorized} when its
   * {@code Authorization} header equals {@code expectedAuthorization}, and any other request to
   * that path with 401 and {@code WWW-Authenticate: <scheme> realm="autodiscover"}. The
   * authorized answer goes to every POST on the path, ActiveSync ones too; to guard the SOAP path
   * as well, or to give each dialect its own answer, use {@link #requireAuth(String, String)}.
   */
  public FixtureHost requireAuth(
      String scheme, String expectedAuthorization, String xmlWhenAuthorized) {
    server.stubFor(post(AUTODISCOVER)
        .atPriority(AUTHORIZED_PRIORITY)
        .withHeader("Authorization", equalTo(expectedAuthorization))
        .willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", XML_CONTENT_TYPE).withBody(xmlWhenAuthorized)));
    server.stubFor(any(AUTODISCOVER)
        .atPriority(CHALLENGE_PRIORITY)
        .willReturn(challenge(scheme)));
    return this;
  }

  /**
   * Answers any request to the Autodiscover path or the SOAP path whose {@code Authorization}
   * header is missing or differs from {@code expectedAuthorization} with 401 and
   * {@code WWW-Authenticate: <scheme> realm="autodiscover"}, and lets the other answers of this
   * host (POX, ActiveSync, SOAP) serve the requests that carry it. The JSON path stays
   * anonymous, as in Exchange Online.
   *
   * <pre>{@code
   * host.requireAuth("Basic", "Basic YWxpY2U6c2VjcmV0")
   *     .respondWithSoap(SoapResponses.settings().displayName("Alice").build());
   * }</pre>
   */
  public FixtureHost requireAuth(String scheme, String expectedAuthorization) {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(expectedAuthorization, "expectedAuthorization");
    for (UrlPathPattern path : List.of(AUTODISCOVER, SOAP)) {
      server.stubFor(any(path)
          .atPriority(CHALLENGE_PRIORITY)
          .andMatching(request -> MatchResult.of(
              !expectedAuthorization.equals(request.getHeader("Authorization"))))
          .willReturn(challenge(scheme)));
    }
    return this;
  }

  /**
   * Serves an ordinary HTML page with status 200 at every path and for every method, as a
   * public web site does; the other conveniences still take precedence on the Autodiscover
   * paths.
   */
  public FixtureHost serveWebSite() {
    server.stubFor(any(anyUrl())
        .atPriority(WEB_SITE_PRIORITY)
        .willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "text/html; charset=utf-8")
            .withBody(webPage(name))));
    return this;
  }

  /** Stops the server and deletes its key store; calling it again does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      server.stop();
    } finally {
      deleteKeystore();
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("FixtureHost[").append(name);
    if (hasHttps()) {
      text.append(" https=127.0.0.1:").append(server.httpsPort());
    }
    if (hasHttp()) {
      text.append(" http=127.0.0.1:").append(server.port());
    }
    return text.append(']').toString();
  }

  /** The temporary key store file, or {@code null} without HTTPS. */
  Path keystore() {
    return keystore;
  }

  void deleteKeystore() {
    if (keystore == null) {
      return;
    }
    try {
      Files.deleteIfExists(keystore);
    } catch (IOException e) {
      log.debug("could not delete {}", keystore, e);
    }
  }

  private static ResponseDefinitionBuilder challenge(String scheme) {
    return aResponse().withStatus(401)
        .withHeader("WWW-Authenticate", scheme + " realm=\"autodiscover\"")
        .withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody("<html><body><h1>401 Unauthorized</h1></body></html>");
  }

  private static ReceivedRequest toReceived(LoggedRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      headers.put(header.key(), header.values());
    }
    String url = request.getUrl();
    int query = url.indexOf('?');
    String path = query < 0 ? url : url.substring(0, query);
    String body = request.getBody() == null ? "" : request.getBodyAsString();
    String host = request.getHost() == null ? "" : request.getHost().toLowerCase(Locale.ROOT);
    String protocol = request.getProtocol() == null ? "" : request.getProtocol();
    return new ReceivedRequest(request.getMethod().value(),
        request.getScheme().toLowerCase(Locale.ROOT), host, protocol, path, url, headers, body);
  }

  private static String webPage(String name) {
    String title = PoxResponses.escape(name);
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
        + "</title></head>\n<body><h1>Welcome to " + title + "</h1>"
        + "<p>Products, news and careers.</p></body></html>\n";
  }
}

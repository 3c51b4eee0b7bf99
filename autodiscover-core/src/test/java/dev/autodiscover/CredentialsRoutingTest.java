package dev.autodiscover;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.autodiscover.event.AttemptFinished;
import dev.autodiscover.event.AttemptStarted;
import dev.autodiscover.event.AutodiscoverListener;
import dev.autodiscover.event.Redirected;
import dev.autodiscover.event.ResolutionFinished;
import dev.autodiscover.event.ResolutionStarted;
import dev.autodiscover.spi.CredentialsProvider;
import dev.autodiscover.testkit.DnsQuery;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.ReceivedRequest;
import dev.autodiscover.testkit.TestCertificateAuthority;
import dev.autodiscover.tls.TrustDecision;
import dev.autodiscover.tls.UntrustedCertificateHandler;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocket;
import okhttp3.OkHttpClient;
import okhttp3.tls.HeldCertificate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Where credentials go. Each test builds one fixture network in which every host asks for
 * credentials and keeps every request it receives, resolves once, and then compares, host by host,
 * every request received and the {@code Authorization} header it carried with the exact list
 * expected. The rules proven (DESIGN.md): credentials go only to https endpoints whose certificate
 * was accepted, only in answer to a 401 of that endpoint that offers their scheme, never
 * pre-emptively, never to the plain-HTTP step, never to a host the redirect policy refused; and
 * they never appear in what the resolution tells (result, exception, listener events). The
 * resolver's own view of the wire (a network interceptor on its base client) adds which
 * certificate each connection that carried credentials presented.
 *
 * <p>Both probing modes give the same story here: every host answers at once, well within
 * {@link Loopback#PROBING}'s stagger, so the host decisions come in the same order either way.
 */
class CredentialsRoutingTest extends LoopbackTest {
  private static final String ALICE = "alice@contoso.test";
  private static final String TOKEN_MARKER = "tok3n-MUST-NOT-LEAK";
  private static final String PASSWORD_MARKER = "pa55w0rd-MUST-NOT-LEAK";
  private static final Credentials TOKEN = Credentials.bearer(TOKEN_MARKER);
  private static final Credentials PASSWORD = Credentials.basic("alice", PASSWORD_MARKER);
  private static final String PATH = FixtureHost.AUTODISCOVER_PATH;
  private static final String NO_AUTHORIZATION = "no Authorization";

  private static final String ROOT_URL = Loopback.autodiscoverUrl("contoso.test");
  private static final String PREFIXED_URL = Loopback.autodiscoverUrl("autodiscover.contoso.test");
  private static final String PLAIN_URL = "http://autodiscover.contoso.test" + PATH;
  private static final String SRV_NAME = "_autodiscover._tcp.contoso.test";

  /** What the host application was asked, in order: certificates, redirects, credentials. */
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private final List<AuthenticationChallenge> challenges = new CopyOnWriteArrayList<>();
  /** Every event the listener heard, as text. */
  private final List<String> heard = new CopyOnWriteArrayList<>();
  /** Every request the resolver wrote, seen from its side of the connection. */
  private final List<Written> written = new CopyOnWriteArrayList<>();

  /**
   * A bearer token, and every kind of place it must not go: a root domain whose certificate names
   * only www (skipped), an autodiscover host that offers Basic only over https and answers the
   * plain-HTTP GET with a 401 offering Bearer, an SRV target the host application refuses, a legacy
   * SRV target with a self-signed certificate trusted once whose redirectUrl to fabrikam is refused,
   * and a mail host whose 302 to northwind is allowed. Only the legacy host, the mail host and
   * northwind receive the token, each once, each after its own 401 offering Bearer.
   */
  @Test
  void bearerTokenGoesOnlyToAcceptedHttpsHostsAfterTheirOwnBearerChallenge() {
    TestCertificateAuthority ca = network.certificateAuthority();
    String refusedUrl = Loopback.autodiscoverUrl("refused.contoso.test");
    String legacyUrl = Loopback.autodiscoverUrl("legacy.contoso.test");
    String fabrikamUrl = Loopback.autodiscoverUrl("autodiscover.fabrikam.test");
    String mailUrl = Loopback.autodiscoverUrl("mail.contoso.test");
    String northwindUrl = Loopback.autodiscoverUrl("mail.northwind.test");

    FixtureHost root = network.httpsHost("contoso.test", ca.issue("www.contoso.test"));
    asking(root, "Bearer realm=\"contoso\"");
    unlocking(root, TOKEN, settings());
    FixtureHost prefixed = network.host("autodiscover.contoso.test").https().http().start();
    askingOn(prefixed, post(urlPathEqualTo(PATH)), "Basic realm=\"contoso\"");
    askingOn(prefixed, get(urlPathEqualTo(PATH)), "Bearer", "Basic realm=\"contoso\"");
    FixtureHost refused = network.httpsHost("refused.contoso.test");
    asking(refused, "Bearer");
    unlocking(refused, TOKEN, settings());
    HeldCertificate selfSigned = TestCertificateAuthority.selfSigned("legacy.contoso.test");
    FixtureHost legacy = network.httpsHost("legacy.contoso.test", selfSigned);
    asking(legacy, "Bearer");
    unlocking(legacy, TOKEN, okXml(PoxResponses.redirectUrl(fabrikamUrl)));
    FixtureHost fabrikam = network.httpsHost("autodiscover.fabrikam.test");
    asking(fabrikam, "Bearer");
    unlocking(fabrikam, TOKEN, settings());
    FixtureHost mail = network.httpsHost("mail.contoso.test");
    asking(mail, "Bearer");
    unlocking(mail, TOKEN, aResponse().withStatus(302).withHeader("Location", northwindUrl));
    FixtureHost northwind = network.httpsHost("mail.northwind.test");
    asking(northwind, "Bearer");
    unlocking(northwind, TOKEN, settings());
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "refused.contoso.test");
    network.dns().addSrv(SRV_NAME, 10, 0, 443, "legacy.contoso.test");
    network.dns().addSrv(SRV_NAME, 20, 0, 443, "mail.contoso.test");
    Set<String> consented = Set.of("legacy.contoso.test", "mail.contoso.test", "mail.northwind.test");

    AutodiscoverResult result = resolver(TOKEN)
        .untrustedCertificateHandler(trustingOnly("legacy.contoso.test"))
        .redirectConsent(telling(request ->
            consented.contains(request.to().getHost()) ? RedirectDecision.ALLOW : RedirectDecision.DENY))
        .build()
        .resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(northwindUrl), DiscoveryMethod.SRV));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::method, Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.CERTIFICATE_REJECTED),
            tuple(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.UNAUTHORIZED),
            tuple(DiscoveryMethod.HTTP_REDIRECT, PLAIN_URL, AttemptOutcome.UNAUTHORIZED),
            tuple(DiscoveryMethod.SRV, SRV_NAME, AttemptOutcome.REDIRECTED),
            tuple(DiscoveryMethod.SRV, refusedUrl, AttemptOutcome.REDIRECT_DENIED),
            tuple(DiscoveryMethod.SRV, legacyUrl, AttemptOutcome.CERTIFICATE_REJECTED),
            tuple(DiscoveryMethod.SRV, legacyUrl, AttemptOutcome.REDIRECTED),
            tuple(DiscoveryMethod.SRV, fabrikamUrl, AttemptOutcome.REDIRECT_DENIED),
            tuple(DiscoveryMethod.SRV, mailUrl, AttemptOutcome.REDIRECTED),
            tuple(DiscoveryMethod.SRV, northwindUrl, AttemptOutcome.SUCCESS));

    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("contoso.test", List.of());
    expected.put("autodiscover.contoso.test", List.of(
        "POST https " + PATH + " " + NO_AUTHORIZATION,
        "GET http " + PATH + " " + NO_AUTHORIZATION));
    expected.put("refused.contoso.test", List.of());
    expected.put("legacy.contoso.test", List.of(
        "POST https " + PATH + " " + NO_AUTHORIZATION,
        "POST https " + PATH + " " + TOKEN.authorization()));
    expected.put("autodiscover.fabrikam.test", List.of());
    expected.put("mail.contoso.test", List.of(
        "POST https " + PATH + " " + NO_AUTHORIZATION,
        "POST https " + PATH + " " + TOKEN.authorization()));
    expected.put("mail.northwind.test", List.of(
        "POST https " + PATH + " " + NO_AUTHORIZATION,
        "POST https " + PATH + " " + TOKEN.authorization()));
    assertThat(received()).as(result.describe()).containsExactlyEntriesOf(expected);

    assertThat(asked).as("what the host application was asked, in order").containsExactly(
        "certificate of contoso.test " + Fingerprints.sha256(root.certificate()) + ": SKIP",
        "credentials for " + PREFIXED_URL,
        "consent to SRV " + refusedUrl + ": DENY",
        "consent to SRV " + legacyUrl + ": ALLOW",
        "certificate of legacy.contoso.test " + Fingerprints.sha256(selfSigned) + ": TRUST_ONCE",
        "credentials for " + legacyUrl,
        "consent to REDIRECT_URL " + fabrikamUrl + ": DENY",
        "consent to SRV " + mailUrl + ": ALLOW",
        "credentials for " + mailUrl,
        "consent to REDIRECT_URL " + northwindUrl + ": ALLOW",
        "credentials for " + northwindUrl);
    assertThat(challenges).containsExactly(
        challenge(PREFIXED_URL, "Basic"),
        challenge(legacyUrl, "Bearer"),
        challenge(mailUrl, "Bearer"),
        challenge(northwindUrl, "Bearer"));

    assertThat(credentialedConnections()).as("the certificate of each connection that carried the token")
        .containsExactly(
            tuple("legacy.contoso.test", Fingerprints.sha256(legacy.certificate())),
            tuple("mail.contoso.test", Fingerprints.sha256(mail.certificate())),
            tuple("mail.northwind.test", Fingerprints.sha256(northwind.certificate())));
    assertThat(network.dns().queries()).extracting(DnsQuery::name)
        .as("hosts the host application refused are not even looked up")
        .doesNotContain("refused.contoso.test", "autodiscover.fabrikam.test");
    assertNothingTells(result);
  }

  /**
   * A user name and password, and every kind of answer Basic must not follow: a 401 that offers
   * Bearer (with {@code realm="Basic"}) and Negotiate, a 403 that carries a Basic challenge, a
   * plain-HTTP GET answered with a 401 offering Basic, a 401 that names no scheme, and an SRV target
   * whose certificate comes from an unknown authority (skipped). Basic goes only to the mail host,
   * whose 401 offers Basic, and to the host its 302 leads to, after that host's own 401 offering
   * Basic among others; that host rejects it, it is not sent again, and the failure tells no secret.
   */
  @Test
  void basicCredentialsAnswerOnlyA401ThatOffersBasic() {
    String owaUrl = Loopback.autodiscoverUrl("owa.contoso.test");
    String ewsUrl = Loopback.autodiscoverUrl("ews.contoso.test");
    String mailUrl = Loopback.autodiscoverUrl("mail.contoso.test");
    String exchangeUrl = Loopback.autodiscoverUrl("ex2019.contoso.test");

    FixtureHost root = network.httpsHost("contoso.test");
    asking(root, "Bearer realm=\"Basic\"", "Negotiate");
    unlocking(root, PASSWORD, settings());
    FixtureHost prefixed = network.host("autodiscover.contoso.test").https().http().start();
    prefixed.wireMock().stubFor(post(urlPathEqualTo(PATH)).atPriority(10).willReturn(
        aResponse().withStatus(403).withHeader("WWW-Authenticate", "Basic realm=\"contoso\"")));
    unlocking(prefixed, PASSWORD, settings());
    askingOn(prefixed, get(urlPathEqualTo(PATH)), "Basic realm=\"contoso\"");
    FixtureHost owa = network.httpsHost("owa.contoso.test");
    asking(owa);
    unlocking(owa, PASSWORD, settings());
    HeldCertificate unknownIssuer = TestCertificateAuthority.create("Unknown Root").issue("ews.contoso.test");
    FixtureHost ews = network.httpsHost("ews.contoso.test", unknownIssuer);
    asking(ews, "Basic realm=\"contoso\"");
    unlocking(ews, PASSWORD, settings());
    FixtureHost mail = network.httpsHost("mail.contoso.test");
    asking(mail, "Basic realm=\"contoso\"");
    unlocking(mail, PASSWORD, aResponse().withStatus(302).withHeader("Location", exchangeUrl));
    FixtureHost exchange = network.httpsHost("ex2019.contoso.test");
    asking(exchange, "Negotiate, Basic realm=\"contoso\"");
    unlocking(exchange, Credentials.basic("alice", "the-real-password"), settings());
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "owa.contoso.test");
    network.dns().addSrv(SRV_NAME, 5, 0, 443, "ews.contoso.test");
    network.dns().addSrv(SRV_NAME, 10, 0, 443, "mail.contoso.test");

    AutodiscoverResult result = resolver(PASSWORD)
        .untrustedCertificateHandler(trustingOnly())
        .redirectConsent(telling(RedirectConsent.SAME_DOMAIN))
        .build()
        .resolve(ALICE);

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::method, Attempt::url, Attempt::outcome, Attempt::httpStatus)
        .containsExactly(
            tuple(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.UNAUTHORIZED, status(401)),
            tuple(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.HTTP_ERROR, status(403)),
            tuple(DiscoveryMethod.HTTP_REDIRECT, PLAIN_URL, AttemptOutcome.UNAUTHORIZED, status(401)),
            tuple(DiscoveryMethod.SRV, SRV_NAME, AttemptOutcome.REDIRECTED, OptionalInt.empty()),
            tuple(DiscoveryMethod.SRV, owaUrl, AttemptOutcome.UNAUTHORIZED, status(401)),
            tuple(DiscoveryMethod.SRV, ewsUrl, AttemptOutcome.CERTIFICATE_REJECTED, OptionalInt.empty()),
            tuple(DiscoveryMethod.SRV, mailUrl, AttemptOutcome.REDIRECTED, status(302)),
            tuple(DiscoveryMethod.SRV, exchangeUrl, AttemptOutcome.UNAUTHORIZED, status(401)));

    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("contoso.test", List.of(
        "POST https " + PATH + " " + NO_AUTHORIZATION));
    expected.put("autodiscover.contoso.test", List.of(
        "POST https " + PATH + " " + NO_AUTHORIZATION,
        "GET http " + PATH + " " + NO_AUTHORIZATION));
    expected.put("owa.contoso.test", List.of(
        "POST https " + PATH + " " + NO_AUTHORIZATION));
    expected.put("ews.contoso.test", List.of());
    expected.put("mail.contoso.test", List.of(
        "POST https " + PATH + " " + NO_AUTHORIZATION,
        "POST https " + PATH + " " + PASSWORD.authorization()));
    expected.put("ex2019.contoso.test", List.of(
        "POST https " + PATH + " " + NO_AUTHORIZATION,
        "POST https " + PATH + " " + PASSWORD.authorization()));
    assertThat(received()).as(result.describe()).containsExactlyEntriesOf(expected);

    assertThat(asked).as("what the host application was asked, in order").containsExactly(
        "credentials for " + ROOT_URL,
        "consent to SRV " + owaUrl + ": ALLOW",
        "credentials for " + owaUrl,
        "consent to SRV " + ewsUrl + ": ALLOW",
        "certificate of ews.contoso.test " + Fingerprints.sha256(unknownIssuer) + ": SKIP",
        "consent to SRV " + mailUrl + ": ALLOW",
        "credentials for " + mailUrl,
        "credentials for " + exchangeUrl);
    assertThat(challenges).containsExactly(
        challenge(ROOT_URL, "Bearer", "Negotiate"),
        challenge(owaUrl),
        challenge(mailUrl, "Basic"),
        challenge(exchangeUrl, "Negotiate", "Basic"));

    assertThat(credentialedConnections()).as("the certificate of each connection that carried the password")
        .containsExactly(
            tuple("mail.contoso.test", Fingerprints.sha256(mail.certificate())),
            tuple("ex2019.contoso.test", Fingerprints.sha256(exchange.certificate())));
    assertNothingTells(result);
  }

  private AutodiscoverResolver.Builder resolver(Credentials credentials) {
    return Loopback.resolver(network)
        .httpClient(watchingTheWire())
        .credentials(supplying(credentials))
        .listener(hearing());
  }

  /** Supplies {@code credentials} for every challenge, telling {@link #asked} and {@link #challenges}. */
  private CredentialsProvider supplying(Credentials credentials) {
    return challenge -> {
      challenges.add(challenge);
      asked.add("credentials for " + challenge.url());
      return Optional.of(credentials);
    };
  }

  /** Trusts the certificates of {@code hosts} once and skips every other, telling {@link #asked}. */
  private UntrustedCertificateHandler trustingOnly(String... hosts) {
    Set<String> trusted = Set.of(hosts);
    return diagnosis -> {
      TrustDecision decision = trusted.contains(diagnosis.host()) ? TrustDecision.TRUST_ONCE : TrustDecision.SKIP;
      asked.add("certificate of " + diagnosis.host() + " " + diagnosis.sha256() + ": " + decision);
      return decision;
    };
  }

  /** Decides as {@code policy} does, telling {@link #asked}. */
  private RedirectConsent telling(RedirectConsent policy) {
    return request -> {
      RedirectDecision decision = policy.decide(request);
      asked.add("consent to " + request.type() + " " + request.to() + ": " + decision);
      return decision;
    };
  }

  private AutodiscoverListener hearing() {
    return new AutodiscoverListener() {
      @Override
      public void resolutionStarted(ResolutionStarted event) {
        heard.add(event.toString());
      }

      @Override
      public void attemptStarted(AttemptStarted event) {
        heard.add(event.toString());
      }

      @Override
      public void attemptFinished(AttemptFinished event) {
        heard.add(event.toString());
      }

      @Override
      public void redirected(Redirected event) {
        heard.add(event.toString());
      }

      @Override
      public void resolutionFinished(ResolutionFinished event) {
        heard.add(event.toString());
      }
    };
  }

  /** A request as the resolver wrote it: to which host, with which Authorization, over which certificate. */
  private record Written(String host, Optional<String> authorization, Optional<String> peerSha256) {}

  /** The resolver's base client, seeing every request as it goes on its connection. */
  private OkHttpClient watchingTheWire() {
    return new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      Optional<String> peer = Optional.empty();
      if (chain.connection() != null && chain.connection().socket() instanceof SSLSocket tls) {
        peer = Optional.of(Fingerprints.sha256((X509Certificate) tls.getSession().getPeerCertificates()[0]));
      }
      written.add(new Written(chain.request().url().host(),
          Optional.ofNullable(chain.request().header("Authorization")), peer));
      return chain.proceed(chain.request());
    }).build();
  }

  /** (host, SHA-256 of the certificate its connection presented) for each request written with credentials. */
  private List<Tuple> credentialedConnections() {
    return written.stream()
        .filter(request -> request.authorization().isPresent())
        .map(request -> tuple(request.host(), request.peerSha256().orElse("no TLS")))
        .toList();
  }

  /**
   * Every fixture host, with each request it received as {@code METHOD scheme path authorization};
   * checks on the way that no secret travels anywhere else in a request (other headers, URL, body).
   */
  private Map<String, List<String>> received() {
    Map<String, List<String>> received = new LinkedHashMap<>();
    for (FixtureHost host : network.hosts()) {
      List<String> lines = new ArrayList<>();
      for (ReceivedRequest request : host.requests()) {
        List<String> authorization = request.headers().getOrDefault("Authorization", List.of());
        lines.add(request.method() + " " + request.scheme() + " " + request.path() + " "
            + (authorization.isEmpty() ? NO_AUTHORIZATION : String.join(" | ", authorization)));
        request.headers().forEach((name, values) -> {
          if (!name.equalsIgnoreCase("Authorization")) {
            assertThat(values).as(name + " of " + request).noneMatch(this::carriesASecret);
          }
        });
        assertThat(request.url() + request.body()).as("url and body of " + request)
            .matches(text -> !carriesASecret(text));
      }
      received.put(host.name(), lines);
    }
    return received;
  }

  /** Whether {@code text} holds the token, the password, or the password as Basic encodes it. */
  private boolean carriesASecret(String text) {
    return text.contains(TOKEN_MARKER) || text.contains(PASSWORD_MARKER)
        || text.contains(PASSWORD.authorization().substring("Basic ".length()));
  }

  /** Checks that neither the result, nor the exception a failure throws, nor any event shows a secret. */
  private void assertNothingTells(AutodiscoverResult result) {
    List<String> told = new ArrayList<>();
    told.add(result.toString());
    told.add(result.describe());
    result.attempts().forEach(attempt -> told.add(attempt.toString() + " " + attempt.detail()));
    result.redirects().forEach(redirect -> told.add(redirect.toString()));
    if (!result.resolved()) {
      AutodiscoverException failure = catchThrowableOfType(result::endpointOrThrow, AutodiscoverException.class);
      told.add(failure.toString());
      told.add(failure.getMessage());
    }
    challenges.forEach(challenge -> told.add(challenge.toString()));
    assertThat(heard).as("events heard").isNotEmpty();
    told.addAll(heard);
    assertThat(told).as("what the resolution tells").noneMatch(this::carriesASecret);
  }

  /** Answers any request to the Autodiscover path with 401 and one WWW-Authenticate header per challenge. */
  private static void asking(FixtureHost host, String... wwwAuthenticate) {
    askingOn(host, any(urlPathEqualTo(PATH)), wwwAuthenticate);
  }

  private static void askingOn(FixtureHost host, MappingBuilder requests, String... wwwAuthenticate) {
    ResponseDefinitionBuilder unauthorized = aResponse().withStatus(401)
        .withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody("<html><body><h1>401 Unauthorized</h1></body></html>");
    if (wwwAuthenticate.length > 0) {
      unauthorized.withHeader("WWW-Authenticate", wwwAuthenticate);
    }
    host.wireMock().stubFor(requests.atPriority(10).willReturn(unauthorized));
  }

  /** Answers a POST carrying exactly {@code credentials} with {@code answer}. */
  private static void unlocking(FixtureHost host, Credentials credentials, ResponseDefinitionBuilder answer) {
    host.wireMock().stubFor(post(urlPathEqualTo(PATH)).atPriority(1)
        .withHeader("Authorization", equalTo(credentials.authorization()))
        .willReturn(answer));
  }

  private static ResponseDefinitionBuilder settings() {
    return okXml(Loopback.settings(ALICE));
  }

  private static ResponseDefinitionBuilder okXml(String xml) {
    return aResponse().withStatus(200).withHeader("Content-Type", FixtureHost.XML_CONTENT_TYPE).withBody(xml);
  }

  private static AuthenticationChallenge challenge(String url, String... schemes) {
    return new AuthenticationChallenge(ALICE, URI.create(url), List.of(schemes));
  }

  private static OptionalInt status(int status) {
    return OptionalInt.of(status);
  }
}

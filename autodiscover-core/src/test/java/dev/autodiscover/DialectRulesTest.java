package dev.autodiscover;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.autodiscover.DialectFixtures.ALICE;
import static dev.autodiscover.DialectFixtures.PLAIN_URL;
import static dev.autodiscover.DialectFixtures.SRV_NAME;
import static dev.autodiscover.DialectFixtures.answering;
import static dev.autodiscover.DialectFixtures.attempt;
import static dev.autodiscover.DialectFixtures.jsonPath;
import static dev.autodiscover.DialectFixtures.jsonUrl;
import static dev.autodiscover.DialectFixtures.pathOf;
import static dev.autodiscover.DialectFixtures.received;
import static dev.autodiscover.DialectFixtures.urlOn;
import static dev.autodiscover.DialectFixtures.xmlUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodiscover.spi.CredentialsProvider;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.JsonResponses;
import dev.autodiscover.tls.CertificateDiagnosis;
import dev.autodiscover.tls.CertificateProblem;
import dev.autodiscover.tls.TrustDecision;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules every dialect keeps: credentials only in answer to a 401 of a dialect that sends them
 * (never in Autodiscover v2), certificates judged alike, consent asked for an SRV target at the URL
 * the dialect will ask there; and the builder refuses questions no server could be asked.
 */
class DialectRulesTest extends LoopbackTest {
  private static final String ROOT = "contoso.test";
  private static final String PREFIXED = "autodiscover.contoso.test";
  private static final Credentials PASSWORD = Credentials.basic("alice", "secret");

  private final List<AuthenticationChallenge> challenges = new CopyOnWriteArrayList<>();

  /** Supplies {@link #PASSWORD} for every challenge, remembering each. */
  private final CredentialsProvider password = challenge -> {
    challenges.add(challenge);
    return Optional.of(PASSWORD);
  };

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Dialect.class, names = {"SOAP", "ACTIVESYNC"})
  void credentialsAnswerA401AndAreNeverSentBeforeIt(Dialect dialect) {
    FixtureHost prefixed = answering(network.httpsHost(PREFIXED).requireAuth("Basic", PASSWORD.authorization()), dialect);
    String url = urlOn(PREFIXED, dialect);

    AutodiscoverResult result = DialectFixtures.resolver(network, dialect).credentials(password).build().resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(url), DiscoveryMethod.PREFIXED_HOST, dialect));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, urlOn(ROOT, dialect), AttemptOutcome.DNS_FAILED, dialect),
        attempt(DiscoveryMethod.PREFIXED_HOST, url, AttemptOutcome.SUCCESS, dialect));
    assertThat(challenges).containsExactly(new AuthenticationChallenge(ALICE, URI.create(url), List.of("Basic")));
    assertThat(received(prefixed)).containsExactly(
        "POST " + pathOf(dialect),
        "POST " + pathOf(dialect) + " with " + PASSWORD.authorization());
    assertThat(prefixed.requests()).extracting(request -> request.body())
        .as("the same request, once without and once with credentials").containsOnly(prefixed.requests().get(0).body());
  }

  @Test
  void jsonNeverSendsCredentialsNorAsksTheHostApplicationForThem() {
    FixtureHost root = network.httpsHost(ROOT);
    root.wireMock().stubFor(get(urlPathMatching("(?i)/autodiscover/autodiscover\\.json(/.*)?"))
        .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"contoso\"", "Bearer")));
    FixtureHost prefixed = answering(network.httpsHost(PREFIXED), Dialect.JSON);

    AutodiscoverResult result = DialectFixtures.resolver(network, Dialect.JSON).credentials(password).build()
        .resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(jsonUrl(PREFIXED)), DiscoveryMethod.PREFIXED_HOST, Dialect.JSON));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, jsonUrl(ROOT), AttemptOutcome.UNAUTHORIZED, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, jsonUrl(PREFIXED), AttemptOutcome.SUCCESS, Dialect.JSON));
    Attempt unauthorized = result.attempts().get(0);
    assertThat(unauthorized.httpStatus()).hasValue(401);
    assertThat(unauthorized.detail())
        .isEqualTo("the server asks for credentials (Basic, Bearer); JSON requests are sent without credentials");
    assertThat(challenges).as("the credentials provider is never asked").isEmpty();
    assertThat(received(root)).containsExactly("GET " + jsonPath(ALICE) + "?Protocol=Ews");
    assertThat(received(prefixed)).containsExactly("GET " + jsonPath(ALICE) + "?Protocol=Ews");
  }

  @Test
  void credentialsGoToThePoxUrlAnAutodiscoverV1AnswerNamesNeverToTheJsonUrl() {
    String mailUrl = xmlUrl("mail.contoso.test");
    String v1Url = jsonUrl(PREFIXED, ALICE, "AutodiscoverV1");
    FixtureHost prefixed = network.httpsHost(PREFIXED)
        .respondWithJson("AutodiscoverV1", JsonResponses.answer("AutodiscoverV1", mailUrl));
    FixtureHost mail = answering(network.httpsHost("mail.contoso.test").requireAuth("Basic", PASSWORD.authorization()),
        Dialect.POX);

    AutodiscoverResult result = DialectFixtures.resolver(network, Dialect.JSON).jsonProtocol("AutodiscoverV1")
        .credentials(password).build().resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(mailUrl), DiscoveryMethod.PREFIXED_HOST, Dialect.POX));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).endsWith(
        attempt(DiscoveryMethod.PREFIXED_HOST, v1Url, AttemptOutcome.REDIRECTED, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, mailUrl, AttemptOutcome.SUCCESS, Dialect.POX));
    assertThat(challenges).containsExactly(new AuthenticationChallenge(ALICE, URI.create(mailUrl), List.of("Basic")));
    assertThat(received(prefixed)).containsExactly("GET " + jsonPath(ALICE) + "?Protocol=AutodiscoverV1");
    assertThat(received(mail)).containsExactly(
        "POST " + FixtureHost.AUTODISCOVER_PATH,
        "POST " + FixtureHost.AUTODISCOVER_PATH + " with " + PASSWORD.authorization());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Dialect.class)
  void certificateWithoutTheHostsNameIsRejectedAndTheNextCandidateIsTried(Dialect dialect) {
    FixtureHost root = answering(
        network.httpsHost(ROOT, network.certificateAuthority().issue("www.contoso.test")), dialect);
    answering(network.httpsHost(PREFIXED), dialect);
    List<CertificateDiagnosis> asked = new CopyOnWriteArrayList<>();

    AutodiscoverResult result = DialectFixtures.resolver(network, dialect)
        .untrustedCertificateHandler(diagnosis -> {
          asked.add(diagnosis);
          return TrustDecision.SKIP;
        })
        .build().resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(urlOn(PREFIXED, dialect)), DiscoveryMethod.PREFIXED_HOST, dialect));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, urlOn(ROOT, dialect), AttemptOutcome.CERTIFICATE_REJECTED, dialect),
        attempt(DiscoveryMethod.PREFIXED_HOST, urlOn(PREFIXED, dialect), AttemptOutcome.SUCCESS, dialect));
    assertThat(result.attempts().get(0).certificate()).hasValueSatisfying(diagnosis -> {
      assertThat(diagnosis.host()).isEqualTo(ROOT);
      assertThat(diagnosis.problems()).contains(CertificateProblem.NAME_MISMATCH);
      assertThat(diagnosis.dnsNames()).containsExactly("www.contoso.test");
    });
    assertThat(asked).extracting(CertificateDiagnosis::host).containsExactly(ROOT);
    assertThat(root.requests()).as("nothing is sent over a rejected connection").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Dialect.class)
  void srvTargetIsPutToTheHostApplicationAsTheUrlTheDialectAsksThere(Dialect dialect) {
    String target = urlOn("mail.contoso.test", dialect);
    FixtureHost mail = answering(network.httpsHost("mail.contoso.test"), dialect);
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "mail.contoso.test");
    RecordingConsent consent = new RecordingConsent(RedirectConsent.SAME_DOMAIN);

    AutodiscoverResult result = DialectFixtures.resolver(network, dialect).redirectConsent(consent).build()
        .resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(target), DiscoveryMethod.SRV, dialect));
    assertThat(consent.asked()).containsExactly(new RedirectRequest(RedirectType.SRV, ALICE, SRV_NAME, URI.create(target), true));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, urlOn(ROOT, dialect), AttemptOutcome.DNS_FAILED, dialect),
        attempt(DiscoveryMethod.PREFIXED_HOST, urlOn(PREFIXED, dialect), AttemptOutcome.DNS_FAILED, dialect),
        attempt(DiscoveryMethod.HTTP_REDIRECT, PLAIN_URL, AttemptOutcome.DNS_FAILED, null),
        attempt(DiscoveryMethod.SRV, SRV_NAME, AttemptOutcome.REDIRECTED, null),
        attempt(DiscoveryMethod.SRV, target, AttemptOutcome.SUCCESS, dialect));
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.SRV, SRV_NAME, target, true));
    assertThat(mail.requests()).singleElement()
        .satisfies(request -> assertThat(request.path()).isEqualTo(pathOf(dialect)));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Dialect.class)
  void plainHttpRedirectIsPutToTheHostApplicationAsTheUrlTheDialectAsksThere(Dialect dialect) {
    String target = urlOn("mail.contoso.test", dialect);
    FixtureHost plain = network.httpHost(PREFIXED).redirect(302, xmlUrl("mail.contoso.test"));
    FixtureHost mail = answering(network.httpsHost("mail.contoso.test"), dialect);
    RecordingConsent consent = new RecordingConsent(RedirectConsent.SAME_DOMAIN);

    AutodiscoverResult result = DialectFixtures.resolver(network, dialect).redirectConsent(consent).build()
        .resolve(ALICE);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(target), DiscoveryMethod.HTTP_REDIRECT, dialect));
    assertThat(consent.asked())
        .containsExactly(new RedirectRequest(RedirectType.HTTP_REDIRECT, ALICE, PLAIN_URL, URI.create(target), true));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, urlOn(ROOT, dialect), AttemptOutcome.DNS_FAILED, dialect),
        attempt(DiscoveryMethod.PREFIXED_HOST, urlOn(PREFIXED, dialect), AttemptOutcome.CONNECT_FAILED, dialect),
        attempt(DiscoveryMethod.HTTP_REDIRECT, PLAIN_URL, AttemptOutcome.REDIRECTED, null),
        attempt(DiscoveryMethod.HTTP_REDIRECT, target, AttemptOutcome.SUCCESS, dialect));
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.HTTP_REDIRECT, PLAIN_URL, target, true));
    assertThat(received(plain)).as("the plain-HTTP step asks the same in every dialect")
        .containsExactly("GET " + FixtureHost.AUTODISCOVER_PATH);
    assertThat(mail.requests()).singleElement()
        .satisfies(request -> assertThat(request.path()).isEqualTo(pathOf(dialect)));
  }

  @Test
  void srvTargetRefusedInJsonIsNeverAsked() {
    String target = jsonUrl("mail.contoso.test");
    FixtureHost mail = answering(network.httpsHost("mail.contoso.test"), Dialect.JSON);
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "mail.contoso.test");

    AutodiscoverResult result = DialectFixtures.resolver(network, Dialect.JSON).redirectConsent(RedirectConsent.DENY_ALL)
        .build().resolve(ALICE);

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).last()
        .isEqualTo(attempt(DiscoveryMethod.SRV, target, AttemptOutcome.REDIRECT_DENIED, Dialect.JSON));
    assertThat(result.redirects()).containsExactly(new Redirect(RedirectType.SRV, SRV_NAME, target, false));
    assertThat(mail.requests()).isEmpty();
  }

  @Test
  void resolverWithoutADialectSpeaksPoxAndAVariantKeepsTheDialectAndItsQuestion() {
    FixtureHost prefixed = answering(network.httpsHost(PREFIXED), Dialect.POX)
        .respondWithJson("ActiveSync", JsonResponses.answer("ActiveSync", DialectFixtures.ACTIVESYNC_URL));
    AutodiscoverResolver pox = Loopback.resolver(network).build();
    AutodiscoverResolver json = pox.newBuilder().dialect(Dialect.JSON).jsonProtocol("ActiveSync").build();
    AutodiscoverResolver variant = json.newBuilder().userAgent("variant/1").build();

    assertThat(pox.resolve(ALICE).endpoint()).map(Endpoint::dialect).contains(Dialect.POX);
    assertThat(variant.resolve("bob@contoso.test").endpoint()).hasValueSatisfying(endpoint -> {
      assertThat(endpoint.dialect()).isEqualTo(Dialect.JSON);
      assertThat(endpoint.url()).isEqualTo(URI.create(jsonUrl(PREFIXED, "bob@contoso.test", "ActiveSync")));
    });
    assertThat(received(prefixed)).containsExactly(
        "POST " + FixtureHost.AUTODISCOVER_PATH,
        "GET " + jsonPath("bob@contoso.test") + "?Protocol=ActiveSync");
  }

  @Test
  void builderRefusesJsonProtocolsAndSoapSettingsNoServerCouldBeAsked() {
    AutodiscoverResolver.Builder builder = AutodiscoverResolver.builder();

    assertThatThrownBy(() -> builder.jsonProtocol("E ws")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jsonProtocol").hasMessageContaining("'E ws'");
    assertThatThrownBy(() -> builder.jsonProtocol("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jsonProtocol");
    assertThatThrownBy(() -> builder.jsonProtocol("Ews/../x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jsonProtocol");
    assertThatThrownBy(() -> builder.jsonProtocol("E".repeat(65))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jsonProtocol must be at most 64 characters");
    assertThatThrownBy(() -> builder.soapSettings(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("soapSettings must name at least one setting");
    assertThatThrownBy(() -> builder.soapSettings(List.of("ExternalEwsUrl", "Bad Name")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("soapSettings: ").hasMessageContaining("'Bad Name'");
    assertThatThrownBy(() -> builder.soapSettings(Arrays.asList("ExternalEwsUrl", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("soapSettings: ");
    assertThatThrownBy(() -> builder.dialect(null)).isInstanceOf(NullPointerException.class).hasMessage("dialect");

    assertThat(builder.jsonProtocol("AutodiscoverV1")).isSameAs(builder);
    assertThat(builder.soapSettings(List.of("UserDisplayName", "ExternalEwsUrl", "UserDisplayName"))).isSameAs(builder);
  }
}

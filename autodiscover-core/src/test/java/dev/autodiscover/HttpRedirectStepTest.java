package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.spi.CredentialsProvider;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.ReceivedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain-HTTP step: {@code GET http://autodiscover.<domain>/autodiscover/autodiscover.xml}. */
class HttpRedirectStepTest extends LoopbackTest {
  private static final String HTTP_URL = "http://autodiscover.contoso.test/autodiscover/autodiscover.xml";
  private static final String MAIL_URL = Loopback.autodiscoverUrl("mail.contoso.test");
  private static final Credentials ALICE = Credentials.basic("alice", "s3cret");

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void httpsRedirectFromThePlainHttpHostIsPostedToAfterConsent(int status) {
    FixtureHost plain = network.httpHost("autodiscover.contoso.test").redirect(status, MAIL_URL);
    FixtureHost mail = network.httpsHost("mail.contoso.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    RecordingConsent consent = new RecordingConsent(RedirectConsent.SAME_DOMAIN);

    AutodiscoverResult result = Loopback.resolver(network).redirectConsent(consent).build()
        .resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.HTTP_REDIRECT));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::method, Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(DiscoveryMethod.A_RECORD, Loopback.autodiscoverUrl("contoso.test"),
                AttemptOutcome.DNS_FAILED),
            tuple(DiscoveryMethod.PREFIXED_HOST, Loopback.autodiscoverUrl("autodiscover.contoso.test"),
                AttemptOutcome.CONNECT_FAILED),
            tuple(DiscoveryMethod.HTTP_REDIRECT, HTTP_URL, AttemptOutcome.REDIRECTED),
            tuple(DiscoveryMethod.HTTP_REDIRECT, MAIL_URL, AttemptOutcome.SUCCESS));
    assertThat(result.attempts().get(2).httpStatus()).hasValue(status);
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.HTTP_REDIRECT, HTTP_URL, MAIL_URL, true));
    assertThat(consent.asked()).containsExactly(new RedirectRequest(
        RedirectType.HTTP_REDIRECT, "alice@contoso.test", HTTP_URL, URI.create(MAIL_URL), true));
    assertThat(plain.requests()).extracting(ReceivedRequest::method, ReceivedRequest::scheme)
        .containsExactly(tuple("GET", "http"));
    assertThat(mail.requests()).extracting(ReceivedRequest::method).containsExactly("POST");
  }

  @Test
  void locationPathIsComparedWithoutRegardToLetterCase() {
    String upper = "https://mail.contoso.test/AutoDiscover/AutoDiscover.xml";
    network.httpHost("autodiscover.contoso.test").redirect(302, upper);
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(upper), DiscoveryMethod.HTTP_REDIRECT));
  }

  @ParameterizedTest(name = "Location {0}")
  @ValueSource(strings = {
      "http://mail.contoso.test/autodiscover/autodiscover.xml",
      "https://mail.contoso.test/owa/",
      "https://mail.contoso.test/autodiscover/autodiscover.svc",
  })
  void locationThatIsNotHttpsOrNotTheAutodiscoverPathIsInvalid(String location) {
    network.httpHost("autodiscover.contoso.test").redirect(302, location);
    FixtureHost mail = network.host("mail.contoso.test").https().http().start()
        .respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    Attempt step = attemptAt(result, HTTP_URL);
    assertThat(step.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.INVALID_REDIRECT);
    assertThat(step.httpStatus()).hasValue(302);
    assertThat(step.detail()).contains(location);
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::method).containsOnlyOnce(DiscoveryMethod.HTTP_REDIRECT);
    assertThat(result.redirects()).isEmpty();
    assertThat(mail.requests()).isEmpty();
  }

  @Test
  void relativeLocationIsResolvedAgainstThePlainHttpUrlAndSoIsNotHttps() {
    network.httpHost("autodiscover.contoso.test").redirect(302, "/Autodiscover/Autodiscover.xml");

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    Attempt step = attemptAt(result, HTTP_URL);
    assertThat(step.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.INVALID_REDIRECT);
    assertThat(step.detail()).as(result.describe())
        .contains("http://autodiscover.contoso.test/Autodiscover/Autodiscover.xml", "not https");
  }

  @Test
  void credentialsAreNeverSentOnThePlainHttpGet() {
    FixtureHost plain = network.httpHost("autodiscover.contoso.test").redirect(302, MAIL_URL);
    FixtureHost mail = network.httpsHost("mail.contoso.test")
        .requireAuth("Basic", ALICE.authorization(), Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network)
        .credentials(CredentialsProvider.always(ALICE)).build()
        .resolve("alice@contoso.test");

    assertThat(result.resolved()).as(result.describe()).isTrue();
    assertThat(plain.requests()).singleElement().satisfies(get -> {
      assertThat(get.method()).isEqualTo("GET");
      assertThat(get.hasHeader("Authorization")).isFalse();
    });
    assertThat(mail.requests()).extracting(r -> r.header("Authorization"))
        .containsExactly(Optional.empty(), Optional.of(ALICE.authorization()));
  }

  @Test
  void challengeOnThePlainHttpGetIsNeverAnswered() {
    FixtureHost plain = network.httpHost("autodiscover.contoso.test")
        .requireAuth("Basic", ALICE.authorization(), Loopback.settings("alice@contoso.test"));
    List<AuthenticationChallenge> challenges = new CopyOnWriteArrayList<>();
    CredentialsProvider provider = challenge -> {
      challenges.add(challenge);
      return Optional.of(ALICE);
    };

    AutodiscoverResult result = Loopback.resolver(network).credentials(provider).build()
        .resolve("alice@contoso.test");

    Attempt step = attemptAt(result, HTTP_URL);
    assertThat(step.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.UNAUTHORIZED);
    assertThat(step.httpStatus()).hasValue(401);
    assertThat(step.detail()).contains("never sent");
    assertThat(challenges).isEmpty();
    assertThat(plain.requests()).singleElement()
        .satisfies(get -> assertThat(get.hasHeader("Authorization")).isFalse());
  }

  @Test
  void plainHttpStepMeasuresItsTimeOnTheResolversClock() {
    network.httpHost("autodiscover.contoso.test").redirect(302, MAIL_URL);
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    Clock anHourBehind = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));

    AutodiscoverResult result = Loopback.resolver(network).clock(anHourBehind).build()
        .resolve("alice@contoso.test");

    assertThat(attemptAt(result, HTTP_URL).outcome())
        .as(result.describe()).isEqualTo(AttemptOutcome.REDIRECTED);
    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.HTTP_REDIRECT));
  }

  @Test
  void httpRedirectToAnotherDomainIsDeniedByTheDefaultPolicy() {
    String fabrikamUrl = Loopback.autodiscoverUrl("mail.fabrikam.test");
    network.httpHost("autodiscover.contoso.test").redirect(302, fabrikamUrl);
    FixtureHost fabrikam = network.httpsHost("mail.fabrikam.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(attemptAt(result, fabrikamUrl).outcome()).as(result.describe())
        .isEqualTo(AttemptOutcome.REDIRECT_DENIED);
    assertThat(result.redirects())
        .containsExactly(new Redirect(RedirectType.HTTP_REDIRECT, HTTP_URL, fabrikamUrl, false));
    assertThat(fabrikam.requests()).isEmpty();
  }

  private static Attempt attemptAt(AutodiscoverResult result, String url) {
    List<Attempt> matching = result.attempts().stream().filter(a -> a.url().equals(url)).toList();
    assertThat(matching).as(result.describe()).hasSize(1);
    return matching.get(0);
  }
}

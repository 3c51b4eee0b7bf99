package dev.autodiscover;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.PoxResponses;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a candidate answers, and how long it takes, decides whether the next one is tried. */
class ServerAnswersTest extends LoopbackTest {
  private static final String ROOT_URL = Loopback.autodiscoverUrl("contoso.test");
  private static final String PREFIXED_URL = Loopback.autodiscoverUrl("autodiscover.contoso.test");
  private static final int SLOW_MILLIS = 2_000;

  @Test
  void autodiscoverErrorIsReportedWithItsCodeAndMessageAndTheNextCandidateIsTried() {
    network.httpsHost("contoso.test").respondWithPox(PoxResponses.error("600", "Invalid Request"));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(ROOT_URL, AttemptOutcome.AUTODISCOVER_ERROR),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
    Attempt error = result.attempts().get(0);
    assertThat(error.httpStatus()).hasValue(200);
    assertThat(error.detail()).contains("600", "Invalid Request");
  }

  @Test
  void serverErrorStatusIsReportedAndTheNextCandidateIsTried() {
    network.httpsHost("contoso.test").respond(503, "busy", "text/plain");
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(ROOT_URL, AttemptOutcome.HTTP_ERROR),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
    assertThat(result.attempts().get(0).httpStatus()).hasValue(503);
  }

  @Test
  void candidateThatDoesNotAnswerInTimeTimesOutAndTheNextCandidateIsTried() {
    slow(network.httpsHost("contoso.test"));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).requestTimeout(Duration.ofMillis(500)).build()
        .resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(ROOT_URL, AttemptOutcome.TIMEOUT),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
    assertThat(result.attempts().get(0).elapsed()).as(result.describe())
        .isGreaterThanOrEqualTo(Duration.ofMillis(400))
        .isLessThan(Duration.ofMillis(SLOW_MILLIS));
  }

  @Test
  void resolutionThatRunsOutOfTimeEndsWithTimeout() {
    slow(network.httpsHost("contoso.test"));
    FixtureHost prefixed = network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    AutodiscoverResolver resolver = Loopback.resolver(network)
        .probing(Probing.sequential())
        .timeout(Duration.ofMillis(700))
        .requestTimeout(Duration.ofSeconds(5))
        .build();

    long start = System.nanoTime();
    AutodiscoverResult result = resolver.resolve("alice@contoso.test");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.TIMEOUT));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(tuple(ROOT_URL, AttemptOutcome.TIMEOUT));
    assertThat(took).as(result.describe()).isLessThan(Duration.ofMillis(SLOW_MILLIS));
    assertThat(prefixed.requests()).isEmpty();
  }

  /** Makes the host accept the Autodiscover POST and answer only after {@link #SLOW_MILLIS}. */
  private static void slow(FixtureHost host) {
    host.wireMock().stubFor(post(urlPathMatching("(?i)/autodiscover/autodiscover\\.xml"))
        .willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", FixtureHost.XML_CONTENT_TYPE)
            .withBody(Loopback.settings("alice@contoso.test"))
            .withFixedDelay(SLOW_MILLIS)));
  }
}

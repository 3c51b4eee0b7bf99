package dev.autodiscover.hostile;

import static dev.autodiscover.hostile.HostileNetwork.HTTP_URL;
import static dev.autodiscover.hostile.HostileNetwork.MAIL_URL;
import static dev.autodiscover.hostile.HostileNetwork.PREFIXED_URL;
import static dev.autodiscover.hostile.HostileNetwork.REQUEST_TIMEOUT;
import static dev.autodiscover.hostile.HostileNetwork.ROOT_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Endpoint;
import dev.autodiscover.hostile.HostileAnswers.Framing;
import dev.autodiscover.testkit.RawExchange;
import dev.autodiscover.testkit.RawHost;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The plain-HTTP step needs a status and a Location, never a body: whatever body a hostile
 * {@code http://autodiscover.<domain>} sends is not read, and its head is bounded as the POST's is.
 */
class PlainHttpStepTest extends HostileServerTest {
  private static final String REDIRECT_HEAD = "HTTP/1.1 302 Found\r\nLocation: " + MAIL_URL + "\r\n"
      + "Content-Type: text/html\r\n";
  private static final RawExchange NOT_FOUND =
      RawExchange.verbatim(HostileAnswers.ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));

  @ParameterizedTest(name = "{0}")
  @EnumSource(Framing.class)
  void redirectWithAThreeHundredMegabyteBodyIsFollowedWithoutReadingTheBody(Framing framing)
      throws InterruptedException {
    RawHost plain = plainHost(HostileAnswers.answer(
        REDIRECT_HEAD, HostileAnswers.autodiscoverThenSpaces(HostileAnswers.HUGE), framing));
    network.httpsHost("mail.contoso.test").respondWithPox(HostileNetwork.settings("alice@contoso.test"));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.HTTP_REDIRECT));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(ROOT_URL, AttemptOutcome.DNS_FAILED),
            tuple(PREFIXED_URL, AttemptOutcome.HTTP_ERROR),
            tuple(HTTP_URL, AttemptOutcome.REDIRECTED),
            tuple(MAIL_URL, AttemptOutcome.SUCCESS));
    assertHttpExchangeHungUpEarly(plain);
  }

  @Test
  void redirectWhoseBodyTricklesIsFollowedWithoutWaitingForTheBody() {
    plainHost(HostileAnswers.trickle(REDIRECT_HEAD, new byte[1000], Duration.ofSeconds(1)));
    network.httpsHost("mail.contoso.test").respondWithPox(HostileNetwork.settings("alice@contoso.test"));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.HTTP_REDIRECT));
    Attempt redirect = result.attempts().get(2);
    assertThat(redirect.outcome()).isEqualTo(AttemptOutcome.REDIRECTED);
    assertThat(redirect.elapsed()).as(result.describe()).isLessThan(REQUEST_TIMEOUT);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Framing.class)
  void successWithAThreeHundredMegabyteBodyIsAnErrorAndTheBodyIsNotRead(Framing framing)
      throws InterruptedException {
    RawHost plain = plainHost(HostileAnswers.answer("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n",
        HostileAnswers.autodiscoverThenSpaces(HostileAnswers.HUGE), framing));

    AutodiscoverResult result = resolve("alice@contoso.test");

    Attempt plainStep = result.attempts().get(2);
    assertThat(plainStep.url()).isEqualTo(HTTP_URL);
    assertThat(plainStep.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.HTTP_ERROR);
    assertThat(plainStep.httpStatus()).hasValue(200);
    assertThat(plainStep.detail()).isEqualTo("expected a redirect to the https endpoint, got HTTP 200");
    assertHttpExchangeHungUpEarly(plain);
  }

  @Test
  void headersThatNeverEndAreCutOffAtTheHeaderLimit() throws InterruptedException {
    RawHost plain = plainHost(HostileAnswers.endlessHeaders());

    AutodiscoverResult result = resolve("alice@contoso.test");

    Attempt plainStep = result.attempts().get(2);
    assertThat(plainStep.url()).isEqualTo(HTTP_URL);
    assertThat(plainStep.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.HTTP_ERROR);
    assertThat(plainStep.detail()).isEqualTo(UnfinishedAnswersTest.HEAD_CUT_OFF);
    assertHttpExchangeHungUpEarly(plain);
  }

  @Test
  void statusLineThatTricklesTimesOutAtTheRequestTimeout() {
    plainHost(HostileAnswers.tricklingStatusLine(Duration.ofSeconds(1)));

    AutodiscoverResult result = resolve("alice@contoso.test");

    Attempt plainStep = result.attempts().get(2);
    assertThat(plainStep.url()).isEqualTo(HTTP_URL);
    assertThat(plainStep.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.TIMEOUT);
    assertThat(plainStep.detail())
        .isEqualTo("no complete response within the " + REQUEST_TIMEOUT.toMillis() + " ms allowed for this request");
    assertThat(plainStep.elapsed()).as(result.describe()).isLessThan(REQUEST_TIMEOUT.multipliedBy(2));
  }

  /**
   * Serves {@code http} as {@code http://autodiscover.contoso.test}; its HTTPS port answers the
   * POST with a 404, so that the resolution reaches the plain-HTTP step.
   */
  private RawHost plainHost(RawExchange http) {
    return network.rawHost("autodiscover.contoso.test",
        (request, out) -> (request.scheme().equals("http") ? http : NOT_FOUND).respond(request, out));
  }

  private static void assertHttpExchangeHungUpEarly(RawHost host) throws InterruptedException {
    List<RawHost.Served> served = host.awaitServed(2, Duration.ofSeconds(10));
    RawHost.Served plain = served.stream().filter(s -> s.request().scheme().equals("http")).findFirst().orElseThrow();
    assertThat(plain.request().method()).isEqualTo("GET");
    assertThat(plain.ending()).as(plain.toString()).isEqualTo(RawHost.Ending.CLIENT_HUNG_UP);
    assertThat(plain.bytesWritten()).as(plain.toString()).isLessThan(MAX_BYTES_SENT);
  }
}

package dev.autodiscover.hostile;

import static dev.autodiscover.hostile.HostileNetwork.PREFIXED_URL;
import static dev.autodiscover.hostile.HostileNetwork.REQUEST_TIMEOUT;
import static dev.autodiscover.hostile.HostileNetwork.ROOT_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.testkit.RawExchange;
import dev.autodiscover.testkit.RawHost;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Answers that never finish, fast or slow, end the attempt at OkHttp's header limit or at the
 * request timeout; an answer that finishes too early is told with what arrived of it.
 */
class UnfinishedAnswersTest extends HostileServerTest {
  private static final Duration A_SECOND = Duration.ofSeconds(1);
  static final String HEAD_CUT_OFF = "the response's status line and headers were cut off: longer than OkHttp's"
      + " 256 KiB limit, or the connection closed in the middle of a line";

  @Test
  void bodyThatTricklesAByteASecondTimesOutAtTheRequestTimeout() throws InterruptedException {
    byte[] settings = HostileNetwork.settings("alice@contoso.test").getBytes(StandardCharsets.UTF_8);
    RawHost root = network.rawHost("contoso.test", HostileAnswers.trickle(
        "HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\n", settings, A_SECOND));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(HostileNetwork.settings("alice@contoso.test"));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(ROOT_URL, AttemptOutcome.TIMEOUT),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
    Attempt slow = result.attempts().get(0);
    assertThat(slow.httpStatus()).hasValue(200);
    assertThat(slow.detail()).matches("the response body was still arriving when the " + REQUEST_TIMEOUT.toMillis()
        + " ms allowed for this request ran out: \\d+ of " + settings.length
        + " bytes read, and the connection was closed");
    RawHost.Served trickled = onlyExchange(root);
    assertThat(trickled.ending()).isEqualTo(RawHost.Ending.CLIENT_HUNG_UP);
  }

  @Test
  void statusLineThatTricklesTimesOutAtTheRequestTimeout() throws InterruptedException {
    RawHost root = network.rawHost("contoso.test", HostileAnswers.tricklingStatusLine(A_SECOND));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(HostileNetwork.settings("alice@contoso.test"));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(ROOT_URL, AttemptOutcome.TIMEOUT),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
    Attempt slow = result.attempts().get(0);
    assertThat(slow.httpStatus()).isEmpty();
    assertThat(slow.detail())
        .isEqualTo("no complete response within the " + REQUEST_TIMEOUT.toMillis() + " ms allowed for this request");
    assertThat(onlyExchange(root).ending()).isEqualTo(RawHost.Ending.CLIENT_HUNG_UP);
  }

  @Test
  void bodyThatBreaksOffBeforeItsContentLengthIsToldWithWhatArrived() {
    network.rawHost("contoso.test", RawExchange.verbatim(HostileAnswers.ascii(
        "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 700\r\n\r\n" + "<".repeat(100))));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(HostileNetwork.settings("alice@contoso.test"));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(ROOT_URL, AttemptOutcome.HTTP_ERROR),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
    Attempt broken = result.attempts().get(0);
    assertThat(broken.httpStatus()).hasValue(200);
    assertThat(broken.detail()).isEqualTo("the response body broke off (the server broke HTTP: unexpected end of"
        + " stream): 100 of 700 bytes read, and the connection was closed");
  }

  static Stream<Arguments> endlessHeads() {
    return Stream.of(
        Arguments.of("a status line that never ends", HostileAnswers.endlessStatusLine()),
        Arguments.of("header lines that never end", HostileAnswers.endlessHeaders()),
        Arguments.of("a header value that never ends", HostileAnswers.endlessHeaderValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endlessHeads")
  void responseHeadThatNeverEndsIsCutOffAtTheHeaderLimit(String what, RawExchange endless)
      throws InterruptedException {
    RawHost root = network.rawHost("contoso.test", endless);
    network.httpsHost("autodiscover.contoso.test").respondWithPox(HostileNetwork.settings("alice@contoso.test"));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(ROOT_URL, AttemptOutcome.HTTP_ERROR),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
    Attempt cutOff = result.attempts().get(0);
    assertThat(cutOff.httpStatus()).isEmpty();
    assertThat(cutOff.detail()).isEqualTo(HEAD_CUT_OFF);
    assertHungUpEarly(root);
  }
}

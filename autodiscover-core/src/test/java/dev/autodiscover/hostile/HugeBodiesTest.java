package dev.autodiscover.hostile;

import static dev.autodiscover.hostile.HostileNetwork.PREFIXED_URL;
import static dev.autodiscover.hostile.HostileNetwork.ROOT_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.hostile.HostileAnswers.Framing;
import dev.autodiscover.testkit.RawHost;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bodies far larger than any Autodiscover answer are read no further than the limit, if at all. */
class HugeBodiesTest extends HostileServerTest {
  private static final String XML_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\n";
  private static final String GZIP_HEAD = XML_HEAD + "Content-Encoding: gzip\r\n";
  private static final String READ_PAST_LIMIT =
      "the response body is larger than the 1024 KiB limit: reading stopped after (\\d+) bytes%s,"
          + " and the connection was closed";

  @ParameterizedTest(name = "{0}")
  @EnumSource(Framing.class)
  void threeHundredMegabyteBodyIsNotReadPastTheLimit(Framing framing) throws InterruptedException {
    RawHost root = network.rawHost("contoso.test",
        HostileAnswers.answer(XML_HEAD, HostileAnswers.autodiscoverThenSpaces(HostileAnswers.HUGE), framing));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(HostileNetwork.settings("alice@contoso.test"));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(ROOT_URL, AttemptOutcome.NOT_AUTODISCOVER),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
    Attempt huge = result.attempts().get(0);
    assertThat(huge.httpStatus()).hasValue(200);
    if (framing == Framing.CONTENT_LENGTH) {
      assertThat(huge.detail()).isEqualTo(
          "the response announces 300000000 bytes, more than the 1024 KiB limit; not read, and the connection was closed");
    } else {
      assertReadJustPastTheLimit(huge.detail(), "");
    }
    assertHungUpEarly(root);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Framing.class, names = {"CONTENT_LENGTH", "CHUNKED"})
  void gzipBombIsCountedAsDecompressedAndNotExpandedPastTheLimit(Framing framing) {
    GzipBomb bomb = GzipBomb.expandingTo(1024);
    RawHost root = network.rawHost("contoso.test", HostileAnswers.answer(GZIP_HEAD, bomb, framing));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(HostileNetwork.settings("alice@contoso.test"));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(bomb.length()).isLessThan(bomb.expandedLength() / 1000);
    assertThat(root.requests()).singleElement()
        .satisfies(request -> assertThat(request.header("Accept-Encoding")).hasValue("gzip"));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(ROOT_URL, AttemptOutcome.NOT_AUTODISCOVER),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
    assertReadJustPastTheLimit(result.attempts().get(0).detail(), " \\(decompressed from gzip\\)");
  }

  /** The detail says the reading stopped once the limit was passed, within one buffer of it. */
  private static void assertReadJustPastTheLimit(String detail, String decompressed) {
    assertThat(detail).matches(READ_PAST_LIMIT.formatted(decompressed));
    long read = Long.parseLong(detail.replaceAll(".*stopped after (\\d+) bytes.*", "$1"));
    assertThat(read).isBetween((1L << 20) + 1, (1L << 20) + 64 * 1024);
  }
}

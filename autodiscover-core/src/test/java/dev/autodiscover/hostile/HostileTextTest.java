package dev.autodiscover.hostile;

import static dev.autodiscover.hostile.HostileNetwork.HTTP_URL;
import static dev.autodiscover.hostile.HostileNetwork.ROOT_URL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.testkit.RawExchange;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Text a server chooses (a reason phrase, a content type, a Location) reaches the attempt's
 * detail as one plain line: the control characters that would clear, retitle or recolour the
 * terminal a report is printed on are gone.
 */
class HostileTextTest extends HostileServerTest {
  /** Clear the screen, set the window title, and a C1 control sequence introducer for red. */
  private static final String TERMINAL_CONTROLS = "\u001b[2J\u001b]0;pwned\u0007\u009b31m";

  @Test
  void reasonPhraseWithTerminalControlsIsToldWithoutThem() {
    network.rawHost("contoso.test", RawExchange.verbatim(
        ("HTTP/1.1 503 Busy" + TERMINAL_CONTROLS + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8)));

    AutodiscoverResult result = resolve("alice@contoso.test");

    Attempt busy = result.attempts().get(0);
    assertThat(busy.url()).isEqualTo(ROOT_URL);
    assertThat(busy.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.HTTP_ERROR);
    assertThat(busy.detail()).isEqualTo("HTTP 503 Busy [2J ]0;pwned 31m");
    assertThat(transcript.with(result)).noneMatch(said -> said.matches("(?s).*[\\u001b\\u0007\\u009b].*"));
  }

  @Test
  void contentTypeWithTerminalControlsIsToldWithoutThem() {
    String page = "<html><body>Welcome</body></html>";
    network.rawHost("contoso.test", RawExchange.verbatim(("HTTP/1.1 200 OK\r\nContent-Type: text/html"
        + TERMINAL_CONTROLS + "\r\nContent-Length: " + page.length() + "\r\n\r\n" + page)
        .getBytes(StandardCharsets.UTF_8)));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.attempts().get(0).detail()).as(result.describe())
        .isEqualTo("not an Autodiscover response (text/html [2J ]0;pwned 31m): an HTML page, not Autodiscover XML");
  }

  @Test
  void locationWithTerminalControlsIsToldWithoutThem() {
    network.rawHost("autodiscover.contoso.test", RawExchange.verbatim(("HTTP/1.1 302 Found\r\nLocation: https://mail"
        + TERMINAL_CONTROLS + ".contoso.test/autodiscover/autodiscover.xml\r\nContent-Length: 0\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8)));

    AutodiscoverResult result = resolve("alice@contoso.test");

    Attempt plainStep = result.attempts().stream().filter(a -> a.url().equals(HTTP_URL)).findFirst().orElseThrow();
    assertThat(plainStep.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.INVALID_REDIRECT);
    assertThat(plainStep.detail()).isEqualTo(
        "Location 'https://mail [2J ]0;pwned 31m.contoso.test/autodiscover/autodiscover.xml' refused: the target is not a valid URL");
  }
}

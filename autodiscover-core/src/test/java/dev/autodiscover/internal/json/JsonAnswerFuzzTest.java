package dev.autodiscover.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.autodiscover.Dialect;
import dev.autodiscover.ProtocolSettings;
import dev.autodiscover.internal.ServerText;
import dev.autodiscover.internal.dialect.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link JsonAnswer#read}, asking for {@code Ews} and for {@code AutodiscoverV1}: whatever
 * the body, it returns a reply in bounded time, every reason and description is one bounded line,
 * and a reply other than {@code NotAutodiscover} says only what the body's one JSON object says:
 * a URL is one of its strings, trimmed (and, when the body has no escapes, its very bytes), the
 * protocol is the one asked, an error's code is the object's.
 *
 * <p>The seeds ({@code JsonAnswerFuzzTestInputs/read/}, one body per file) are Exchange Online's
 * answers and hostile ones: a Url written twice (as is, in other case, through an escape), deep
 * nesting, a huge number, invalid UTF-8, a byte order mark, a NUL raw and escaped, a lone
 * surrogate, a look-alike protocol, HTML and XML pages, content after the answer.
 */
class JsonAnswerFuzzTest {

  /** Two quoted names of {@link ServerText#MAX_CHARS} and their lengths, with the words around. */
  private static final int MAX_LINE = 3 * ServerText.MAX_CHARS;

  @FuzzTest
  @Timeout(5) // per input; Jazzer passes it to the fuzzer as -timeout
  void read(byte[] body) throws Exception {
    for (String asked : List.of("Ews", JsonAnswer.AUTODISCOVER_V1)) {
      Reply reply = JsonAnswer.read(body, asked);

      assertThat(reply).isNotNull();
      if (reply instanceof Reply.NotAutodiscover notAutodiscover) {
        isOneBoundedLine(notAutodiscover.reason());
        continue;
      }
      // Anything else comes from a body the reader accepts, and from its one object's strings.
      assertThat(body.length).isLessThanOrEqualTo(JsonAnswer.MAX_BODY_BYTES);
      JsonValue value = JsonReader.read(body);
      assertThat(value).isInstanceOf(JsonValue.ObjectValue.class);
      List<String> strings = new ArrayList<>();
      ((JsonValue.ObjectValue) value).members().values().forEach(member -> {
        if (member instanceof JsonValue.StringValue string) {
          strings.add(string.value());
        }
      });
      if (reply instanceof Reply.Error error) {
        isOneBoundedLine(error.description());
        assertThat(error.code()).isEqualTo(ServerText.oneLine(error.code()));
        assertThat(strings.stream().map(ServerText::oneLine)).contains(error.code());
      } else if (reply instanceof Reply.RedirectUrl redirect) {
        assertThat(asked).isEqualTo(JsonAnswer.AUTODISCOVER_V1);
        assertThat(redirect.next()).isEqualTo(Dialect.POX);
        isAUrlOf(redirect.url(), strings, body);
      } else if (reply instanceof Reply.Settings settings) {
        assertThat(asked).isNotEqualTo(JsonAnswer.AUTODISCOVER_V1);
        assertThat(settings.notes()).isEmpty();
        assertThat(settings.settings().protocols()).hasSize(1);
        ProtocolSettings protocol = settings.settings().protocols().get(0);
        assertThat(protocol.type()).isEqualToIgnoringCase(asked).isIn(strings);
        assertThat(protocol.values()).containsOnlyKeys("Url");
        isAUrlOf(protocol.values().get("Url"), strings, body);
      } else {
        throw new AssertionError("unknown reply " + reply);
      }
    }
  }

  private static void isAUrlOf(String url, List<String> strings, byte[] body) {
    assertThat(url).isNotBlank().isEqualTo(url.trim());
    assertThat(strings.stream().map(String::trim)).contains(url);
    String text = new String(body, StandardCharsets.UTF_8);
    if (!text.contains("\\")) {
      assertThat(text).as("the body holds the URL as it is").contains(url);
    }
  }

  private static void isOneBoundedLine(String text) {
    assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(MAX_LINE);
    assertThat(text.codePoints())
        .as("characters of %s", text)
        .noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
            || Character.getType(c) == Character.FORMAT);
  }
}

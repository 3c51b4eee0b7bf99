package dev.autodiscover.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link JsonReader#read}: whatever the bytes, it returns a value or throws
 * {@link JsonReader.Malformed}, in bounded time. A refusal says where, on one line. An accepted
 * text is UTF-8 as the JDK's strict decoder reads it, its value keeps every bound, and writing the
 * value out and reading it again gives the same value.
 *
 * <p>The seeds ({@code JsonReaderFuzzTestInputs/parse/}, one input per file) hold every construct
 * of RFC 8259 and the refusals: nesting past the bound, 10,001 values, numbers of 100 and 101
 * characters, a name made a duplicate by an escape, broken surrogate escapes, overlong, surrogate,
 * cut and Latin-1 bytes, a NUL in a string, whitespace RFC 8259 does not allow, UTF-16.
 */
class JsonReaderFuzzTest {

  private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

  @FuzzTest
  @Timeout(5) // per input; Jazzer passes it to the fuzzer as -timeout
  void parse(byte[] json) throws Exception {
    JsonValue value;
    try {
      value = JsonReader.read(json);
    } catch (JsonReader.Malformed e) {
      assertThat(e.offset()).isBetween(0, json.length);
      assertThat(e.getMessage())
          .endsWith(" at byte " + e.offset())
          .doesNotContain("\n", "\r", "\u2028", "\u2029")
          .hasSizeLessThan(400);
      return;
    }

    assertThat(value).isNotNull();
    assertThat(strictUtf8(json)).as("accepted bytes are UTF-8").isTrue();
    assertThat(check(value, 0)).as("values").isLessThanOrEqualTo(JsonReader.MAX_VALUES);
    byte[] written = JsonText.utf8(value);
    JsonValue again = JsonReader.read(written);
    assertThat(again).isEqualTo(value);
    assertThat(JsonText.utf8(again)).isEqualTo(written);
  }

  /** Checks the bounds on {@code value}, at {@code depth}, and returns how many values it holds. */
  private static int check(JsonValue value, int depth) {
    if (value instanceof JsonValue.ObjectValue object) {
      assertThat(depth + 1).as("depth").isLessThanOrEqualTo(JsonReader.MAX_DEPTH);
      int values = 1;
      for (var member : object.members().entrySet()) {
        wellFormed(member.getKey());
        values += check(member.getValue(), depth + 1);
      }
      return values;
    }
    if (value instanceof JsonValue.ArrayValue array) {
      assertThat(depth + 1).as("depth").isLessThanOrEqualTo(JsonReader.MAX_DEPTH);
      int values = 1;
      for (JsonValue element : array.elements()) {
        values += check(element, depth + 1);
      }
      return values;
    }
    if (value instanceof JsonValue.NumberValue number) {
      assertThat(number.text()).matches(NUMBER).hasSizeLessThanOrEqualTo(JsonReader.MAX_NUMBER_CHARS);
      number.decimal();
    } else if (value instanceof JsonValue.StringValue string) {
      wellFormed(string.value());
    }
    return 1;
  }

  /** No lone surrogate: the text encodes to UTF-8 and back unchanged. */
  private static void wellFormed(String text) {
    assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(text);
  }

  private static boolean strictUtf8(byte[] json) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(json));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}

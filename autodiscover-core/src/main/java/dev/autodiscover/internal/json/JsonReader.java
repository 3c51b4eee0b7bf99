package dev.autodiscover.internal.json;

import dev.autodiscover.internal.ServerText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads one JSON text (RFC 8259) from UTF-8 bytes into a {@link JsonValue}: strictly, and within
 * bounds, since the bytes come from a server that may be hostile.
 *
 * <ul>
 *   <li>The bytes must be UTF-8 (RFC 8259 section 8.1); a leading byte order mark is skipped. An
 *       invalid sequence (overlong, a surrogate, past U+10FFFF, cut short) is refused, never
 *       replaced.
 *   <li>Whitespace is space, tab, line feed and carriage return only. Exactly one value, with
 *       nothing but whitespace after it.
 *   <li>Strings: U+0000 to U+001F must be escaped; the escapes are RFC 8259's, and a
 *       <code>&#92;u</code> escape of a surrogate must be one half of a pair written as two
 *       escapes. A lone surrogate is refused rather than kept, so every string read is well-formed
 *       UTF-16 and can be written back as UTF-8 unchanged.
 *   <li>Numbers follow the grammar (no leading zeros, no {@code +}, no bare {@code .5}, no
 *       {@code NaN}) and are kept as their text, at most {@value #MAX_NUMBER_CHARS} characters.
 *   <li>An object may not name a member twice, compared after escapes are decoded: a server must
 *       not be able to give one reader one value and another reader another.
 *   <li>Arrays and objects nest at most {@value #MAX_DEPTH} deep (which also bounds this reader's
 *       recursion), and a text holds at most {@value #MAX_VALUES} values, members' and elements'
 *       included. A string is bounded only by the input, which the caller bounds.
 * </ul>
 *
 * <p>Whatever is refused is a {@link Malformed} saying what and at which byte; nothing else is
 * thrown for any input. Stateless and thread-safe (each call reads with its own state).
 */
public final class JsonReader {

  /** The deepest nesting of arrays and objects read; a top-level array is at depth 1. */
  public static final int MAX_DEPTH = 32;

  /** The most values one text may hold, counting every member value, element and container. */
  public static final int MAX_VALUES = 10_000;

  /** The longest number read, in characters. */
  public static final int MAX_NUMBER_CHARS = 100;

  private final byte[] in;
  private int pos;
  private int values;

  private JsonReader(byte[] in) {
    this.in = in;
  }

  /**
   * Reads {@code json}, one JSON text in UTF-8.
   *
   * @throws Malformed if it is not one, or exceeds a bound
   */
  public static JsonValue read(byte[] json) throws Malformed {
    return new JsonReader(Objects.requireNonNull(json, "json")).document();
  }

  private JsonValue document() throws Malformed {
    if (in.length >= 3 && (in[0] & 0xFF) == 0xEF && (in[1] & 0xFF) == 0xBB
        && (in[2] & 0xFF) == 0xBF) {
      pos = 3;
    }
    skipWhitespace();
    JsonValue value = value(0);
    skipWhitespace();
    if (pos < in.length) {
      throw new Malformed("expected the end after the value, found " + found(), pos);
    }
    return value;
  }

  private JsonValue value(int depth) throws Malformed {
    if (pos >= in.length) {
      throw new Malformed("expected a value, found the end", pos);
    }
    if (++values > MAX_VALUES) {
      throw new Malformed("more than " + MAX_VALUES + " values", pos);
    }
    return switch (in[pos]) {
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case '"' -> new JsonValue.StringValue(string());
      case 't' -> literal("true", new JsonValue.BooleanValue(true));
      case 'f' -> literal("false", new JsonValue.BooleanValue(false));
      case 'n' -> literal("null", JsonValue.NullValue.NULL);
      case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number();
      default -> throw new Malformed("expected a value, found " + found(), pos);
    };
  }

  private JsonValue object(int depth) throws Malformed {
    checkDepth(depth);
    pos++; // {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    skipWhitespace();
    if (next('}')) {
      return new JsonValue.ObjectValue(members);
    }
    while (true) {
      if (pos >= in.length || in[pos] != '"') {
        throw new Malformed("expected a member name, found " + found(), pos);
      }
      int nameAt = pos;
      String name = string();
      if (members.containsKey(name)) {
        throw new Malformed("duplicate member name " + ServerText.quoted(name), nameAt);
      }
      skipWhitespace();
      if (!next(':')) {
        throw new Malformed("expected ':' after a member name, found " + found(), pos);
      }
      skipWhitespace();
      members.put(name, value(depth));
      skipWhitespace();
      if (next('}')) {
        return new JsonValue.ObjectValue(members);
      }
      if (!next(',')) {
        throw new Malformed("expected ',' or '}', found " + found(), pos);
      }
      skipWhitespace();
    }
  }

  private JsonValue array(int depth) throws Malformed {
    checkDepth(depth);
    pos++; // [
    List<JsonValue> elements = new ArrayList<>();
    skipWhitespace();
    if (next(']')) {
      return new JsonValue.ArrayValue(elements);
    }
    while (true) {
      elements.add(value(depth));
      skipWhitespace();
      if (next(']')) {
        return new JsonValue.ArrayValue(elements);
      }
      if (!next(',')) {
        throw new Malformed("expected ',' or ']', found " + found(), pos);
      }
      skipWhitespace();
    }
  }

  private void checkDepth(int depth) throws Malformed {
    if (depth > MAX_DEPTH) {
      throw new Malformed("arrays and objects nested deeper than " + MAX_DEPTH + " levels", pos);
    }
  }

  private JsonValue literal(String word, JsonValue value) throws Malformed {
    int length = word.length();
    if (in.length - pos < length) {
      throw new Malformed("expected " + word, pos);
    }
    for (int i = 0; i < length; i++) {
      if (in[pos + i] != word.charAt(i)) {
        throw new Malformed("expected " + word, pos);
      }
    }
    pos += length;
    return value;
  }

  // ---- Numbers ----

  private JsonValue number() throws Malformed {
    int start = pos;
    next('-');
    if (next('0')) {
      if (isDigit()) {
        throw new Malformed("leading zero in a number", start);
      }
    } else {
      digits("a digit");
    }
    if (next('.')) {
      digits("a digit after '.'");
    }
    if (next('e') || next('E')) {
      if (!next('+')) {
        next('-');
      }
      digits("a digit in the exponent");
    }
    if (pos - start > MAX_NUMBER_CHARS) {
      throw new Malformed("number longer than " + MAX_NUMBER_CHARS + " characters", start);
    }
    return new JsonValue.NumberValue(ascii(start, pos));
  }

  /** Reads one or more digits. */
  private void digits(String expected) throws Malformed {
    if (!isDigit()) {
      throw new Malformed("expected " + expected + ", found " + found(), pos);
    }
    while (isDigit()) {
      pos++;
    }
  }

  private boolean isDigit() {
    return pos < in.length && in[pos] >= '0' && in[pos] <= '9';
  }

  // ---- Strings ----

  /** Reads a string whose opening quote is at {@link #pos}. */
  private String string() throws Malformed {
    pos++; // "
    StringBuilder text = new StringBuilder();
    while (true) {
      if (pos >= in.length) {
        throw new Malformed("expected '\"' to close the string, found the end", pos);
      }
      int b = in[pos] & 0xFF;
      if (b == '"') {
        pos++;
        return text.toString();
      } else if (b == '\\') {
        escape(text);
      } else if (b < 0x20) {
        throw new Malformed("unescaped control character " + hex(b) + " in a string", pos);
      } else if (b < 0x80) {
        text.append((char) b);
        pos++;
      } else {
        text.appendCodePoint(utf8());
      }
    }
  }

  private void escape(StringBuilder text) throws Malformed {
    int at = pos;
    pos++; // backslash
    if (pos >= in.length) {
      throw new Malformed("expected an escape after '\\', found the end", pos);
    }
    byte b = in[pos++];
    switch (b) {
      case '"' -> text.append('"');
      case '\\' -> text.append('\\');
      case '/' -> text.append('/');
      case 'b' -> text.append('\b');
      case 'f' -> text.append('\f');
      case 'n' -> text.append('\n');
      case 'r' -> text.append('\r');
      case 't' -> text.append('\t');
      case 'u' -> {
        char unit = hex4(at);
        if (Character.isHighSurrogate(unit)) {
          int lowAt = pos;
          if (pos + 1 < in.length && in[pos] == '\\' && in[pos + 1] == 'u') {
            pos += 2;
            char low = hex4(lowAt);
            if (Character.isLowSurrogate(low)) {
              text.append(unit).append(low);
              return;
            }
          }
          throw new Malformed("lone surrogate " + escaped(unit) + " in a string", at);
        }
        if (Character.isLowSurrogate(unit)) {
          throw new Malformed("lone surrogate " + escaped(unit) + " in a string", at);
        }
        text.append(unit);
      }
      default -> throw new Malformed("invalid escape '\\' followed by " + shown(b & 0xFF), at);
    }
  }

  /** Reads the four hex digits of a <code>&#92;u</code> escape that starts at {@code at}. */
  private char hex4(int at) throws Malformed {
    int unit = 0;
    for (int i = 0; i < 4; i++) {
      if (pos >= in.length) {
        throw new Malformed("expected four hex digits after \\u, found the end", pos);
      }
      int digit = hexDigit(in[pos++]);
      if (digit < 0) {
        throw new Malformed("expected four hex digits after \\u", at);
      }
      unit = unit << 4 | digit;
    }
    return (char) unit;
  }

  private static int hexDigit(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    } else if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    } else if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  /**
   * Decodes the multi-byte UTF-8 sequence at {@link #pos} (Unicode table 3-7: no overlong forms,
   * no surrogates, nothing past U+10FFFF).
   */
  private int utf8() throws Malformed {
    int start = pos;
    int lead = in[pos] & 0xFF;
    int more;
    int codePoint;
    if (lead >= 0xC2 && lead <= 0xDF) {
      more = 1;
      codePoint = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      more = 2;
      codePoint = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      more = 3;
      codePoint = lead & 0x07;
    } else {
      throw new Malformed("invalid UTF-8", start);
    }
    for (int i = 1; i <= more; i++) {
      if (pos + i >= in.length) {
        throw new Malformed("invalid UTF-8 (cut short)", start);
      }
      int b = in[pos + i] & 0xFF;
      if ((b & 0xC0) != 0x80) {
        throw new Malformed("invalid UTF-8", start);
      }
      codePoint = codePoint << 6 | (b & 0x3F);
    }
    boolean overlong = more == 2 && codePoint < 0x800 || more == 3 && codePoint < 0x10000;
    if (overlong || codePoint > Character.MAX_CODE_POINT
        || codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
      throw new Malformed("invalid UTF-8", start);
    }
    pos += more + 1;
    return codePoint;
  }

  // ---- Small helpers ----

  private void skipWhitespace() {
    while (pos < in.length
        && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
      pos++;
    }
  }

  /** Steps over {@code c} if it is next. */
  private boolean next(char c) {
    if (pos < in.length && in[pos] == c) {
      pos++;
      return true;
    }
    return false;
  }

  private String ascii(int from, int to) {
    StringBuilder text = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      text.append((char) in[i]);
    }
    return text.toString();
  }

  /** What is at {@link #pos}, for a message. */
  private String found() {
    return pos >= in.length ? "the end" : shown(in[pos] & 0xFF);
  }

  private static String shown(int b) {
    return b > 0x20 && b < 0x7F ? "'" + (char) b + "'" : hex(b);
  }

  private static String hex(int b) {
    return String.format("0x%02X", b);
  }

  private static String escaped(char unit) {
    return String.format("\\u%04X", (int) unit);
  }

  /**
   * What a JSON text is refused for. The message is one short line naming the problem and ending
   * with its byte offset in the input ({@code ... at byte 17}); only a duplicate member's name is
   * quoted from the input, on one bounded line.
   */
  public static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;

    Malformed(String problem, int offset) {
      super(problem + " at byte " + offset, null, false, false);
      this.offset = offset;
    }

    /** The offset in the input, counted in bytes from 0, where the problem is. */
    public int offset() {
      return offset;
    }
  }
}

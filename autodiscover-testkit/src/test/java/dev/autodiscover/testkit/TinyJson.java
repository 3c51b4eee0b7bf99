package dev.autodiscover.testkit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 reader for the tests: objects become {@link LinkedHashMap}s, arrays
 * {@link List}s, strings {@link String}s, numbers {@link BigDecimal}s, {@code true} and
 * {@code false} {@link Boolean}s and {@code null} {@code null}. Anything that is not exactly one
 * JSON text (a raw control character in a string, a bad escape, a duplicate member, trailing
 * characters) throws {@link IllegalArgumentException}.
 */
final class TinyJson {

  private final String text;
  private int at;

  private TinyJson(String text) {
    this.text = text;
  }

  /** The value of the JSON text {@code text}. */
  static Object parse(String text) {
    TinyJson reader = new TinyJson(text);
    reader.whitespace();
    Object value = reader.value();
    reader.whitespace();
    if (reader.at != text.length()) {
      throw reader.error("trailing characters");
    }
    return value;
  }

  /** The JSON text {@code text}, which must be an object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String text) {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("not an object: " + text);
    }
    return (Map<String, Object>) value;
  }

  private Object value() {
    if (at >= text.length()) {
      throw error("a value expected");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> members();
      case '[' -> elements();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> members() {
    Map<String, Object> members = new LinkedHashMap<>();
    at++;
    whitespace();
    if (take('}')) {
      return members;
    }
    do {
      whitespace();
      if (at >= text.length() || text.charAt(at) != '"') {
        throw error("a member name expected");
      }
      String name = string();
      whitespace();
      expect(':');
      whitespace();
      if (members.containsKey(name)) {
        throw error("duplicate member " + name);
      }
      members.put(name, value());
      whitespace();
    } while (take(','));
    expect('}');
    return members;
  }

  private List<Object> elements() {
    List<Object> elements = new ArrayList<>();
    at++;
    whitespace();
    if (take(']')) {
      return elements;
    }
    do {
      whitespace();
      elements.add(value());
      whitespace();
    } while (take(','));
    expect(']');
    return elements;
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    at++;
    while (true) {
      if (at >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("raw control character U+" + String.format("%04X", (int) c));
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw error("unterminated escape");
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("short \\u escape");
          }
          String hex = text.substring(at, at + 4);
          if (!hex.matches("[0-9A-Fa-f]{4}")) {
            throw error("bad \\u escape " + hex);
          }
          out.append((char) Integer.parseInt(hex, 16));
          at += 4;
        }
        default -> throw error("bad escape \\" + escaped);
      }
    }
  }

  private BigDecimal number() {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    String number = text.substring(start, at);
    if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      at = start;
      throw error("a value expected");
    }
    return new BigDecimal(number);
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error(word + " expected");
    }
    at += word.length();
    return value;
  }

  private void whitespace() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private boolean take(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!take(c)) {
      throw error("'" + c + "' expected");
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at offset " + at + " of " + text);
  }
}

package dev.autodiscover.internal.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One JSON value as {@link JsonReader} reads it: an object, an array, a string, a number,
 * {@code true}, {@code false} or {@code null}. Two values are equal when they hold the same JSON
 * (members of an object in any order, numbers as the same text).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface JsonValue {

  /** What kind of value this is, in a few words ("an object", "a string"...), for messages. */
  String kind();

  /**
   * An object: its members in the order they were written, no name twice.
   *
   * @param members each member's value by its name, in document order
   */
  record ObjectValue(Map<String, JsonValue> members) implements JsonValue {
    public ObjectValue {
      LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>();
      Objects.requireNonNull(members, "members").forEach(
          (name, value) -> copy.put(Objects.requireNonNull(name, "member name"),
              Objects.requireNonNull(value, "member value")));
      members = Collections.unmodifiableMap(copy);
    }

    /** The value of the member named exactly {@code name}, if there is one. */
    public Optional<JsonValue> member(String name) {
      return Optional.ofNullable(members.get(name));
    }

    @Override
    public String kind() {
      return "an object";
    }
  }

  /**
   * An array.
   *
   * @param elements its values in order
   */
  record ArrayValue(List<JsonValue> elements) implements JsonValue {
    public ArrayValue {
      elements = List.copyOf(elements);
    }

    @Override
    public String kind() {
      return "an array";
    }
  }

  /**
   * A string, its escapes decoded.
   *
   * @param value the text; always well-formed UTF-16 (no lone surrogate)
   */
  record StringValue(String value) implements JsonValue {
    public StringValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String kind() {
      return "a string";
    }
  }

  /**
   * A number, kept as the text it was written as, which the RFC 8259 grammar has checked: an
   * optional minus, an integer part without leading zeros, an optional fraction and exponent.
   * Keeping the text loses nothing and costs nothing for numbers that are never used.
   *
   * @param text the number as written, at most {@value JsonReader#MAX_NUMBER_CHARS} characters
   */
  record NumberValue(String text) implements JsonValue {
    public NumberValue {
      Objects.requireNonNull(text, "text");
    }

    /**
     * The number's exact value; empty only when its exponent is outside what {@link BigDecimal}
     * can hold (beyond about ±2<sup>31</sup>).
     */
    public Optional<BigDecimal> decimal() {
      try {
        return Optional.of(new BigDecimal(text));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    @Override
    public String kind() {
      return "a number";
    }
  }

  /**
   * {@code true} or {@code false}.
   *
   * @param value which
   */
  record BooleanValue(boolean value) implements JsonValue {
    @Override
    public String kind() {
      return "a boolean";
    }
  }

  /** {@code null}. */
  enum NullValue implements JsonValue {
    /** The one {@code null}. */
    NULL;

    @Override
    public String kind() {
      return "null";
    }
  }
}

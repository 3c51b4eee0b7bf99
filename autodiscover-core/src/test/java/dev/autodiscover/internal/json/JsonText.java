package dev.autodiscover.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/** Writes a {@link JsonValue} back as compact JSON text in UTF-8, for the tests' round trips. */
final class JsonText {
  private JsonText() {}

  static byte[] utf8(JsonValue value) {
    StringBuilder text = new StringBuilder();
    write(value, text);
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(JsonValue value, StringBuilder text) {
    if (value instanceof JsonValue.ObjectValue object) {
      text.append('{');
      Iterator<Map.Entry<String, JsonValue>> members = object.members().entrySet().iterator();
      while (members.hasNext()) {
        Map.Entry<String, JsonValue> member = members.next();
        string(member.getKey(), text);
        text.append(':');
        write(member.getValue(), text);
        text.append(members.hasNext() ? "," : "");
      }
      text.append('}');
    } else if (value instanceof JsonValue.ArrayValue array) {
      text.append('[');
      for (int i = 0; i < array.elements().size(); i++) {
        text.append(i == 0 ? "" : ",");
        write(array.elements().get(i), text);
      }
      text.append(']');
    } else if (value instanceof JsonValue.StringValue string) {
      string(string.value(), text);
    } else if (value instanceof JsonValue.NumberValue number) {
      text.append(number.text());
    } else if (value instanceof JsonValue.BooleanValue bool) {
      text.append(bool.value());
    } else {
      text.append("null");
    }
  }

  private static void string(String value, StringBuilder text) {
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        text.append('\\').append(c);
      } else if (c < 0x20) {
        text.append(String.format("\\u%04x", (int) c));
      } else {
        text.append(c);
      }
    }
    text.append('"');
  }
}

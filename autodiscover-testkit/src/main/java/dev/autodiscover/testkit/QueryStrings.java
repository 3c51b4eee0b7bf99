package dev.autodiscover.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the query of a request target as Exchange's web front end does: parameter names in any
 * letter case, values percent-decoded as UTF-8 with {@code +} read as a space.
 *
 * <p>Thread safety: stateless.
 */
final class QueryStrings {

  private QueryStrings() {}

  /** The part of {@code url} after its first {@code ?}, still encoded; empty when there is none. */
  static String query(String url) {
    int mark = url.indexOf('?');
    return mark < 0 ? "" : url.substring(mark + 1);
  }

  /**
   * The parameters of {@code query}, by decoded name compared without regard to letter case (the
   * first spelling seen is kept), each with its decoded values in the order sent. A parameter
   * without {@code =} has the value {@code ""}.
   */
  static Map<String, List<String>> parameters(String query) {
    Map<String, List<String>> parameters = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  /** The first value of the parameter {@code name} (any case) in {@code query}, or {@code null}. */
  static String first(String query, String name) {
    List<String> values = parameters(query).getOrDefault(name, Collections.emptyList());
    return values.isEmpty() ? null : values.get(0);
  }

  /** {@code text} percent-decoded as UTF-8; text holding a broken escape is kept as sent. */
  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}

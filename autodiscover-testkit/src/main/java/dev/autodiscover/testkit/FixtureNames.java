package dev.autodiscover.testkit;

import java.util.Locale;
import java.util.Objects;

/**
 * The one spelling the testkit uses for host names.
 *
 * <p>Thread safety: stateless.
 */
final class FixtureNames {

  private FixtureNames() {}

  /** {@code name} in lower case without a trailing dot. */
  static String normalize(String name) {
    Objects.requireNonNull(name, "name");
    String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (trimmed.isBlank()) {
      throw new IllegalArgumentException("name must not be blank: \"" + name + "\"");
    }
    return trimmed.toLowerCase(Locale.ROOT);
  }
}

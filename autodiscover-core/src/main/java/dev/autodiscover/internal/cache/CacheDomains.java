package dev.autodiscover.internal.cache;

import java.util.Locale;
import java.util.Objects;

/** The form in which the endpoint cache keys an email domain. */
public final class CacheDomains {
  /** The longest DNS name, in characters, without the trailing dot. */
  static final int MAX_LENGTH = 253;

  private CacheDomains() {}

  /**
   * Returns {@code domain} in lower case without one trailing dot, the form every cache compares.
   *
   * @throws IllegalArgumentException naming the value when it is blank, holds a space, control
   *     character or {@code #}, or is longer than 253 characters
   */
  public static String normalize(String domain) {
    Objects.requireNonNull(domain, "domain");
    String name = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    name = name.toLowerCase(Locale.ROOT);
    if (name.isBlank()) {
      throw new IllegalArgumentException("domain must not be blank: '" + domain + "'");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(String.format(
            "domain must not contain spaces or control characters, but has U+%04X at position %d: '%s'",
            (int) c, i + 1, domain));
      }
      if (c == '#') {
        throw new IllegalArgumentException("domain must not contain '#': '" + domain + "'");
      }
    }
    if (name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("domain must be at most " + MAX_LENGTH
          + " characters, not " + name.length() + ": '" + domain + "'");
    }
    return name;
  }
}

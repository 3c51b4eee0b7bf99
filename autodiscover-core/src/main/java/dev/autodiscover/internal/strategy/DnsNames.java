package dev.autodiscover.internal.strategy;

import dev.autodiscover.internal.EmailAddress;
import java.util.Optional;

/** What the strategies accept as a DNS name to look up or a host to connect to. Stateless. */
final class DnsNames {
  /** The longest name DNS can carry, in characters without the trailing dot (255 octets on the wire). */
  static final int MAX_LENGTH = 253;

  private DnsNames() {}

  /**
   * Returns {@code name} as a host name (lower-case A-labels of letters, digits and inner hyphens,
   * no trailing dot), or empty when it is not one: escaped bytes, {@code *}, {@code _}, empty or
   * over-long labels, more than {@value #MAX_LENGTH} characters, or a last label of digits alone,
   * which would read as an IP address in a URL.
   */
  static Optional<String> hostName(String name) {
    Optional<String> host = EmailAddress.asciiDomain(name);
    if (host.isEmpty()) {
      return host;
    }
    String last = host.get().substring(host.get().lastIndexOf('.') + 1);
    return last.chars().allMatch(c -> c >= '0' && c <= '9') ? Optional.empty() : host;
  }

  /** Returns why {@code name} cannot be looked up when it is longer than DNS allows, else empty. */
  static Optional<String> tooLong(String name) {
    if (name.length() <= MAX_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(name.length() + " characters long, and a DNS name holds at most " + MAX_LENGTH);
  }

  /** Returns {@code text} with its control characters written as {@code \\uXXXX}, for a one-line detail. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}

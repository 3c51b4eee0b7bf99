package dev.autodiscover.internal;

import java.util.Optional;

/** What the resolver accepts as a DNS name to look up or a host to connect to. Stateless. */
public final class DnsNames {
  /** The longest name DNS can carry, in characters without the trailing dot (255 octets on the wire). */
  public static final int MAX_LENGTH = 253;

  private DnsNames() {}

  /**
   * Returns {@code name} as a host name (lower-case A-labels of letters, digits and inner hyphens,
   * no trailing dot), or empty when it is not one: escaped bytes, {@code *}, {@code _}, empty or
   * over-long labels, more than {@value #MAX_LENGTH} characters, or a last label that does not
   * start with a letter, as no top-level domain does: such a name reads as an IP address in a URL
   * ({@code 127.0.0.1}, {@code 0x7f.1}).
   */
  public static Optional<String> hostName(String name) {
    Optional<String> host = EmailAddress.asciiDomain(name);
    if (host.isEmpty()) {
      return host;
    }
    char first = host.get().charAt(host.get().lastIndexOf('.') + 1);
    return first >= 'a' && first <= 'z' ? host : Optional.empty();
  }

  /** Returns why {@code name} cannot be looked up when it is longer than DNS allows, else empty. */
  public static Optional<String> tooLong(String name) {
    if (name.length() <= MAX_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(name.length() + " characters long, and a DNS name holds at most " + MAX_LENGTH);
  }
}

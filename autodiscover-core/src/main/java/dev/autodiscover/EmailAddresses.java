package dev.autodiscover;

import dev.autodiscover.internal.EmailAddress;
import java.util.Optional;

/**
 * Checks addresses the way the resolver does before it looks anything up, so that a tool can
 * refuse bad input before it starts.
 */
public final class EmailAddresses {
  private EmailAddresses() {}

  /**
   * Returns what is wrong with {@code address} as an address to resolve, or empty when the resolver
   * accepts it.
   */
  public static Optional<String> problemWith(String address) {
    EmailAddress.Parsed parsed = EmailAddress.parse(address);
    return parsed.email().isPresent() ? Optional.empty() : Optional.of(parsed.problem());
  }
}

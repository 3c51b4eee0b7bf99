package dev.autodiscover;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The settings an Autodiscover server returned for a mailbox: the user, the account type and
 * every protocol, in document order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param user the {@code User} element's details
 * @param accountType the {@code AccountType} value, normally {@code email}
 * @param protocols every {@code Protocol} directly under {@code Account}, in document order
 * @param accountTtl a {@code TTL} found directly under {@code Account} rather than in a protocol
 */
public record AutodiscoverSettings(
    UserSettings user,
    Optional<String> accountType,
    List<ProtocolSettings> protocols,
    Optional<Duration> accountTtl) {

  public AutodiscoverSettings {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(accountType, "accountType");
    protocols = List.copyOf(Objects.requireNonNull(protocols, "protocols"));
    Objects.requireNonNull(accountTtl, "accountTtl");
  }

  /** Creates settings without an account-level TTL. */
  public AutodiscoverSettings(
      UserSettings user, Optional<String> accountType, List<ProtocolSettings> protocols) {
    this(user, accountType, protocols, Optional.empty());
  }

  /** Returns the user's display name; a shortcut for {@code user().displayName()}. */
  public Optional<String> displayName() {
    return user.displayName();
  }

  /** Returns the EWS URL of the first protocol, in document order, that has one. */
  public Optional<String> ewsUrl() {
    return protocols.stream().flatMap(p -> p.ewsUrl().stream()).findFirst();
  }

  /** Returns the first protocol of the given type, compared case-insensitively. */
  public Optional<ProtocolSettings> protocol(String type) {
    Objects.requireNonNull(type, "type");
    String wanted = type.toLowerCase(Locale.ROOT);
    return protocols.stream()
        .filter(p -> p.type().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /**
   * Returns how long these settings may be cached: the smallest TTL among the account-level TTL
   * and every protocol's TTL, or empty when there is none.
   */
  public Optional<Duration> ttl() {
    return Stream.concat(accountTtl.stream(), protocols.stream().flatMap(p -> p.ttl().stream()))
        .min(Duration::compareTo);
  }
}

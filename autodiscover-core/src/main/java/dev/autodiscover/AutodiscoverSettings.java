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
 * <p>Each {@link Dialect} fills them in its own way:
 * <ul>
 *   <li>{@link Dialect#POX}: every {@code Protocol} of the response, as {@link ProtocolSettings};
 *   <li>{@link Dialect#JSON}: one protocol whose type is the {@code Protocol} answered
 *       ({@code Ews}, {@code ActiveSync}, {@code Rest}) and whose one value {@code Url} is the URL
 *       answered;
 *   <li>{@link Dialect#SOAP}: one protocol of type {@code GetUserSettings} whose values are the
 *       settings returned, by name ({@code ExternalEwsUrl}...; a collection setting's parts by path,
 *       such as {@code ExternalWebClientUrls/WebClientUrl/Url}); the user's details also fill
 *       {@link #user()};
 *   <li>{@link Dialect#ACTIVESYNC}: one protocol per {@code Server}, typed {@code MobileSync},
 *       {@code CertEnroll}..., with the values {@code Url}, {@code Name} and {@code ServerData};
 *       and the {@link #culture()}.
 * </ul>
 * {@link #ewsUrl()} and {@link #activeSyncUrl()} find their URL whichever dialect answered.
 *
 * <p>Immutable and thread-safe.
 *
 * @param user the {@code User} element's details
 * @param accountType the {@code AccountType} value, normally {@code email}
 * @param protocols every {@code Protocol} directly under {@code Account}, in document order
 * @param accountTtl a {@code TTL} found directly under {@code Account} rather than in a protocol
 * @param culture the {@code Culture} of an ActiveSync response, such as {@code en:us}
 */
public record AutodiscoverSettings(
    UserSettings user,
    Optional<String> accountType,
    List<ProtocolSettings> protocols,
    Optional<Duration> accountTtl,
    Optional<String> culture) {

  public AutodiscoverSettings {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(accountType, "accountType");
    protocols = List.copyOf(Objects.requireNonNull(protocols, "protocols"));
    Objects.requireNonNull(accountTtl, "accountTtl");
    Objects.requireNonNull(culture, "culture");
  }

  /** Creates settings without a culture. */
  public AutodiscoverSettings(
      UserSettings user, Optional<String> accountType, List<ProtocolSettings> protocols, Optional<Duration> accountTtl) {
    this(user, accountType, protocols, accountTtl, Optional.empty());
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

  /**
   * Returns the Exchange Web Services URL: the {@code EwsUrl} of the first protocol, in document
   * order, that has one; else the {@code Url} of an Autodiscover v2 {@code Ews} answer; else the
   * SOAP settings' {@code ExternalEwsUrl}, then {@code InternalEwsUrl}.
   */
  public Optional<String> ewsUrl() {
    return first("EwsUrl")
        .or(() -> urlOfType("Ews"))
        .or(() -> first("ExternalEwsUrl"))
        .or(() -> first("InternalEwsUrl"));
  }

  /**
   * Returns the Exchange ActiveSync URL: the {@code Url} of the first ActiveSync {@code MobileSync}
   * server, or of an Autodiscover v2 {@code ActiveSync} answer.
   */
  public Optional<String> activeSyncUrl() {
    return urlOfType("MobileSync").or(() -> urlOfType("ActiveSync"));
  }

  private Optional<String> first(String path) {
    return protocols.stream().flatMap(p -> p.value(path).stream()).findFirst();
  }

  private Optional<String> urlOfType(String type) {
    return protocols.stream().filter(p -> p.type().equalsIgnoreCase(type)).flatMap(p -> p.value("Url").stream()).findFirst();
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

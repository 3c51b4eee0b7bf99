package dev.autodiscover;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code Protocol} element of an Autodiscover response: its type and every value it holds.
 *
 * <p>{@link #values()} maps each non-empty leaf element below the {@code Protocol} to its trimmed
 * text, keyed by its path relative to the {@code Protocol}: {@code EwsUrl}, {@code TTL},
 * {@code MailStore/ExternalUrl}, {@code Internal/OWAUrl}... Attributes of the {@code Protocol}
 * element itself are keyed {@code @Version} and so on. The type, whether it came from a
 * {@code Type} child element or a {@code Type} attribute, is in {@link #type()} only. When a path
 * repeats, the first value is kept; a value whose path would be longer than 256 characters is left
 * out; entries are in document order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the protocol type, such as {@code EXCH}, {@code EXPR}, {@code WEB},
 *     {@code EXHTTP} or {@code mapiHttp}; empty if the element named none
 * @param values the protocol's values by path, in document order
 */
public record ProtocolSettings(String type, Map<String, String> values) {

  public ProtocolSettings {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(values, "values");
    LinkedHashMap<String, String> copy = new LinkedHashMap<>();
    values.forEach(
        (path, value) ->
            copy.put(Objects.requireNonNull(path, "values key"),
                Objects.requireNonNull(value, "values value")));
    values = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the value at {@code path}, such as {@code "EwsUrl"} or
   * {@code "MailStore/ExternalUrl"}.
   */
  public Optional<String> value(String path) {
    Objects.requireNonNull(path, "path");
    return Optional.ofNullable(values.get(path));
  }

  /** Returns the {@code Server} value: a host name, or for EXCH a mailbox GUID since 2013. */
  public Optional<String> server() {
    return value("Server");
  }

  /** Returns the Exchange Web Services URL ({@code EwsUrl}). */
  public Optional<String> ewsUrl() {
    return value("EwsUrl");
  }

  /** Returns the availability service URL ({@code ASUrl}). */
  public Optional<String> asUrl() {
    return value("ASUrl");
  }

  /** Returns the offline address book URL ({@code OABUrl}). */
  public Optional<String> oabUrl() {
    return value("OABUrl");
  }

  /** Returns the out-of-office service URL ({@code OOFUrl}). */
  public Optional<String> oofUrl() {
    return value("OOFUrl");
  }

  /** Returns the unified messaging URL ({@code UMUrl}). */
  public Optional<String> umUrl() {
    return value("UMUrl");
  }

  /** Returns the Exchange Control Panel URL ({@code EcpUrl}). */
  public Optional<String> ecpUrl() {
    return value("EcpUrl");
  }

  /**
   * Returns how long these settings may be cached, from {@code TTL} (whole hours); empty when the
   * protocol has no TTL or it is not a non-negative whole number.
   */
  public Optional<Duration> ttl() {
    return value("TTL").flatMap(ProtocolSettings::hours);
  }

  private static Optional<Duration> hours(String text) {
    try {
      long hours = Long.parseLong(text.trim());
      return hours < 0 ? Optional.empty() : Optional.of(Duration.ofHours(hours));
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}

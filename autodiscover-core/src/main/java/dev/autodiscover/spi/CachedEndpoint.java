package dev.autodiscover.spi;

import dev.autodiscover.Endpoint;
import dev.autodiscover.internal.cache.CacheDomains;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the resolver learned about one email domain: the endpoint discovery found there, or that
 * discovery failed and why, and until when that answer may be used again.
 *
 * <p>Immutable and thread-safe.
 *
 * @param domain the email domain: lower case, A-labels, no trailing dot; the constructor lowercases
 *     it and drops one trailing dot
 * @param endpoint the endpoint discovery found, or empty when discovery failed for the domain
 * @param learned when the resolver learned it
 * @param expires when the entry stops being fresh; after {@code learned}
 * @param reason why discovery failed, one line without control characters, stripped of surrounding
 *     spaces and cut to 500 characters; empty when {@code endpoint} is present
 */
public record CachedEndpoint(
    String domain, Optional<Endpoint> endpoint, Instant learned, Instant expires, String reason) {

  /** The longest {@link #reason} kept; a longer one is cut to this length. */
  public static final int MAX_REASON_LENGTH = 500;

  public CachedEndpoint {
    domain = CacheDomains.normalize(domain);
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(learned, "learned");
    Objects.requireNonNull(expires, "expires");
    reason = oneLine(Objects.requireNonNull(reason, "reason"));
    if (!expires.isAfter(learned)) {
      throw new IllegalArgumentException(
          "expires must be after learned: expires " + expires + ", learned " + learned);
    }
    if (endpoint.isPresent() && !reason.isEmpty()) {
      throw new IllegalArgumentException(
          "reason must be empty when an endpoint was found: '" + reason + "'");
    }
  }

  /**
   * Returns the entry for an endpoint discovery found for {@code domain}, fresh for {@code ttl}.
   *
   * @throws IllegalArgumentException when {@code ttl} is not positive, or {@code domain} is not a
   *     domain
   */
  public static CachedEndpoint found(String domain, Endpoint endpoint, Instant learned, Duration ttl) {
    Objects.requireNonNull(endpoint, "endpoint");
    return new CachedEndpoint(domain, Optional.of(endpoint), learned, expiry(learned, ttl), "");
  }

  /**
   * Returns the entry saying discovery failed for {@code domain} because of {@code reason}, fresh
   * for {@code ttl}.
   *
   * @throws IllegalArgumentException when {@code ttl} is not positive, {@code reason} holds a
   *     control character, or {@code domain} is not a domain
   */
  public static CachedEndpoint failed(String domain, String reason, Instant learned, Duration ttl) {
    return new CachedEndpoint(domain, Optional.empty(), learned, expiry(learned, ttl), reason);
  }

  /** Returns whether this entry may still be used at {@code now}, which is before {@link #expires}. */
  public boolean freshAt(Instant now) {
    Objects.requireNonNull(now, "now");
    return now.isBefore(expires);
  }

  /** Returns whether discovery found an endpoint for the domain. */
  public boolean found() {
    return endpoint.isPresent();
  }

  private static Instant expiry(Instant learned, Duration ttl) {
    Objects.requireNonNull(learned, "learned");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    try {
      return learned.plus(ttl);
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException("ttl " + ttl + " after " + learned + " is past Instant.MAX", e);
    }
  }

  private static String oneLine(String reason) {
    for (int i = 0; i < reason.length(); i++) {
      int type = Character.getType(reason.charAt(i));
      if (type == Character.CONTROL || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        throw new IllegalArgumentException(String.format(
            "reason must be one line without control characters, but has U+%04X at position %d: '%s'",
            (int) reason.charAt(i), i + 1, reason));
      }
    }
    String stripped = reason.strip();
    if (stripped.length() <= MAX_REASON_LENGTH) {
      return stripped;
    }
    int end = Character.isHighSurrogate(stripped.charAt(MAX_REASON_LENGTH - 1))
        ? MAX_REASON_LENGTH - 1 : MAX_REASON_LENGTH;
    return stripped.substring(0, end).strip();
  }
}

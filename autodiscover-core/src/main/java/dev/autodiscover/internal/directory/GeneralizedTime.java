package dev.autodiscover.internal.directory;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads LDAP GeneralizedTime values (RFC 4517), as Active Directory writes {@code whenCreated}:
 * {@code 20190312101522.0Z}.
 */
final class GeneralizedTime {
  private static final Pattern FORMAT = Pattern.compile(
      "(\\d{4})(\\d{2})(\\d{2})(\\d{2})(?:(\\d{2})(\\d{2})?)?(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}(?:\\d{2})?)");

  private GeneralizedTime() {}

  /** Returns the instant {@code value} names; empty when it is not a GeneralizedTime. */
  static Optional<Instant> parse(String value) {
    Matcher m = FORMAT.matcher(value.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalDateTime time = LocalDateTime.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)),
          m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
          m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      if (m.group(7) != null) {
        // A fraction applies to the last unit written: seconds, minutes or the hour.
        String digits = m.group(7);
        long unitNanos = m.group(6) != null ? 1_000_000_000L : m.group(5) != null ? 60_000_000_000L : 3_600_000_000_000L;
        double fraction = Double.parseDouble("0." + digits);
        time = time.plusNanos(Math.round(fraction * unitNanos));
      }
      String zone = m.group(8);
      ZoneOffset offset = zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(
          zone.length() == 3 ? zone : zone.substring(0, 3) + ":" + zone.substring(3));
      return Optional.of(time.toInstant(offset));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}

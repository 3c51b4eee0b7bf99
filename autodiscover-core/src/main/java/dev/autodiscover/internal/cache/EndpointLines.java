package dev.autodiscover.internal.cache;

import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Endpoint;
import dev.autodiscover.spi.CachedEndpoint;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The text form of one cache entry, a line of the endpoint cache file:
 *
 * <pre>
 * &lt;domain&gt; &lt;learned&gt; &lt;expires&gt; found &lt;METHOD&gt; &lt;url&gt;
 * &lt;domain&gt; &lt;learned&gt; &lt;expires&gt; failed &lt;reason, to the end of the line&gt;
 * </pre>
 *
 * <p>{@code learned} and {@code expires} are ISO-8601 instants in UTC ({@code
 * 2024-05-01T10:00:00Z}); fields are separated by spaces. A line whose first character other than
 * a space is {@code #} is a comment, and so is a blank line.
 */
final class EndpointLines {
  /** The comment that opens every file the cache writes. */
  static final List<String> HEADER = List.of(
      "# autodiscover endpoint cache, format 1: one email domain a line, rewritten by the library",
      "# <domain> <learned> <expires> found <METHOD> <url>",
      "# <domain> <learned> <expires> failed <reason, to the end of the line>",
      "# learned and expires are ISO-8601 instants in UTC, such as 2024-05-01T10:00:00Z");

  private static final String FOUND = "found";
  private static final String FAILED = "failed";

  private EndpointLines() {}

  /**
   * Returns the line for {@code entry}.
   *
   * @throws IllegalArgumentException when the entry's URL holds a space or control character
   */
  static String format(CachedEndpoint entry) {
    StringBuilder line = new StringBuilder()
        .append(entry.domain()).append(' ')
        .append(entry.learned()).append(' ')
        .append(entry.expires()).append(' ');
    if (entry.endpoint().isPresent()) {
      Endpoint endpoint = entry.endpoint().get();
      String url = endpoint.url().toString();
      if (!url.codePoints().allMatch(EndpointLines::printable)) {
        throw new IllegalArgumentException(
            "endpoint url must not contain spaces or control characters: '" + url + "'");
      }
      line.append(FOUND).append(' ').append(endpoint.method().name()).append(' ').append(url);
    } else {
      line.append(FAILED);
      if (!entry.reason().isEmpty()) {
        line.append(' ').append(entry.reason());
      }
    }
    return line.toString();
  }

  /**
   * Returns the entry on {@code line}, or empty for a blank or comment line.
   *
   * @throws IllegalArgumentException saying what is wrong with the line
   */
  static Optional<CachedEndpoint> parse(String line) {
    String content = line.strip();
    if (content.isEmpty() || content.startsWith("#")) {
      return Optional.empty();
    }
    String[] fields = content.split("\\s+", 5);
    if (fields.length < 4) {
      throw new IllegalArgumentException("expected '<domain> <learned> <expires> found <METHOD> <url>'"
          + " or '<domain> <learned> <expires> failed <reason>', not: " + content);
    }
    String domain = fields[0];
    Instant learned = instant("learned", fields[1]);
    Instant expires = instant("expires", fields[2]);
    String rest = fields.length == 5 ? fields[4] : "";
    return Optional.of(switch (fields[3]) {
      case FOUND -> new CachedEndpoint(domain, Optional.of(endpoint(rest)), learned, expires, "");
      case FAILED -> new CachedEndpoint(domain, Optional.empty(), learned, expires, rest);
      default -> throw new IllegalArgumentException(
          "expected 'found' or 'failed' after the expiry time, not: '" + fields[3] + "'");
    });
  }

  private static Endpoint endpoint(String methodAndUrl) {
    String[] fields = methodAndUrl.split("\\s+");
    if (fields.length != 2) {
      throw new IllegalArgumentException(
          "expected '<METHOD> <url>' after 'found', not: '" + methodAndUrl + "'");
    }
    return new Endpoint(url(fields[1]), DiscoveryMethod.of(fields[0]));
  }

  private static Instant instant(String name, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 instant such as 2024-05-01T10:00:00Z, not: '" + text + "'", e);
    }
  }

  private static URI url(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url is not a URL: " + e.getMessage(), e);
    }
  }

  private static boolean printable(int codePoint) {
    return !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)
        && !Character.isISOControl(codePoint);
  }
}

package dev.autodiscover.internal.http;

import dev.autodiscover.internal.DnsNames;
import dev.autodiscover.internal.ServerText;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Checks where a redirect points: the {@code Location} of a 3xx, or the {@code RedirectUrl} of an
 * Autodiscover answer. Both come from a server that may be hostile, so a target is followed only
 * when it is
 * <ul>
 *   <li>at most {@value #MAX_LENGTH} characters long, as sent and as it will be requested
 *       (relative forms resolved, characters outside ASCII percent-encoded);
 *   <li>an {@code https} URL, after resolving a relative form against the URL that answered;
 *   <li>without user information ({@code user:password@});
 *   <li>on a valid host <em>name</em> (letters, digits and hyphens): an IP address in any notation (dotted, integer, hexadecimal,
 *       bracketed IPv6) is refused, since no certificate for a mailbox's domain names one and it
 *       would let a server point the client at any address, its own network included.
 * </ul>
 *
 * <p>The accepted target is the URL exactly as the HTTP client will request it: parsed by OkHttp
 * (which also converts an IDN host to A-labels), host in lower case without a trailing dot,
 * default port and fragment dropped. Whoever checks it further (the consent policy, the list of
 * URLs already tried) sees the host that will be connected to, never a different reading of the
 * same text. A non-default port is kept and followed under the same rules as any other target.
 *
 * <p>Stateless and thread-safe.
 */
public final class RedirectTarget {
  /** The longest redirect target followed, in characters. */
  public static final int MAX_LENGTH = 2048;

  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

  /** User information after {@code //}, or after two backslashes, which OkHttp reads as slashes. */
  private static final Pattern USER_INFO = Pattern.compile("(?<=[/\\\\]{2})[^/\\\\?#]*@");

  private final Optional<URI> url;
  private final String problem;

  private RedirectTarget(Optional<URI> url, String problem) {
    this.url = url;
    this.problem = problem;
  }

  /**
   * Checks {@code location}, which a server at {@code base} sent.
   *
   * @param base the URL that answered with the redirect; relative targets are resolved against it
   * @param location the target as the server wrote it
   */
  public static RedirectTarget check(URI base, String location) {
    Objects.requireNonNull(base, "base");
    if (location == null || location.isBlank()) {
      return refused("is empty");
    }
    String text = location.strip();
    if (text.length() > MAX_LENGTH) {
      return refused("is " + text.length() + " characters long; at most " + MAX_LENGTH + " are followed");
    }
    var scheme = SCHEME.matcher(text);
    if (scheme.find()) {
      String name = scheme.group(1).toLowerCase(Locale.ROOT);
      if (!name.equals("https") && !name.equals("http")) {
        return refused("uses the " + name + ": scheme; only https is followed");
      }
    }
    HttpUrl from = HttpUrl.get(base);
    HttpUrl target = from == null ? null : from.resolve(text);
    if (target == null) {
      return refused("is not a valid URL");
    }
    if (!target.isHttps()) {
      String resolved = target.newBuilder().username("").password("").build().toString();
      return refused(resolved.equals(text) ? "is not https" : "resolves to " + ServerText.oneLine(resolved) + ", which is not https");
    }
    if (!target.username().isEmpty() || !target.password().isEmpty()) {
      return refused("carries user information");
    }
    String host = target.host();
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (!DnsNames.hostName(host).equals(Optional.of(host))) {
      // OkHttp has canonicalized the host to lower-case A-labels, or to an IP address if it read one.
      char top = host.isEmpty() ? ':' : host.charAt(host.lastIndexOf('.') + 1);
      return refused(host.indexOf(':') >= 0 || top < 'a' || top > 'z'
          ? "names the address " + host + ", not a host name"
          : "names " + ServerText.quoted(host) + ", which is not a valid host name");
    }
    URI accepted = target.newBuilder().host(host).fragment(null).build().uri();
    int length = accepted.toString().length();
    if (length > MAX_LENGTH) {
      return refused("is " + length + " characters long once resolved and encoded; at most " + MAX_LENGTH
          + " are followed");
    }
    return new RedirectTarget(Optional.of(accepted), "");
  }

  /** The URL to follow, when the target keeps the rules. */
  public Optional<URI> url() {
    return url;
  }

  /** What is wrong with the target, completing "the target ..."; empty when it is accepted. */
  public String problem() {
    return problem;
  }

  /**
   * Returns {@code location} as the story may show it: any user information in it replaced by
   * {@code …}, since a password a server put there is not the story's to repeat.
   */
  public static String shown(String location) {
    return location == null ? "" : USER_INFO.matcher(location).replaceFirst("…@");
  }

  private static RedirectTarget refused(String problem) {
    return new RedirectTarget(Optional.empty(), problem);
  }

  @Override
  public String toString() {
    return url.map(URI::toString).orElse("refused: the target " + problem);
  }
}

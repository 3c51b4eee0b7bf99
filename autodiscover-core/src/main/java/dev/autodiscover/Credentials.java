package dev.autodiscover;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * An answer to an HTTP authentication challenge: a scheme and the {@code Authorization} header
 * value for it. Its {@code toString()} never shows the secret.
 *
 * <p>Immutable and thread-safe.
 */
public final class Credentials {
  private final String scheme;
  private final String authorization;

  private Credentials(String scheme, String authorization) {
    this.scheme = scheme;
    this.authorization = authorization;
  }

  /** Returns Basic credentials for {@code user} and {@code password} (UTF-8). */
  public static Credentials basic(String user, String password) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (user.indexOf(':') >= 0) {
      throw new IllegalArgumentException("user must not contain ':' for Basic authentication");
    }
    String token = Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Credentials("Basic", "Basic " + token);
  }

  /** Returns Bearer credentials carrying {@code token} (an OAuth access token, say). */
  public static Credentials bearer(String token) {
    return of("Bearer", token);
  }

  /**
   * Returns credentials for any scheme: the header becomes {@code <scheme> <value>}.
   *
   * @param scheme the scheme name the server's challenge must offer, such as {@code "Negotiate"}
   * @param value the scheme's token
   */
  public static Credentials of(String scheme, String value) {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(value, "value");
    if (!scheme.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
      throw new IllegalArgumentException("scheme must be an HTTP token: " + scheme);
    }
    if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("value must be non-empty and hold no control characters");
    }
    return new Credentials(scheme, scheme + " " + value);
  }

  /** Returns the scheme, such as {@code "Basic"}. */
  public String scheme() {
    return scheme;
  }

  /** Returns the whole {@code Authorization} header value. */
  public String authorization() {
    return authorization;
  }

  /** Returns whether a challenge offering {@code offeredScheme} accepts these credentials. */
  public boolean answers(String offeredScheme) {
    return scheme.toLowerCase(Locale.ROOT).equals(offeredScheme.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return "Credentials{" + scheme + " ****}";
  }
}

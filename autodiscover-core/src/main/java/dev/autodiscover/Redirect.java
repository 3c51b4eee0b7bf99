package dev.autodiscover;

import java.util.Objects;

/**
 * A redirect met during a resolution and whether it was followed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type where the redirect came from
 * @param from the URL, address or DNS name that redirected
 * @param to the URL or address redirected to
 * @param allowed whether it was followed
 */
public record Redirect(RedirectType type, String from, String to, boolean allowed) {
  public Redirect {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  @Override
  public String toString() {
    return type + " " + from + " -> " + to + (allowed ? "" : " (not followed)");
  }
}

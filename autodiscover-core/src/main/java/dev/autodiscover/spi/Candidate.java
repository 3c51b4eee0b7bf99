package dev.autodiscover.spi;

import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.RedirectType;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A URL a strategy proposes to ask for the mailbox's settings: the POX URL on a host, which the
 * resolver's {@link dev.autodiscover.Dialect} moves to its own path on that host.
 *
 * <p>A candidate that comes from an insecure source (an SRV record, the plain-HTTP redirect) says
 * so through {@link #redirect()}: the resolver then asks the host application's consent before
 * following it. Immutable and thread-safe.
 *
 * @param url the https URL
 * @param method the step it came from
 * @param redirect how the candidate was reached, when it is a redirect that needs consent
 * @param source the DNS name or URL that pointed at it; the candidate URL itself when not redirected
 */
public record Candidate(URI url, DiscoveryMethod method, Optional<RedirectType> redirect, String source) {
  public Candidate {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(redirect, "redirect");
    Objects.requireNonNull(source, "source");
    if (!"https".equalsIgnoreCase(url.getScheme())) {
      throw new IllegalArgumentException("a candidate URL must be https: " + url);
    }
  }

  /** Returns a candidate the strategy derived itself, needing no consent. */
  public static Candidate direct(URI url, DiscoveryMethod method) {
    return new Candidate(url, method, Optional.empty(), url.toString());
  }

  /** Returns a candidate reached through a redirect of {@code type} from {@code source}. */
  public static Candidate redirected(
      URI url, DiscoveryMethod method, RedirectType type, String source) {
    return new Candidate(url, method, Optional.of(type), source);
  }
}

package dev.autodiscover.spi;

import dev.autodiscover.ActiveDirectory;
import dev.autodiscover.DiscoveryMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * What a strategy may use while it looks for candidates for one address.
 *
 * <p>One context serves one strategy for one address of one resolution, on one thread; it is not
 * thread-safe. Attempts begun through it are recorded in the strategy's place in the story.
 */
public interface DiscoveryContext {

  /** Returns the address being resolved (after any redirectAddr). */
  String emailAddress();

  /** Returns its domain: lower case, A-labels, no trailing dot. */
  String domain();

  /** Returns the resolver's DNS client. */
  DnsClient dns();

  /** Returns the directory the SCP step searches, when the host application configured one. */
  Optional<ActiveDirectory> activeDirectory();

  /** Returns the resolver's directory client. */
  DirectoryClient directory();

  /**
   * Returns an HTTP client that follows no redirects, sends no credentials, resolves through
   * {@link #dns()} and validates certificates as the resolver does.
   */
  OkHttpClient httpClient();

  /** Returns when the whole resolution must end, on the resolver's clock. */
  Instant deadline();

  /**
   * Returns how long the whole resolution may still run, measured on the resolver's clock; zero
   * when the time is up. Strategies bound their own lookups by it.
   */
  Duration remaining();

  /** Returns the time limit of one request the strategy makes itself (an HTTP GET, a directory search). */
  Duration requestTimeout();

  /**
   * Returns how long one request the strategy makes itself may take now: the request timeout, or
   * what is left of the resolution when that is less.
   */
  default Duration stepTimeout() {
    Duration remaining = remaining();
    return remaining.compareTo(requestTimeout()) < 0 ? remaining : requestTimeout();
  }

  /**
   * Starts an attempt for a step that is not a candidate POST (a DNS lookup, the plain-HTTP GET)
   * so that it appears, timed, in the resolution's attempts.
   *
   * @param target the URL or DNS name the step is about
   */
  PendingAttempt begin(DiscoveryMethod method, String target);
}

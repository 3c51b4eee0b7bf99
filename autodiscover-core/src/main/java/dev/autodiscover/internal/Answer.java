package dev.autodiscover.internal;

import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.Dialect;
import java.util.List;

/** What one candidate request came to, before the resolution decides what to do with it. */
sealed interface Answer {

  /**
   * Settings: the attempt is still open, for the resolution to finish as a success.
   *
   * @param notes what the server could not give, one line each
   */
  record Settings(AutodiscoverSettings settings, List<String> notes, AttemptTimer attempt, int status)
      implements Answer {}

  /**
   * An address redirect; the attempt is still open.
   *
   * @param via how it was said: {@code "redirectAddr"}, {@code "RedirectAddress"} or {@code "Redirect"}
   */
  record RedirectAddr(String address, String via, AttemptTimer attempt, int status) implements Answer {}

  /**
   * A redirectUrl answer or an HTTP 3xx; the attempt is still open.
   *
   * @param location the target as the server wrote it (possibly relative, for a 3xx)
   * @param via how it was said, for the attempt's detail: {@code "redirectUrl"} or {@code "HTTP 302"}
   * @param next the dialect to speak at the target
   */
  record RedirectUrl(String location, String via, Dialect next, AttemptTimer attempt, int status)
      implements Answer {}

  /** The candidate failed; its attempts are finished. */
  record Failed() implements Answer {}

  /** The host application aborted the resolution; its attempts are finished. */
  record Aborted(String reason) implements Answer {}
}

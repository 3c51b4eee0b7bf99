package dev.autodiscover.internal;

import dev.autodiscover.AutodiscoverSettings;

/** What one candidate POST came to, before the resolution decides what to do with it. */
sealed interface Answer {

  /** Settings: the attempt is still open, for the resolution to finish as a success. */
  record Settings(AutodiscoverSettings settings, AttemptTimer attempt, int status) implements Answer {}

  /** An Autodiscover redirectAddr; the attempt is still open. */
  record RedirectAddr(String address, AttemptTimer attempt, int status) implements Answer {}

  /**
   * A redirectUrl answer or an HTTP 3xx; the attempt is still open.
   *
   * @param location the target as the server wrote it (possibly relative, for a 3xx)
   * @param via how it was said, for the attempt's detail: {@code "redirectUrl"} or {@code "HTTP 302"}
   */
  record RedirectUrl(String location, String via, AttemptTimer attempt, int status) implements Answer {}

  /** The candidate failed; its attempts are finished. */
  record Failed() implements Answer {}

  /** The host application aborted the resolution; its attempts are finished. */
  record Aborted(String reason) implements Answer {}
}

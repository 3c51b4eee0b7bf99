package dev.autodiscover.examples.cli.doctor;

import java.util.Objects;

/**
 * One thing doctor found in a resolution: a problem met at a step, or a note about where the
 * resolution was led.
 *
 * <p>Immutable and thread-safe.
 *
 * @param severity whether it is a problem or a note
 * @param headline the cause in a few words, such as {@code NAME_MISMATCH at contoso.test}
 * @param text one line saying what happened and where
 */
public record Finding(Severity severity, String headline, String text) {
  /** Whether a finding needs a change. */
  public enum Severity {
    /** Something failed that an administrator can change. */
    PROBLEM,
    /** Worth knowing, nothing to change: a redirect that was followed. */
    NOTE
  }

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(text, "text");
  }
}

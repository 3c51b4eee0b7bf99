package dev.autodiscover.examples.cli;

/** The exit statuses of the {@code autodiscover} command. */
final class ExitStatus {
  /** Every address resolved. */
  static final int ALL_RESOLVED = 0;
  /** At least one address did not resolve. */
  static final int SOME_NOT_RESOLVED = 1;
  /** Bad usage or bad input; a one-line reason went to stderr. */
  static final int BAD_INPUT = 2;

  private ExitStatus() {}
}

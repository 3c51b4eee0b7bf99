package dev.autodiscover.examples.cli;

/** Input the command cannot use; its message is the one line shown on stderr. */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }

  BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

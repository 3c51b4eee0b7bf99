package dev.autodiscover.internal.dns;

import java.net.UnknownHostException;

/** A DNS answer that DNSSEC did not validate as secure, refused by a client that requires it. */
public final class UnvalidatedAnswerException extends UnknownHostException {
  private static final long serialVersionUID = 1L;

  public UnvalidatedAnswerException(String message) {
    super(message);
  }
}

package dev.autodiscover.internal.dns;

import java.net.UnknownHostException;

/** The name does not exist (NXDOMAIN), as opposed to a lookup that failed. */
public final class NoSuchNameException extends UnknownHostException {
  private static final long serialVersionUID = 1L;

  public NoSuchNameException(String message) {
    super(message);
  }
}

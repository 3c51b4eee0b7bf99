package dev.autodiscover.spi;

import java.util.Objects;

/**
 * One DNS SRV record (RFC 2782).
 *
 * <p>Immutable and thread-safe.
 *
 * @param priority lower is tried first
 * @param weight relative chance among records of the same priority
 * @param port the port of the service
 * @param target the host offering the service, without a trailing dot; {@code "."} means the
 *     service is decidedly not available at this domain
 */
public record SrvRecord(int priority, int weight, int port, String target) {
  public SrvRecord {
    checkUnsigned16(priority, "priority");
    checkUnsigned16(weight, "weight");
    checkUnsigned16(port, "port");
    Objects.requireNonNull(target, "target");
  }

  /** Returns whether the target is {@code "."}, which says the service is not offered. */
  public boolean noService() {
    return target.equals(".");
  }

  private static void checkUnsigned16(int value, String name) {
    if (value < 0 || value > 0xffff) {
      throw new IllegalArgumentException(name + " must be 0..65535: " + value);
    }
  }
}

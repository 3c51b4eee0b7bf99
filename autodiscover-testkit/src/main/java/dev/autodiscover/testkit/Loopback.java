package dev.autodiscover.testkit;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The loopback addresses the testkit binds to and routes within.
 *
 * <p>Thread safety: stateless.
 */
final class Loopback {

  /** 127.0.0.1, the only address anything in the testkit binds to. */
  static final InetAddress IPV4 = address(new byte[] {127, 0, 0, 1});

  private Loopback() {}

  /** Whether {@code address} is inside 127.0.0.0/8. */
  static boolean isLoopbackV4(InetAddress address) {
    return address instanceof Inet4Address && (address.getAddress()[0] & 0xff) == 127;
  }

  static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError(e); // only thrown for a wrong length
    }
  }
}

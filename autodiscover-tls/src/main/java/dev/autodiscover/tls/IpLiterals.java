package dev.autodiscover.tls;

import java.util.Arrays;

/**
 * Parses IPv4 and IPv6 literals into their exact octets, without any lookup.
 *
 * <p>An IPv4 address is four decimal parts without leading zeros ({@code 010.0.0.1} and {@code
 * 10.1} are not addresses). An IPv6 address is always 16 octets, so {@code ::ffff:10.0.0.1} never
 * equals {@code 10.0.0.1}; zone ids ({@code %eth0}) are refused, as a certificate never names one.
 *
 * <p>Thread-safe: every method is a pure function of its argument.
 */
final class IpLiterals {
  private IpLiterals() {}

  /** Returns the 4 or 16 octets of {@code text}, or null when it is not an IP literal. */
  static byte[] parse(String text) {
    return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
  }

  static byte[] parseIpv4(String text) {
    if (text.isEmpty() || text.charAt(0) < '0' || text.charAt(0) > '9') {
      return null; // Not a dotted quad; the common case for host names, decided without splitting.
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] address = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
        return null;
      }
      int value = 0;
      for (int j = 0; j < part.length(); j++) {
        char c = part.charAt(j);
        if (c < '0' || c > '9') {
          return null;
        }
        value = value * 10 + (c - '0');
      }
      if (value > 255) {
        return null;
      }
      address[i] = (byte) value;
    }
    return address;
  }

  private static byte[] parseIpv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    byte[] head = groups(gap >= 0 ? text.substring(0, gap) : text, gap < 0);
    byte[] tail = gap >= 0 ? groups(text.substring(gap + 2), true) : new byte[0];
    if (head == null || tail == null) {
      return null;
    }
    int total = head.length + tail.length;
    if (gap < 0 ? total != 16 : total > 14) {
      return null; // Without "::", eight groups; with it, "::" stands for at least one group.
    }
    byte[] address = new byte[16];
    System.arraycopy(head, 0, address, 0, head.length);
    System.arraycopy(tail, 0, address, 16 - tail.length, tail.length);
    return address;
  }

  /** Returns the octets of colon-separated hex groups, the last one possibly an IPv4 address. */
  private static byte[] groups(String part, boolean lastMayBeIpv4) {
    if (part.isEmpty()) {
      return new byte[0];
    }
    String[] groups = part.split(":", -1);
    byte[] octets = new byte[groups.length * 2 + 2];
    int length = 0;
    for (int i = 0; i < groups.length; i++) {
      String group = groups[i];
      if (i == groups.length - 1 && lastMayBeIpv4 && group.indexOf('.') >= 0) {
        byte[] v4 = parseIpv4(group);
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, octets, length, 4);
        length += 4;
        continue;
      }
      int value = hexGroup(group);
      if (value < 0) {
        return null;
      }
      octets[length++] = (byte) (value >>> 8);
      octets[length++] = (byte) value;
    }
    return Arrays.copyOf(octets, length);
  }

  /** Returns the value of one to four ASCII hex digits, or -1. */
  private static int hexGroup(String group) {
    if (group.isEmpty() || group.length() > 4) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < group.length(); i++) {
      char c = group.charAt(i);
      int digit = c >= '0' && c <= '9' ? c - '0'
          : c >= 'a' && c <= 'f' ? c - 'a' + 10
          : c >= 'A' && c <= 'F' ? c - 'A' + 10
          : -1;
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }
}

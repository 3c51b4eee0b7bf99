package dev.autodiscover.internal.dns;

import java.util.regex.Pattern;

/** Recognises IP address literals without any DNS lookup. */
public final class IpLiterals {
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private IpLiterals() {}

  /** Returns whether {@code host} is an IPv4 dotted quad or an IPv6 literal (no brackets). */
  public static boolean isIpLiteral(String host) {
    return IPV4.matcher(host).matches() || (host.indexOf(':') >= 0 && IPV6.matcher(host).matches());
  }
}

package dev.autodiscover.tls;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether a certificate's subjectAltName entries cover a host, following RFC 9525.
 *
 * <p>Only subjectAltName entries are identities; the subject CN is never used. A DNS entry matches
 * by ASCII case-insensitive comparison, one trailing dot ignored on either side; a wildcard is
 * accepted only as the whole left-most label, covers exactly one label, never the domain itself,
 * and needs at least two labels after it ({@code *.com} covers nothing). A non-ASCII host is
 * compared in its A-label form. An IPv4 or IPv6 literal host (brackets allowed) matches only an
 * iPAddress entry with the same bytes, never a DNS entry.
 *
 * <p>Thread-safe and immutable.
 *
 * <pre>{@code
 * CertificateNameValidator names = CertificateNameValidator.strict();
 * NameCheck check = names.check(certificate, "autodiscover.contoso.com");
 * if (!check.matched()) {
 *   check.presented().forEach(name -> log.debug("{}: {}", name.value(), name.reason()));
 * }
 * }</pre>
 */
public final class CertificateNameValidator {
  private static final CertificateNameValidator STRICT = new CertificateNameValidator();

  private CertificateNameValidator() {}

  /** Returns the validator that applies the rules above and nothing more lenient. */
  public static CertificateNameValidator strict() {
    return STRICT;
  }

  /** Returns whether some subjectAltName entry of {@code certificate} covers {@code host}. */
  public boolean matches(X509Certificate certificate, String host) {
    return check(certificate, host).matched();
  }

  /**
   * Returns whether {@code certificate} covers {@code host}, with every DNS and IP identity it
   * presents and why each one was refused.
   */
  public NameCheck check(X509Certificate certificate, String host) {
    Objects.requireNonNull(certificate, "certificate");
    return check(Certificates.dnsNames(certificate), Certificates.ipAddresses(certificate), host);
  }

  /** Checks subjectAltName values as the JDK reports them; the seam the rules are tested on. */
  NameCheck check(List<String> dnsNames, List<String> ipAddresses, String host) {
    Objects.requireNonNull(host, "host");
    Reference reference = Reference.parse(host);
    List<NameCheck.Presented> presented = new ArrayList<>();
    for (String dnsName : dnsNames) {
      String refusal = reference.refusal != null ? reference.refusal : refuseDns(dnsName, reference);
      presented.add(presented(NameCheck.Kind.DNS, dnsName, refusal));
    }
    for (String ipAddress : ipAddresses) {
      String refusal = reference.refusal != null ? reference.refusal : refuseIp(ipAddress, reference);
      presented.add(presented(NameCheck.Kind.IP, ipAddress, refusal));
    }
    boolean matched = presented.stream().anyMatch(NameCheck.Presented::matched);
    return new NameCheck(host, matched, presented);
  }

  private static NameCheck.Presented presented(NameCheck.Kind kind, String value, String refusal) {
    return new NameCheck.Presented(kind, value, refusal == null, refusal == null ? "matches" : refusal);
  }

  /** Returns why the dNSName {@code pattern} does not cover the host, or null when it does. */
  private static String refuseDns(String pattern, Reference reference) {
    if (reference.ip != null) {
      return "a DNS name never covers an IP address";
    }
    if (!isAscii(pattern)) {
      return "not an ASCII name (certificates hold A-labels)";
    }
    String[] labels = labels(lowerAscii(stripTrailingDot(pattern)));
    if (labels == null) {
      return "has an empty label";
    }
    for (int i = 0; i < labels.length; i++) {
      String label = labels[i];
      if (i == 0 && label.equals("*")) {
        continue;
      }
      if (label.indexOf('*') >= 0) {
        return "a wildcard is accepted only as the whole left-most label";
      }
      if (!isLdh(label)) {
        return "has characters not allowed in a host name";
      }
    }
    if (labels[0].equals("*")) {
      return refuseWildcard(labels, reference.labels);
    }
    return Arrays.equals(labels, reference.labels) ? null : "a different name";
  }

  private static String refuseWildcard(String[] pattern, String[] host) {
    if (pattern.length < 3) {
      return "a wildcard needs at least two labels after it";
    }
    if (host.length == pattern.length - 1
        && Arrays.equals(pattern, 1, pattern.length, host, 0, host.length)) {
      return "a wildcard never covers the domain itself";
    }
    if (host.length != pattern.length) {
      return host.length > pattern.length && endsWith(host, pattern)
          ? "a wildcard covers exactly one label"
          : "a different name";
    }
    return endsWith(host, pattern) ? null : "a different name";
  }

  private static boolean endsWith(String[] host, String[] wildcardPattern) {
    int offset = host.length - wildcardPattern.length;
    return Arrays.equals(
        host, offset + 1, host.length, wildcardPattern, 1, wildcardPattern.length);
  }

  /** Returns why the iPAddress entry does not cover the host, or null when it does. */
  private static String refuseIp(String address, Reference reference) {
    if (reference.ip == null) {
      return "an IP address never covers a DNS name";
    }
    byte[] presented = parseIp(address);
    if (presented == null) {
      return "not a valid IP address";
    }
    return Arrays.equals(presented, reference.ip) ? null : "a different address";
  }

  /** The host being checked: an IP address, a host name split into labels, or refused. */
  private static final class Reference {
    final byte[] ip;
    final String[] labels;
    final String refusal;

    private Reference(byte[] ip, String[] labels, String refusal) {
      this.ip = ip;
      this.labels = labels;
      this.refusal = refusal;
    }

    static Reference parse(String host) {
      String literal = host.startsWith("[") && host.endsWith("]")
          ? host.substring(1, host.length() - 1)
          : host;
      byte[] ip = parseIp(literal);
      if (ip != null) {
        return new Reference(ip, null, null);
      }
      if (literal.indexOf(':') >= 0 || host.startsWith("[")) {
        return refused("the host is not a valid IP address");
      }
      String ascii = host;
      if (!isAscii(host)) {
        try {
          ascii = IDN.toASCII(host);
        } catch (IllegalArgumentException e) {
          return refused("the host cannot be converted to an ASCII name");
        }
      }
      String[] labels = labels(lowerAscii(stripTrailingDot(ascii)));
      if (labels == null) {
        return refused("the host is empty or has an empty label");
      }
      for (String label : labels) {
        if (!isLdh(label)) {
          return refused("the host has characters not allowed in a host name");
        }
      }
      if (labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
        return refused("the host is neither a host name nor a valid IP address");
      }
      return new Reference(null, labels, null);
    }

    private static Reference refused(String refusal) {
      return new Reference(null, null, refusal);
    }
  }

  /** Parses an IPv4 dotted quad or an IPv6 literal without any lookup; null for anything else. */
  static byte[] parseIp(String text) {
    byte[] v4 = parseIpv4(text);
    if (v4 != null || text.indexOf(':') < 0) {
      return v4;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
        return null; // Also refuses zone ids: a certificate never names one.
      }
    }
    char first = text.charAt(0);
    if (first != ':' && Character.digit(first, 16) < 0) {
      return null; // InetAddress treats only these first characters as a literal, never a name.
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static byte[] parseIpv4(String text) {
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

  /** Returns the labels of {@code name}, or null when it is empty or has an empty label. */
  private static String[] labels(String name) {
    if (name.isEmpty()) {
      return null;
    }
    String[] labels = name.split("\\.", -1);
    for (String label : labels) {
      if (label.isEmpty()) {
        return null;
      }
    }
    return labels;
  }

  private static String stripTrailingDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  private static boolean isAscii(String text) {
    return text.chars().allMatch(c -> c < 0x80);
  }

  /** Lowercases ASCII letters only, whatever the default locale. */
  static String lowerAscii(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'A' && chars[i] <= 'Z') {
        chars[i] = (char) (chars[i] + ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  /** Returns whether the label holds only letters, digits and hyphens. */
  private static boolean isLdh(String label) {
    return label.chars().allMatch(c ->
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-');
  }
}

package dev.autodiscover.tls;

import java.net.IDN;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a certificate's subjectAltName entries cover a host, following RFC 9525.
 *
 * <ul>
 *   <li>Only subjectAltName entries are identities; the subject CN is never used.
 *   <li>A DNS entry matches by ASCII case-insensitive comparison (never Unicode case folding), one
 *       trailing dot ignored on either side. A name with an empty label, a character other than
 *       letters, digits and hyphens, a label over 63 or a name over 253 characters never matches.
 *   <li>A wildcard is accepted only as the whole left-most label ({@code *.contoso.com}) and covers
 *       exactly one non-empty label, never the domain itself. An entry with a partial wildcard
 *       ({@code f*o}, {@code *bar}, {@code xn--*}) or a wildcard in another label is ignored; the
 *       other entries still count. A wildcard never covers a public suffix ({@code *.com}, {@code
 *       *.co.uk}, {@code *.github.io}), as the Public Suffix List bundled with this module
 *       says.
 *   <li>A non-ASCII host is compared in its A-label form ({@link IDN#toASCII}), but only when that
 *       conversion maps nothing: a host whose non-ASCII characters change under NFKC or case
 *       mapping (KELVIN SIGN U+212A, fullwidth letters and dots, upper-case letters such as {@code
 *       Ü}) never matches, since IDNA2008 disallows those characters and mapping them silently
 *       would turn the name into another. The same goes for the IDNA2008 deviation characters:
 *       IDNA2008 keeps {@code ß} and final sigma {@code ς} as letters of their own ({@code
 *       straße.de} is {@code xn--strae-oqa.de}) where IDNA2003, and with it {@code java.net.IDN},
 *       maps them to {@code ss} and {@code σ}, and drops ZWJ and ZWNJ; as the two standards name
 *       different hosts, such a host is refused. Ask for the A-label ({@code xn--strae-oqa.de})
 *       to check a certificate for it.
 *   <li>An IPv4 or IPv6 literal host (brackets allowed) matches only an iPAddress entry with the
 *       same octets, never a DNS entry, and is never looked up.
 * </ul>
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
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(host, "host");
    // The same rules as check(), stopping at the first identity that covers the host.
    Reference reference = Reference.parse(host);
    if (reference.refusal != null) {
      return false;
    }
    for (List<?> entry : Certificates.subjectAltNameEntries(certificate)) {
      int type = Certificates.entryType(entry);
      String value = type == -1 ? null : (String) entry.get(1);
      if (type == Certificates.SAN_DNS && refuseDns(value, reference) == null
          || type == Certificates.SAN_IP && refuseIp(value, reference) == null) {
        return true;
      }
    }
    return false;
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

  /**
   * Returns the finer causes of a mismatch, in {@link CertificateProblem} order: none when the
   * check matched.
   */
  static Set<CertificateProblem> causes(NameCheck check) {
    Set<CertificateProblem> causes = EnumSet.noneOf(CertificateProblem.class);
    if (check.matched()) {
      return causes;
    }
    if (check.presented().isEmpty()) {
      causes.add(CertificateProblem.NO_SUBJECT_ALT_NAME);
    }
    for (NameCheck.Presented name : check.presented()) {
      if (name.reason().equals(WILDCARD_APEX)) {
        causes.add(CertificateProblem.WILDCARD_NOT_COVERING_APEX);
      } else if (name.reason().startsWith(WILDCARD_PUBLIC_SUFFIX)) {
        causes.add(CertificateProblem.WILDCARD_OVER_PUBLIC_SUFFIX);
      }
    }
    if (Reference.parse(check.host()).ip != null) {
      causes.add(CertificateProblem.IP_NOT_IN_SAN);
    }
    return causes;
  }

  static final String WILDCARD_APEX = "a wildcard never covers the domain itself";
  static final String WILDCARD_PUBLIC_SUFFIX = "a wildcard never covers a public suffix";

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
    String name = lowerAscii(stripTrailingDot(pattern));
    String[] labels = labels(name);
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
    String tooLong = refuseLength(name, labels);
    if (tooLong != null) {
      return tooLong;
    }
    if (labels[0].equals("*")) {
      return refuseWildcard(labels, reference.labels);
    }
    return Arrays.equals(labels, reference.labels) ? null : "a different name";
  }

  private static String refuseWildcard(String[] pattern, String[] host) {
    if (pattern.length < 2) {
      return "a lone wildcard covers nothing";
    }
    if (host.length == pattern.length - 1
        && Arrays.equals(pattern, 1, pattern.length, host, 0, host.length)) {
      return WILDCARD_APEX;
    }
    if (host.length != pattern.length) {
      return host.length > pattern.length && endsWith(host, pattern)
          ? "a wildcard covers exactly one label"
          : "a different name";
    }
    if (!endsWith(host, pattern)) {
      return "a different name";
    }
    String base = String.join(".", Arrays.asList(pattern).subList(1, pattern.length));
    return PublicSuffixes.isPublicSuffix(base) ? WILDCARD_PUBLIC_SUFFIX + " (" + base + ")" : null;
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
    byte[] presented = IpLiterals.parse(address);
    if (presented == null) {
      return "not a valid IP address";
    }
    return Arrays.equals(presented, reference.ip) ? null : "a different address";
  }

  /** Returns why a name breaks the RFC 1035 length limits, or null. */
  private static String refuseLength(String name, String[] labels) {
    if (name.length() > 253) {
      return "is longer than 253 characters";
    }
    for (String label : labels) {
      if (label.length() > 63) {
        return "has a label longer than 63 characters";
      }
    }
    return null;
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
      boolean bracketed = host.startsWith("[") && host.endsWith("]");
      String literal = bracketed ? host.substring(1, host.length() - 1) : host;
      byte[] ip = bracketed && literal.indexOf(':') < 0 ? null : IpLiterals.parse(literal);
      if (ip != null) {
        return new Reference(ip, null, null);
      }
      if (literal.indexOf(':') >= 0 || host.startsWith("[")) {
        return refused("the host is not a valid IP address");
      }
      String ascii = host;
      if (!isAscii(host)) {
        String refusal = refuseUnicode(host);
        if (refusal != null) {
          return refused(refusal);
        }
        try {
          ascii = IDN.toASCII(host);
        } catch (IllegalArgumentException e) {
          return refused("the host cannot be converted to an ASCII name");
        }
        // IDN.toASCII keeps an all-ASCII label as it is, so compare without ASCII case.
        if (!lowerAscii(IDN.toUnicode(ascii)).equals(lowerAscii(host))) {
          return refused(MAPPED);
        }
      }
      String name = lowerAscii(stripTrailingDot(ascii));
      String[] labels = labels(name);
      if (labels == null) {
        return refused("the host is empty or has an empty label");
      }
      for (String label : labels) {
        if (!isLdh(label)) {
          return refused("the host has characters not allowed in a host name");
        }
      }
      String tooLong = refuseLength(name, labels);
      if (tooLong != null) {
        return refused("the host " + tooLong);
      }
      if (isDigits(labels[labels.length - 1])) {
        return refused("the host is neither a host name nor a valid IP address");
      }
      return new Reference(null, labels, null);
    }

    private static Reference refused(String refusal) {
      return new Reference(null, null, refusal);
    }
  }

  private static final String MAPPED = "the host has characters IDNA2008 disallows "
      + "(they change under NFKC or case mapping); ask for its A-label instead";

  /**
   * Returns {@link #MAPPED} when a non-ASCII character of {@code host} changes under NFKC or case
   * mapping, or null.
   */
  private static String refuseUnicode(String host) {
    // ASCII case first, as it never matters: NFKC would compose I and a combining dot above into
    // İ, which is upper case, yet leaves i and the same dot as they are.
    String lower = lowerAscii(host);
    if (!Normalizer.normalize(lower, Normalizer.Form.NFKC).equals(lower)) {
      return MAPPED;
    }
    for (int i = 0; i < host.length(); ) {
      int c = host.codePointAt(i);
      i += Character.charCount(c);
      if (c < 0x80) {
        continue;
      }
      String character = new String(Character.toChars(c));
      if (!character.toLowerCase(Locale.ROOT).equals(character)
          || !character.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).equals(character)) {
        return MAPPED; // Upper case, or folds to other letters: ß to ss, ς to σ.
      }
    }
    return null;
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
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
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
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String label) {
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}

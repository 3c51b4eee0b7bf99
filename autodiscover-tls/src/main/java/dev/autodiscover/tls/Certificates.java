package dev.autodiscover.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Small facts about X.509 certificates that several modules need, such as the SHA-256 fingerprint
 * pins are keyed on.
 *
 * <p>Thread-safe: every method is a pure function of its argument.
 */
public final class Certificates {
  /** subjectAltName entry type for a dNSName (RFC 5280, 4.2.1.6). */
  static final int SAN_DNS = 2;
  /** subjectAltName entry type for an iPAddress (RFC 5280, 4.2.1.6). */
  static final int SAN_IP = 7;

  private Certificates() {}

  /**
   * Returns the SHA-256 of the certificate's DER encoding as 64 lowercase hex digits, the form a
   * {@link PinStore} and {@link ExtendedTrust} use.
   *
   * <pre>{@code
   * String pin = Certificates.sha256(diagnosis.leaf());
   * }</pre>
   */
  public static String sha256(X509Certificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.of().formatHex(digest);
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  /** Returns the certificate's subjectAltName dNSName entries, in certificate order. */
  static List<String> dnsNames(X509Certificate certificate) {
    return subjectAltNames(certificate, SAN_DNS);
  }

  /** Returns the certificate's subjectAltName iPAddress entries as the JDK writes them. */
  static List<String> ipAddresses(X509Certificate certificate) {
    return subjectAltNames(certificate, SAN_IP);
  }

  private static List<String> subjectAltNames(X509Certificate certificate, int type) {
    List<String> result = new ArrayList<>();
    for (List<?> entry : subjectAltNameEntries(certificate)) {
      if (entryType(entry) == type) {
        result.add((String) entry.get(1));
      }
    }
    return List.copyOf(result);
  }

  /** Returns the subjectAltName entries as the JDK reports them; none when absent or unparseable. */
  static Collection<List<?>> subjectAltNameEntries(X509Certificate certificate) {
    try {
      Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
      return entries == null ? List.of() : entries;
    } catch (CertificateParsingException e) {
      return List.of(); // An unparseable extension presents no identity.
    }
  }

  /** Returns the entry's type (2 for DNS, 7 for IP) when its value is text, or -1. */
  static int entryType(List<?> entry) {
    return entry.size() >= 2 && entry.get(0) instanceof Integer type && entry.get(1) instanceof String
        ? type
        : -1;
  }
}

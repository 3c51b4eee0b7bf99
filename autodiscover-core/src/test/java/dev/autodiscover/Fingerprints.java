package dev.autodiscover;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import okhttp3.tls.HeldCertificate;

/** The SHA-256 fingerprints a diagnosis should report, computed independently of the library. */
final class Fingerprints {
  private Fingerprints() {}

  /** SHA-256 of the certificate's DER encoding, 64 lowercase hex digits. */
  static String sha256(HeldCertificate certificate) {
    return sha256(certificate.certificate());
  }

  /** SHA-256 of the certificate's DER encoding, 64 lowercase hex digits. */
  static String sha256(X509Certificate certificate) {
    try {
      byte[] der = certificate.getEncoded();
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

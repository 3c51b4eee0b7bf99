package dev.autodiscover.tls;

import java.time.Duration;
import java.time.Instant;
import okhttp3.tls.HeldCertificate;

/** Certificates generated for a test, valid around a fixed moment. */
final class TestCertificates {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private TestCertificates() {}

  static HeldCertificate authority(String commonName) {
    return new HeldCertificate.Builder()
        .commonName(commonName)
        .certificateAuthority(0)
        .validityInterval(NOW.minus(Duration.ofDays(3650)).toEpochMilli(),
            NOW.plus(Duration.ofDays(3650)).toEpochMilli())
        .build();
  }

  static HeldCertificate server(HeldCertificate issuer, String... names) {
    return server(issuer, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(60)), names);
  }

  static HeldCertificate server(
      HeldCertificate issuer, Instant notBefore, Instant notAfter, String... names) {
    HeldCertificate.Builder builder = new HeldCertificate.Builder()
        .commonName(names.length > 0 ? names[0] : "no-subject-alt-name")
        .validityInterval(notBefore.toEpochMilli(), notAfter.toEpochMilli());
    for (String name : names) {
      builder.addSubjectAlternativeName(name);
    }
    if (issuer != null) {
      builder.signedBy(issuer);
    }
    return builder.build();
  }
}

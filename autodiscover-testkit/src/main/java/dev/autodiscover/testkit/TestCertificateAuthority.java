package dev.autodiscover.testkit;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A root certificate authority made for one test run, issuing ECDSA P-256 server certificates
 * for whatever names, and validity windows, a scenario needs.
 *
 * <p>Certificates are valid from one day ago to 30 days ahead unless stated otherwise; their
 * subject common name is the first name given. A certificate with an "unknown issuer" is one
 * issued by a second authority that the client under test does not trust.
 *
 * <pre>{@code
 * TestCertificateAuthority ca = TestCertificateAuthority.create("Contoso Test Root");
 * HeldCertificate good = ca.issue("autodiscover.contoso.test");
 * HeldCertificate expired = ca.issueExpired("contoso.test");
 * HeldCertificate wildcard = ca.issueWildcard("contoso.test"); // *.contoso.test only
 * HandshakeCertificates clientTrust = ca.trust();             // trusts this authority only
 * }</pre>
 *
 * <p>Thread safety: immutable apart from a serial-number counter; safe for concurrent use.
 */
public final class TestCertificateAuthority {

  /** How far back the validity of a current certificate starts. */
  public static final Duration DEFAULT_PAST = Duration.ofDays(1);

  /** How far ahead the validity of a current certificate ends. */
  public static final Duration DEFAULT_FUTURE = Duration.ofDays(30);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String name;
  private final HeldCertificate root;

  private TestCertificateAuthority(String name, HeldCertificate root) {
    this.name = name;
    this.root = root;
  }

  /** Creates a root authority whose subject common name is {@code name}, valid for ten years. */
  public static TestCertificateAuthority create(String name) {
    requireText(name, "name");
    Instant now = Instant.now();
    HeldCertificate root = new HeldCertificate.Builder()
        .commonName(name)
        .certificateAuthority(1)
        .serialNumber(serialNumber())
        .validityInterval(
            now.minus(DEFAULT_PAST).toEpochMilli(), now.plus(Duration.ofDays(3650)).toEpochMilli())
        .ecdsa256()
        .build();
    return new TestCertificateAuthority(name, root);
  }

  /**
   * A self-signed server certificate for {@code names} (DNS names or IP literals), valid now.
   */
  public static HeldCertificate selfSigned(String... names) {
    Instant now = Instant.now();
    return builder(first(names), now.minus(DEFAULT_PAST), now.plus(DEFAULT_FUTURE), names).build();
  }

  /** The name this authority was created with. */
  public String name() {
    return name;
  }

  /** The authority's own certificate, for a client to trust. */
  public X509Certificate certificate() {
    return root.certificate();
  }

  /** The authority's certificate and private key. */
  public HeldCertificate heldCertificate() {
    return root;
  }

  /**
   * Client-side handshake certificates that trust this authority and nothing else (not even the
   * platform's authorities).
   */
  public HandshakeCertificates trust() {
    return new HandshakeCertificates.Builder().addTrustedCertificate(certificate()).build();
  }

  /**
   * Issues a certificate valid now for {@code names}; a name that is an IP literal becomes an
   * iPAddress subject alternative name, any other a dNSName.
   */
  public HeldCertificate issue(String... names) {
    Instant now = Instant.now();
    return issue(first(names), now.minus(DEFAULT_PAST), now.plus(DEFAULT_FUTURE), names);
  }

  /** Issues a certificate for {@code names} that expired yesterday (valid 60 to 1 days ago). */
  public HeldCertificate issueExpired(String... names) {
    Instant now = Instant.now();
    return issue(first(names), now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)), names);
  }

  /** Issues a certificate for {@code names} that becomes valid tomorrow, for 30 days. */
  public HeldCertificate issueNotYetValid(String... names) {
    Instant now = Instant.now();
    return issue(first(names), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(31)), names);
  }

  /**
   * Issues a certificate valid now whose only name is {@code *.domain}, which covers
   * {@code www.domain} but never {@code domain} itself.
   */
  public HeldCertificate issueWildcard(String domain) {
    requireText(domain, "domain");
    return issue("*." + domain);
  }

  /**
   * Issues a certificate with the given subject common name, validity window and subject
   * alternative names; no names at all is allowed, for a certificate that names nothing.
   */
  public HeldCertificate issue(
      String commonName, Instant notBefore, Instant notAfter, String... names) {
    return builder(commonName, notBefore, notAfter, names).signedBy(root).build();
  }

  @Override
  public String toString() {
    return "TestCertificateAuthority[" + name + "]";
  }

  private static HeldCertificate.Builder builder(
      String commonName, Instant notBefore, Instant notAfter, String... names) {
    requireText(commonName, "commonName");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(names, "names");
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException(
          "notAfter (" + notAfter + ") must be after notBefore (" + notBefore + ")");
    }
    HeldCertificate.Builder builder = new HeldCertificate.Builder()
        .commonName(commonName)
        .serialNumber(serialNumber())
        .validityInterval(notBefore.toEpochMilli(), notAfter.toEpochMilli())
        .ecdsa256();
    for (String name : names) {
      requireText(name, "names");
      builder.addSubjectAlternativeName(name);
    }
    return builder;
  }

  private static String first(String... names) {
    if (names == null || names.length == 0) {
      throw new IllegalArgumentException("names must hold at least one name");
    }
    return names[0];
  }

  private static long serialNumber() {
    return 1 + (RANDOM.nextLong() >>> 2);
  }

  private static void requireText(String value, String parameter) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(parameter + " must not be null or blank");
    }
  }
}

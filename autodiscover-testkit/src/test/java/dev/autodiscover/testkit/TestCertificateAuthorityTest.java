package dev.autodiscover.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class TestCertificateAuthorityTest {

  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private final TestCertificateAuthority ca = TestCertificateAuthority.create("Contoso Test Root");

  @Test
  void authorityIsASelfSignedCa() throws Exception {
    X509Certificate root = ca.certificate();

    assertThat(root.getSubjectX500Principal().getName()).isEqualTo("CN=Contoso Test Root");
    assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    root.verify(root.getPublicKey());
  }

  @Test
  void issuedCertificateIsValidNowForItsNamesAndSignedByTheAuthority() throws Exception {
    X509Certificate cert = ca.issue("autodiscover.contoso.test", "127.0.1.1").certificate();

    cert.checkValidity();
    cert.verify(ca.certificate().getPublicKey());
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=autodiscover.contoso.test");
    assertThat(cert.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
    assertThat(sans(cert, DNS_NAME)).containsExactly("autodiscover.contoso.test");
    assertThat(sans(cert, IP_ADDRESS)).containsExactly("127.0.1.1");
    assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(cert.getNotBefore()).isBefore(new Date());
    assertThat(cert.getNotAfter()).isAfter(Date.from(Instant.now().plus(Duration.ofDays(29))));
  }

  @Test
  void expiredCertificateEndedBeforeNow() {
    X509Certificate cert = ca.issueExpired("contoso.test").certificate();

    assertThatThrownBy(cert::checkValidity).isInstanceOf(CertificateExpiredException.class);
    assertThat(sans(cert, DNS_NAME)).containsExactly("contoso.test");
  }

  @Test
  void notYetValidCertificateStartsAfterNow() {
    X509Certificate cert = ca.issueNotYetValid("contoso.test").certificate();

    assertThatThrownBy(cert::checkValidity).isInstanceOf(CertificateNotYetValidException.class);
  }

  @Test
  void wildcardCertificateNamesOnlyTheWildcard() {
    X509Certificate cert = ca.issueWildcard("contoso.test").certificate();

    assertThat(sans(cert, DNS_NAME)).containsExactly("*.contoso.test");
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=*.contoso.test");
  }

  @Test
  void selfSignedCertificateIsItsOwnIssuer() throws Exception {
    X509Certificate cert = TestCertificateAuthority.selfSigned("mail.contoso.test").certificate();

    cert.checkValidity();
    cert.verify(cert.getPublicKey());
    assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
    assertThat(sans(cert, DNS_NAME)).containsExactly("mail.contoso.test");
  }

  @Test
  void explicitWindowAndCommonNameAreHonoured() {
    Instant notBefore = Instant.parse("2030-01-01T00:00:00Z");
    Instant notAfter = Instant.parse("2030-02-01T00:00:00Z");

    HeldCertificate held = ca.issue("CASSERVER", notBefore, notAfter, "mail.contoso.test");

    assertThat(held.certificate().getNotBefore()).isEqualTo(Date.from(notBefore));
    assertThat(held.certificate().getNotAfter()).isEqualTo(Date.from(notAfter));
    assertThat(held.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=CASSERVER");
  }

  @Test
  void certificateFromAnotherAuthorityIsNotSignedByThisOne() {
    TestCertificateAuthority stranger = TestCertificateAuthority.create("Unknown Root");
    X509Certificate cert = stranger.issue("contoso.test").certificate();

    assertThatThrownBy(() -> cert.verify(ca.certificate().getPublicKey()))
        .isInstanceOf(java.security.SignatureException.class);
  }

  @Test
  void issuingWithoutNamesIsRejected() {
    assertThatThrownBy(() -> ca.issue()).hasMessageContaining("names");
  }

  private static List<String> sans(X509Certificate cert, int type) {
    List<String> result = new ArrayList<>();
    try {
      Collection<List<?>> all = cert.getSubjectAlternativeNames();
      if (all != null) {
        for (List<?> entry : all) {
          if ((Integer) entry.get(0) == type) {
            result.add((String) entry.get(1));
          }
        }
      }
    } catch (java.security.cert.CertificateParsingException e) {
      throw new AssertionError(e);
    }
    return result;
  }
}

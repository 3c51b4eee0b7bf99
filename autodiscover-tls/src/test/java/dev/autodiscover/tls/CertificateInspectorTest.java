package dev.autodiscover.tls;

import static dev.autodiscover.tls.CertificateProblem.EXPIRED;
import static dev.autodiscover.tls.CertificateProblem.INCOMPLETE_CHAIN;
import static dev.autodiscover.tls.CertificateProblem.IP_NOT_IN_SAN;
import static dev.autodiscover.tls.CertificateProblem.NAME_MISMATCH;
import static dev.autodiscover.tls.CertificateProblem.NO_SUBJECT_ALT_NAME;
import static dev.autodiscover.tls.CertificateProblem.NOT_YET_VALID;
import static dev.autodiscover.tls.CertificateProblem.SELF_SIGNED;
import static dev.autodiscover.tls.CertificateProblem.UNTRUSTED_ISSUER;
import static dev.autodiscover.tls.CertificateProblem.WILDCARD_NOT_COVERING_APEX;
import static dev.autodiscover.tls.CertificateProblem.WILDCARD_OVER_PUBLIC_SUFFIX;
import static dev.autodiscover.tls.TestCertificates.NOW;
import static dev.autodiscover.tls.TestCertificates.authority;
import static dev.autodiscover.tls.TestCertificates.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class CertificateInspectorTest {
  private final HeldCertificate root = authority("Contoso Test Root");
  private final HeldCertificate intermediate = new HeldCertificate.Builder()
      .commonName("Contoso Test Issuing CA")
      .certificateAuthority(0)
      .signedBy(root)
      .validityInterval(NOW.minus(Duration.ofDays(365)).toEpochMilli(),
          NOW.plus(Duration.ofDays(365)).toEpochMilli())
      .build();
  private final CertificateInspector inspector = new CertificateInspector(
      TrustConfiguration.of(List.of(root.certificate())),
      CertificateNameValidator.strict(),
      Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void goodCertificateFromTrustedAuthorityHasNoProblems() {
    HeldCertificate leaf = server(root, "autodiscover.contoso.test");

    CertificateDiagnosis diagnosis = diagnose("autodiscover.contoso.test", leaf);

    assertThat(diagnosis.problems()).isEmpty();
    assertThat(diagnosis.valid()).isTrue();
  }

  @Test
  void chainThroughIntermediateIsTrusted() {
    HeldCertificate leaf = server(intermediate, "autodiscover.contoso.test");

    CertificateDiagnosis diagnosis = inspector.diagnose(
        List.of(leaf.certificate(), intermediate.certificate()), "autodiscover.contoso.test", 443);

    assertThat(diagnosis.problems()).isEmpty();
  }

  @Test
  void missingIntermediateIsUntrustedIssuerFromAnIncompleteChain() {
    HeldCertificate leaf = server(intermediate, "autodiscover.contoso.test");

    assertThat(diagnose("autodiscover.contoso.test", leaf).problems())
        .containsExactly(UNTRUSTED_ISSUER, INCOMPLETE_CHAIN);
  }

  @Test
  void presentedChainToUnknownRootIsUntrustedButComplete() {
    HeldCertificate unknownRoot = authority("Fabrikam Root");
    HeldCertificate leaf = server(unknownRoot, "contoso.test");

    CertificateDiagnosis diagnosis = inspector.diagnose(
        List.of(leaf.certificate(), unknownRoot.certificate()), "contoso.test", 443);

    assertThat(diagnosis.problems()).containsExactly(UNTRUSTED_ISSUER);
  }

  @Test
  void issuerNamedLikeATrustedAuthorityButWithAnotherKeyIsUntrustedOnly() {
    HeldCertificate namesake = authority("Contoso Test Root");
    HeldCertificate leaf = server(namesake, "contoso.test");

    assertThat(diagnose("contoso.test", leaf).problems()).containsExactly(UNTRUSTED_ISSUER);
  }

  @Test
  void certificateWithoutSubjectAltNameSaysSo() {
    HeldCertificate leaf = new HeldCertificate.Builder()
        .commonName("contoso.test")
        .signedBy(root)
        .validityInterval(NOW.minus(Duration.ofDays(1)).toEpochMilli(),
            NOW.plus(Duration.ofDays(1)).toEpochMilli())
        .build();

    assertThat(diagnose("contoso.test", leaf).problems())
        .containsExactly(NAME_MISMATCH, NO_SUBJECT_ALT_NAME);
  }

  @Test
  void wildcardForTheApexSaysSo() {
    HeldCertificate leaf = server(root, "*.contoso.test");

    assertThat(diagnose("contoso.test", leaf).problems())
        .containsExactly(NAME_MISMATCH, WILDCARD_NOT_COVERING_APEX);
  }

  @Test
  void wildcardOverPublicSuffixSaysSo() {
    HeldCertificate leaf = server(root, "*.co.uk");

    assertThat(diagnose("contoso.co.uk", leaf).problems())
        .containsExactly(NAME_MISMATCH, WILDCARD_OVER_PUBLIC_SUFFIX);
  }

  @Test
  void ipAddressHostNamedOnlyAsDnsNameSaysSo() {
    HeldCertificate leaf = server(root, "contoso.test");

    assertThat(diagnose("192.0.2.10", leaf).problems()).containsExactly(NAME_MISMATCH, IP_NOT_IN_SAN);
  }

  @Test
  void finerCausesFollowEveryMainCode() {
    HeldCertificate leaf = server(intermediate,
        NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(10)), "*.contoso.test");

    assertThat(diagnose("contoso.test", leaf).problems()).containsExactly(
        NAME_MISMATCH, EXPIRED, UNTRUSTED_ISSUER, WILDCARD_NOT_COVERING_APEX, INCOMPLETE_CHAIN);
  }

  @Test
  void wrongNameIsNameMismatchOnly() {
    HeldCertificate leaf = server(root, "www.contoso.test");

    assertThat(diagnose("contoso.test", leaf).problems()).containsExactly(NAME_MISMATCH);
  }

  @Test
  void expiredCertificateFromTrustedAuthorityIsOnlyExpired() {
    HeldCertificate leaf = server(root,
        NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(10)), "contoso.test");

    assertThat(diagnose("contoso.test", leaf).problems()).containsExactly(EXPIRED);
  }

  @Test
  void expiredCertificateForAnotherNameReportsBothInOrder() {
    HeldCertificate leaf = server(root,
        NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(10)), "www.contoso.test");

    assertThat(diagnose("contoso.test", leaf).problems()).containsExactly(NAME_MISMATCH, EXPIRED);
  }

  @Test
  void certificateNotValidYetIsNotYetValid() {
    HeldCertificate leaf = server(root,
        NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), "contoso.test");

    assertThat(diagnose("contoso.test", leaf).problems()).containsExactly(NOT_YET_VALID);
  }

  @Test
  void selfSignedCertificateIsSelfSignedOnly() {
    HeldCertificate leaf = server(null, "mail.contoso.test");

    assertThat(diagnose("mail.contoso.test", leaf).problems()).containsExactly(SELF_SIGNED);
  }

  @Test
  void certificateFromUnknownAuthorityIsUntrustedIssuer() {
    HeldCertificate leaf = server(authority("Fabrikam Root"), "contoso.test");

    // Sent alone, a leaf from an unknown authority cannot be told from one missing its intermediate.
    assertThat(diagnose("contoso.test", leaf).problems())
        .containsExactly(UNTRUSTED_ISSUER, INCOMPLETE_CHAIN);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    HeldCertificate leaf = server(authority("Fabrikam Root"),
        NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(10)), "www.contoso.test");

    assertThat(diagnose("contoso.test", leaf).problems())
        .containsExactly(NAME_MISMATCH, EXPIRED, UNTRUSTED_ISSUER, INCOMPLETE_CHAIN);
  }

  @Test
  void selfSignedServerCertificateAddedToTrustIsTrusted() {
    HeldCertificate leaf = server(null, "mail.contoso.test");
    CertificateInspector trusting = new CertificateInspector(
        TrustConfiguration.of(List.of(root.certificate())).plus(List.of(leaf.certificate())),
        CertificateNameValidator.strict(),
        Clock.fixed(NOW, ZoneOffset.UTC));

    CertificateDiagnosis diagnosis =
        trusting.diagnose(List.of(leaf.certificate()), "mail.contoso.test", 443);

    assertThat(diagnosis.problems()).isEmpty();
  }

  @Test
  void trustingOneSelfSignedCertificateDoesNotTrustAnotherWithTheSameName() {
    HeldCertificate trusted = server(null, "mail.contoso.test");
    HeldCertificate other = server(null, "mail.contoso.test");
    CertificateInspector trusting = new CertificateInspector(
        TrustConfiguration.of(List.of(trusted.certificate())),
        CertificateNameValidator.strict(),
        Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(trusting.diagnose(List.of(other.certificate()), "mail.contoso.test", 443).problems())
        .containsExactly(SELF_SIGNED);
  }

  @Test
  void diagnosisHoldsTheFactsAboutTheLeaf() throws Exception {
    Instant notBefore = Instant.parse("2026-05-01T00:00:00Z");
    Instant notAfter = Instant.parse("2026-08-01T00:00:00Z");
    HeldCertificate leaf = server(root, notBefore, notAfter,
        "www.contoso.test", "contoso.test", "192.0.2.10", "2001:db8::10");
    X509Certificate certificate = leaf.certificate();

    CertificateDiagnosis diagnosis = inspector.diagnose(List.of(certificate), "mail.contoso.test", 8443);

    assertThat(diagnosis.host()).isEqualTo("mail.contoso.test");
    assertThat(diagnosis.port()).isEqualTo(8443);
    assertThat(diagnosis.subject()).isEqualTo("CN=www.contoso.test");
    assertThat(diagnosis.issuer()).isEqualTo("CN=Contoso Test Root");
    assertThat(diagnosis.dnsNames()).containsExactly("www.contoso.test", "contoso.test");
    assertThat(diagnosis.ipAddresses()).containsExactly("192.0.2.10", "2001:db8:0:0:0:0:0:10");
    assertThat(diagnosis.notBefore()).isEqualTo(notBefore);
    assertThat(diagnosis.notAfter()).isEqualTo(notAfter);
    assertThat(diagnosis.chain()).containsExactly(certificate);
    assertThat(diagnosis.leaf()).isEqualTo(certificate);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    StringBuilder hex = new StringBuilder();
    for (byte b : digest) {
      hex.append(String.format("%02x", b & 0xff));
    }
    assertThat(diagnosis.sha256()).isEqualTo(hex.toString()).hasSize(64);
    assertThat(Certificates.sha256(certificate)).isEqualTo(hex.toString());
  }

  @Test
  void emptyChainIsRefused() {
    assertThatThrownBy(() -> inspector.diagnose(List.of(), "contoso.test", 443))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chain is empty");
  }

  private CertificateDiagnosis diagnose(String host, HeldCertificate leaf) {
    return inspector.diagnose(List.of(leaf.certificate()), host, 443);
  }
}

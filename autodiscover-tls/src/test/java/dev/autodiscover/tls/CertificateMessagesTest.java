package dev.autodiscover.tls;

import static dev.autodiscover.tls.TestCertificates.NOW;
import static dev.autodiscover.tls.TestCertificates.authority;
import static dev.autodiscover.tls.TestCertificates.server;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class CertificateMessagesTest {
  private final HeldCertificate root = authority("Contoso Test Root");
  private final CertificateInspector inspector = new CertificateInspector(
      TrustConfiguration.of(List.of(root.certificate())),
      CertificateNameValidator.strict(),
      Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void summaryNamesEachProblemAndWhatTheCertificateContains() {
    HeldCertificate leaf = server(root, NOW.minus(Duration.ofDays(365)),
        Instant.parse("2026-01-01T00:00:00Z"), "www.contoso.test", "192.0.2.10");

    CertificateDiagnosis diagnosis = diagnose(leaf, "contoso.test", 443);

    assertThat(diagnosis.summary()).isEqualTo(
        "certificate for contoso.test is not valid: "
            + "NAME_MISMATCH (it covers www.contoso.test, 192.0.2.10 only), "
            + "EXPIRED (on 2026-01-01T00:00:00Z); "
            + "subject CN=www.contoso.test, SHA-256 " + diagnosis.sha256());
  }

  @Test
  void summarySaysTheSubjectCommonNameIsNeverUsed() {
    HeldCertificate leaf = new HeldCertificate.Builder()
        .commonName("contoso.test")
        .signedBy(root)
        .build();

    assertThat(diagnose(leaf, "contoso.test", 443).summary())
        .contains("NAME_MISMATCH (it has no subjectAltName; the subject CN is never used)")
        .contains("NO_SUBJECT_ALT_NAME (the certificate must list contoso.test as a subjectAltName)");
  }

  @Test
  void summaryExplainsThatAWildcardNeverCoversTheDomainItself() {
    HeldCertificate leaf = server(root, "*.contoso.test");

    assertThat(diagnose(leaf, "contoso.test", 443).summary()).contains(
        "NAME_MISMATCH (it covers *.contoso.test only), WILDCARD_NOT_COVERING_APEX (a wildcard "
            + "never covers contoso.test itself; the certificate must list it by name)");
  }

  @Test
  void summaryNamesTheUntrustedIssuerAndThePortWhenNotTheDefault() {
    HeldCertificate leaf = server(authority("Fabrikam Root"), "mail.contoso.test");

    assertThat(diagnose(leaf, "mail.contoso.test", 8443).summary())
        .startsWith("certificate for mail.contoso.test:8443 is not valid: UNTRUSTED_ISSUER "
            + "(issued by CN=Fabrikam Root, which leads to no trusted authority), INCOMPLETE_CHAIN "
            + "(the server did not send the certificate of CN=Fabrikam Root, which no trusted "
            + "certificate names either; the server should send its intermediate certificates);");
  }

  @Test
  void summaryNamesTheWildcardOverAPublicSuffix() {
    HeldCertificate leaf = server(root, "*.co.uk");

    assertThat(diagnose(leaf, "contoso.co.uk", 443).summary()).contains(
        "NAME_MISMATCH (it covers *.co.uk only), WILDCARD_OVER_PUBLIC_SUFFIX (*.co.uk stands over "
            + "a public suffix, which no wildcard may cover; the certificate must list "
            + "contoso.co.uk by name)");
  }

  @Test
  void summaryExplainsThatOnlyAnIpAddressEntryCoversAnIpAddress() {
    HeldCertificate leaf = server(root, "contoso.test");

    assertThat(diagnose(leaf, "2001:db8::1", 443).summary()).contains(
        "certificate for [2001:db8::1] is not valid: NAME_MISMATCH (it covers contoso.test only), "
            + "IP_NOT_IN_SAN (an IP address is covered only by an iPAddress entry holding it; "
            + "a DNS entry never covers it)");
  }

  @Test
  void summaryOfValidCertificateSaysSo() {
    HeldCertificate leaf = server(root, "contoso.test");

    CertificateDiagnosis diagnosis = diagnose(leaf, "contoso.test", 443);

    assertThat(diagnosis.summary()).isEqualTo(
        "certificate for contoso.test is valid; subject CN=contoso.test, SHA-256 "
            + diagnosis.sha256());
  }

  private CertificateDiagnosis diagnose(HeldCertificate leaf, String host, int port) {
    return inspector.diagnose(List.of(leaf.certificate()), host, port);
  }
}

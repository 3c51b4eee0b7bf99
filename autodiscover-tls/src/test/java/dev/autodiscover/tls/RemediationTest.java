package dev.autodiscover.tls;

import static dev.autodiscover.tls.CertificateProblem.EXPIRED;
import static dev.autodiscover.tls.CertificateProblem.NAME_MISMATCH;
import static dev.autodiscover.tls.CertificateProblem.NOT_YET_VALID;
import static dev.autodiscover.tls.CertificateProblem.SELF_SIGNED;
import static dev.autodiscover.tls.CertificateProblem.UNTRUSTED_ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemediationTest {
  private static final String SHA256 = "ab".repeat(32);
  private static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant NOT_AFTER = Instant.parse("2026-01-01T00:00:00Z");

  private static CertificateDiagnosis diagnosis(
      String host, List<CertificateProblem> problems, String... dnsNames) {
    return new CertificateDiagnosis(host, 443, problems,
        "CN=" + (dnsNames.length > 0 ? dnsNames[0] : host), "CN=Contoso Issuing CA",
        List.of(dnsNames), List.of(), NOT_BEFORE, NOT_AFTER, SHA256, List.of());
  }

  @Test
  void rootDomainWithAWwwOnlyCertificateIsToldToAddTheDomainOrStopServingHttps() {
    CertificateDiagnosis www = diagnosis("contoso.com", List.of(NAME_MISMATCH), "www.contoso.com");

    assertThat(Remediation.advice(www, "A_RECORD", "contoso.com")).containsExactly(
        "Add contoso.com to the certificate of the web site https://contoso.com"
            + " (it holds www.contoso.com only), or stop serving HTTPS on contoso.com:"
            + " Autodiscover then falls through to autodiscover.contoso.com.");
  }

  @Test
  void rootDomainWithAWildcardCertificateIsToldTheWildcardNeverCoversIt() {
    CertificateDiagnosis wildcard = diagnosis("contoso.com", List.of(NAME_MISMATCH), "*.contoso.com");

    assertThat(Remediation.advice(wildcard, "A_RECORD", "Contoso.com.")).singleElement().asString()
        .startsWith("Add contoso.com to the certificate of the web site https://contoso.com")
        .contains("(it holds *.contoso.com only; a wildcard never covers contoso.com itself)")
        .endsWith("Autodiscover then falls through to autodiscover.contoso.com.");
  }

  @Test
  void expiredRootCertificateIsToldToBeRenewed() {
    CertificateDiagnosis expired = diagnosis("contoso.com", List.of(EXPIRED), "contoso.com");

    assertThat(Remediation.advice(expired, "A_RECORD", "contoso.com")).containsExactly(
        "Renew the certificate of contoso.com: it expired on 2026-01-01T00:00:00Z.");
  }

  @Test
  void autodiscoverHostWithAnotherNameIsToldToAddItOrPublishAnSrvRecord() {
    CertificateDiagnosis mail = diagnosis(
        "autodiscover.contoso.com", List.of(NAME_MISMATCH), "mail.contoso.com", "owa.contoso.com");

    assertThat(Remediation.advice(mail, "PREFIXED_HOST", "contoso.com")).containsExactly(
        "Add autodiscover.contoso.com to its certificate (it holds mail.contoso.com, owa.contoso.com"
            + " only), or publish an SRV record _autodiscover._tcp.contoso.com pointing to"
            + " mail.contoso.com.");
  }

  @Test
  void scpWithAnInternalNameIsGivenTheSetClientAccessServerCommand() {
    CertificateDiagnosis internal = diagnosis("casserver", List.of(NAME_MISMATCH), "mail.contoso.com");

    assertThat(Remediation.advice(internal, "SCP", "contoso.com")).containsExactly(
        "Point the SCP at a name on the certificate of casserver (it holds mail.contoso.com only):"
            + " Set-ClientAccessServer -Identity CASSERVER"
            + " -AutoDiscoverServiceInternalUri https://mail.contoso.com/autodiscover/autodiscover.xml");
  }

  @Test
  void scpWhoseCertificateHoldsOnlyAWildcardGetsAPlaceholderName() {
    CertificateDiagnosis internal =
        diagnosis("cas01.corp.contoso.local", List.of(NAME_MISMATCH), "*.contoso.com");

    assertThat(Remediation.advice(internal, "SCP", "contoso.com")).singleElement().asString()
        .contains("-Identity CAS01 ")
        .contains("https://<a name on the certificate>/autodiscover/autodiscover.xml");
  }

  @Test
  void selfSignedRedirectTargetIsToldToUseATrustedAuthorityOrTrustThatCertificate() {
    CertificateDiagnosis selfSigned = diagnosis("new.contoso.com", List.of(SELF_SIGNED), "new.contoso.com");

    assertThat(Remediation.advice(selfSigned, "PREFIXED_HOST", "contoso.com")).containsExactly(
        "Install a certificate from a trusted certificate authority on new.contoso.com,"
            + " or trust this exact certificate (SHA-256 " + SHA256 + ") for new.contoso.com.");
  }

  @Test
  void notYetValidCertificateIsToldToCheckTheClocks() {
    CertificateDiagnosis early = diagnosis("autodiscover.contoso.com", List.of(NOT_YET_VALID),
        "autodiscover.contoso.com");

    assertThat(Remediation.advice(early, "PREFIXED_HOST", "contoso.com")).singleElement().asString()
        .startsWith("Check the clocks of the server autodiscover.contoso.com and of this client")
        .contains("valid only from 2025-01-01T00:00:00Z");
  }

  @Test
  void untrustedIssuerIsToldToInstallTheIssuerOrUseAPublicAuthority() {
    CertificateDiagnosis untrusted = diagnosis("autodiscover.contoso.com", List.of(UNTRUSTED_ISSUER),
        "autodiscover.contoso.com");

    assertThat(Remediation.advice(untrusted, "PREFIXED_HOST", "contoso.com")).containsExactly(
        "Install the certificate of the issuing authority (CN=Contoso Issuing CA) on clients,"
            + " or use a certificate from a public certificate authority on autodiscover.contoso.com.");
  }

  @Test
  void missingIntermediateIsToldToSendTheWholeChain() {
    CertificateDiagnosis incomplete = diagnosis("autodiscover.contoso.com",
        List.of(UNTRUSTED_ISSUER, CertificateProblem.INCOMPLETE_CHAIN), "autodiscover.contoso.com");

    assertThat(Remediation.advice(incomplete, "PREFIXED_HOST", "contoso.com")).last().asString()
        .isEqualTo("Configure autodiscover.contoso.com to send its intermediate certificates with its own:"
            + " the chain it sends stops before a trusted authority (its issuer is CN=Contoso Issuing CA).");
  }

  @Test
  void everyProblemGetsItsOwnAdviceInOrder() {
    CertificateDiagnosis both = diagnosis("contoso.com", List.of(NAME_MISMATCH, EXPIRED), "www.contoso.com");

    assertThat(Remediation.advice(both, "A_RECORD", "contoso.com"))
        .satisfiesExactly(
            first -> assertThat(first).startsWith("Add contoso.com to the certificate"),
            second -> assertThat(second).startsWith("Renew the certificate of contoso.com"));
  }

  @Test
  void nameMismatchAtAHostARedirectLedToIsNotTreatedAsTheRootDomainOrTheAutodiscoverHost() {
    CertificateDiagnosis elsewhere = diagnosis("new.contoso.com", List.of(NAME_MISMATCH), "mail.contoso.com");

    assertThat(Remediation.advice(elsewhere, "A_RECORD", "contoso.com")).containsExactly(
        "Add new.contoso.com to its certificate (it holds mail.contoso.com only), or use a name it holds.");
    assertThat(Remediation.advice(elsewhere, "SRV", "contoso.com")).containsExactly(
        "Add new.contoso.com to its certificate (it holds mail.contoso.com only),"
            + " or point the SRV record at a name it holds.");
  }

  @Test
  void validCertificateNeedsNoChange() {
    assertThat(Remediation.advice(diagnosis("contoso.com", List.of(), "contoso.com"), "A_RECORD",
        "contoso.com")).isEmpty();
  }
}

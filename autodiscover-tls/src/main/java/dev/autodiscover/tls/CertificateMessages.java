package dev.autodiscover.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Writes the lines a person reads about a certificate diagnosis. */
final class CertificateMessages {
  private CertificateMessages() {}

  /**
   * Returns one line naming the host, each problem with what the certificate does contain, then
   * the leaf's subject and SHA-256, for example {@code certificate for contoso.test is not valid:
   * NAME_MISMATCH (it covers www.contoso.test only), EXPIRED (on 2026-01-01T00:00:00Z); subject
   * CN=www.contoso.test, SHA-256 ab12...}.
   */
  static String summary(CertificateDiagnosis diagnosis) {
    StringBuilder line = new StringBuilder("certificate for ").append(target(diagnosis));
    if (diagnosis.valid()) {
      line.append(" is valid");
    } else {
      StringJoiner problems = new StringJoiner(", ");
      for (CertificateProblem problem : diagnosis.problems()) {
        problems.add(problem + " (" + detail(problem, diagnosis) + ")");
      }
      line.append(" is not valid: ").append(problems);
    }
    return line.append("; subject ")
        .append(diagnosis.subject().isEmpty() ? "(empty)" : diagnosis.subject())
        .append(", SHA-256 ")
        .append(diagnosis.sha256())
        .toString();
  }

  private static String target(CertificateDiagnosis diagnosis) {
    String host = diagnosis.host().indexOf(':') >= 0 ? "[" + diagnosis.host() + "]" : diagnosis.host();
    return diagnosis.port() > 0 && diagnosis.port() != 443 ? host + ":" + diagnosis.port() : host;
  }

  private static String detail(CertificateProblem problem, CertificateDiagnosis diagnosis) {
    return switch (problem) {
      case NAME_MISMATCH -> names(diagnosis);
      case EXPIRED -> "on " + diagnosis.notAfter();
      case NOT_YET_VALID -> "valid from " + diagnosis.notBefore();
      case SELF_SIGNED -> "signed by its own key, and not added to the trusted certificates";
      case UNTRUSTED_ISSUER -> "issued by " + diagnosis.issuer() + ", which leads to no trusted authority";
      case NO_SUBJECT_ALT_NAME -> "the certificate must list " + diagnosis.host()
          + " as a subjectAltName";
      case WILDCARD_NOT_COVERING_APEX -> "a wildcard never covers " + stripDot(diagnosis.host())
          + " itself; the certificate must list it by name";
      case WILDCARD_OVER_PUBLIC_SUFFIX -> overPublicSuffix(diagnosis);
      case IP_NOT_IN_SAN -> "an IP address is covered only by an iPAddress entry holding it; "
          + "a DNS entry never covers it";
      case INCOMPLETE_CHAIN -> "the server did not send the certificate of " + diagnosis.issuer()
          + ", which no trusted certificate names either; the server should send its intermediate"
          + " certificates";
    };
  }

  private static String names(CertificateDiagnosis diagnosis) {
    List<String> names = new ArrayList<>(diagnosis.dnsNames());
    names.addAll(diagnosis.ipAddresses());
    if (names.isEmpty()) {
      return "it has no subjectAltName; the subject CN is never used";
    }
    return "it covers " + String.join(", ", names) + " only";
  }

  private static String overPublicSuffix(CertificateDiagnosis diagnosis) {
    NameCheck check = CertificateNameValidator.strict()
        .check(diagnosis.dnsNames(), diagnosis.ipAddresses(), diagnosis.host());
    List<String> wildcards = new ArrayList<>();
    for (NameCheck.Presented name : check.presented()) {
      if (name.reason().startsWith(CertificateNameValidator.WILDCARD_PUBLIC_SUFFIX)) {
        wildcards.add(name.value());
      }
    }
    return String.join(", ", wildcards)
        + " stands over a public suffix, which no wildcard may cover; the certificate must list "
        + stripDot(diagnosis.host()) + " by name";
  }

  private static String stripDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}

package dev.autodiscover.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    };
  }

  private static String names(CertificateDiagnosis diagnosis) {
    List<String> names = new ArrayList<>(diagnosis.dnsNames());
    names.addAll(diagnosis.ipAddresses());
    if (names.isEmpty()) {
      return "it has no subjectAltName; the subject CN is never used";
    }
    String covers = "it covers " + String.join(", ", names) + " only";
    String apexWildcard = "*." + stripDot(diagnosis.host()).toLowerCase(Locale.ROOT);
    for (String name : diagnosis.dnsNames()) {
      if (stripDot(name).toLowerCase(Locale.ROOT).equals(apexWildcard)) {
        return covers + "; a wildcard never covers " + stripDot(diagnosis.host()) + " itself";
      }
    }
    return covers;
  }

  private static String stripDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}

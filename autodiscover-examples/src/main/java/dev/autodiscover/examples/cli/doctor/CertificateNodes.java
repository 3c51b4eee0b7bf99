package dev.autodiscover.examples.cli.doctor;

import dev.autodiscover.examples.cli.doctor.ReportNode.Status;
import dev.autodiscover.tls.CertificateDiagnosis;
import dev.autodiscover.tls.CertificateProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines and facts doctor shows about a server certificate: subject, names, issuer, validity,
 * SHA-256 and every problem, for accepted and rejected certificates alike.
 */
final class CertificateNodes {
  private CertificateNodes() {}

  /** Returns the TLS node of a handshake that failed on the certificate, timed by two nanoTime readings. */
  static ReportNode rejected(CertificateDiagnosis diagnosis, long start, long end) {
    return ReportNode.builder("tls", "TLS handshake failed: certificate rejected", Status.FAILED)
        .elapsed(start, end)
        .field("protocol", null)
        .field("cipherSuite", null)
        .field("accepted", false)
        .field("certificate", fields(diagnosis))
        .children(lines(diagnosis))
        .build();
  }

  /** Returns one line per fact of the certificate, the problems last. */
  static List<ReportNode> lines(CertificateDiagnosis diagnosis) {
    List<String> names = new ArrayList<>(diagnosis.dnsNames());
    names.addAll(diagnosis.ipAddresses());
    List<ReportNode> lines = new ArrayList<>();
    lines.add(line("subject", diagnosis.subject().isEmpty() ? "(empty)" : diagnosis.subject(), Status.INFO));
    lines.add(line("names", names.isEmpty() ? "none (no subjectAltName)" : String.join(", ", names), Status.INFO));
    lines.add(line("issuer", diagnosis.issuer(), Status.INFO));
    lines.add(line("valid", diagnosis.notBefore() + " to " + diagnosis.notAfter(), Status.INFO));
    lines.add(line("SHA-256", diagnosis.sha256(), Status.INFO));
    lines.add(line("problems", diagnosis.valid() ? "none for " + diagnosis.host() : problems(diagnosis),
        diagnosis.valid() ? Status.OK : Status.FAILED));
    return lines;
  }

  private static ReportNode line(String name, String value, Status status) {
    return ReportNode.builder("certificate", name + " " + value, status)
        .field("name", name)
        .field("value", value)
        .build();
  }

  /** Returns the certificate as the JSON report shows it. */
  static Map<String, Object> fields(CertificateDiagnosis diagnosis) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("host", diagnosis.host());
    fields.put("problems", diagnosis.problems().stream().map(CertificateProblem::name).toList());
    fields.put("subject", diagnosis.subject());
    fields.put("issuer", diagnosis.issuer());
    fields.put("dnsNames", diagnosis.dnsNames());
    fields.put("ipAddresses", diagnosis.ipAddresses());
    fields.put("notBefore", diagnosis.notBefore().toString());
    fields.put("notAfter", diagnosis.notAfter().toString());
    fields.put("sha256", diagnosis.sha256());
    return fields;
  }

  /** Returns the problems, comma-separated. */
  static String problems(CertificateDiagnosis diagnosis) {
    return String.join(", ", diagnosis.problems().stream().map(CertificateProblem::name).toList());
  }
}

package dev.autodiscover.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Says what an administrator should change so that a rejected certificate is no longer rejected,
 * in the words of the Autodiscover step that met it.
 *
 * <p>The step is named by its discovery method id: {@code A_RECORD} (the root domain, {@code
 * https://<domain>}), {@code PREFIXED_HOST} ({@code https://autodiscover.<domain>}), {@code
 * HTTP_REDIRECT}, {@code SRV}, {@code SCP}, or the id of a step a host application added. The
 * advice for a name mismatch depends on the step: the root domain can stop serving HTTPS, the
 * autodiscover host can be replaced by an SRV record, an SCP URL can be changed with {@code
 * Set-ClientAccessServer}. The advice for the other problems does not. A problem this class has no
 * advice for (a finer code following a main one) adds nothing.
 *
 * <p>Thread-safe: every method is a pure function of its arguments.
 *
 * <pre>{@code
 * for (String change : Remediation.advice(diagnosis, "A_RECORD", "contoso.com")) {
 *   System.out.println(change);
 * }
 * }</pre>
 */
public final class Remediation {
  private static final String PREFIX = "autodiscover.";

  private Remediation() {}

  /**
   * Returns one sentence per problem of {@code diagnosis}, in the order of its problems, each
   * naming the change that removes that problem; empty when the certificate is valid.
   *
   * @param diagnosis the rejected certificate
   * @param method the id of the discovery step whose candidate presented it, such as {@code
   *     "PREFIXED_HOST"}
   * @param domain the mail domain the candidate was derived for, such as {@code contoso.com}; the
   *     root-domain and autodiscover-host advice apply only when the certificate was met at {@code
   *     <domain>} or {@code autodiscover.<domain>} (not at a host a redirect led to)
   */
  public static List<String> advice(CertificateDiagnosis diagnosis, String method, String domain) {
    Objects.requireNonNull(diagnosis, "diagnosis");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(domain, "domain");
    List<String> advice = new ArrayList<>();
    for (CertificateProblem problem : diagnosis.problems()) {
      String sentence = advice(problem, diagnosis, method, bare(domain));
      if (sentence != null && !advice.contains(sentence)) {
        advice.add(sentence);
      }
    }
    return List.copyOf(advice);
  }

  private static String advice(
      CertificateProblem problem, CertificateDiagnosis diagnosis, String method, String domain) {
    String host = bare(diagnosis.host());
    switch (problem) {
      case NAME_MISMATCH:
        return nameMismatch(diagnosis, method, domain, host);
      case EXPIRED:
        return "Renew the certificate of " + host + ": it expired on " + diagnosis.notAfter() + ".";
      case NOT_YET_VALID:
        return "Check the clocks of the server " + host + " and of this client: the certificate of "
            + host + " is valid only from " + diagnosis.notBefore() + ".";
      case SELF_SIGNED:
        return "Install a certificate from a trusted certificate authority on " + host
            + ", or trust this exact certificate (SHA-256 " + diagnosis.sha256() + ") for " + host + ".";
      case UNTRUSTED_ISSUER:
        return "Install the certificate of the issuing authority (" + diagnosis.issuer()
            + ") on clients, or use a certificate from a public certificate authority on " + host + ".";
      case INCOMPLETE_CHAIN:
        return "Configure " + host + " to send its intermediate certificates with its own: the chain it"
            + " sends stops before a trusted authority (its issuer is " + diagnosis.issuer() + ").";
      default:
        return null;
    }
  }

  private static String nameMismatch(
      CertificateDiagnosis diagnosis, String method, String domain, String host) {
    String holds = holds(diagnosis);
    String onIt = nameOnCertificate(diagnosis);
    if (method.equals("A_RECORD") && host.equals(domain)) {
      return "Add " + domain + " to the certificate of the web site https://" + domain + " (" + holds
          + "), or stop serving HTTPS on " + domain + ": Autodiscover then falls through to "
          + PREFIX + domain + ".";
    }
    if (method.equals("PREFIXED_HOST") && host.equals(PREFIX + domain)) {
      return "Add " + host + " to its certificate (" + holds + "), or publish an SRV record _autodiscover._tcp."
          + domain + " pointing to " + (onIt == null ? "a name on that certificate" : onIt) + ".";
    }
    if (method.equals("SCP")) {
      return "Point the SCP at a name on the certificate of " + host + " (" + holds
          + "): Set-ClientAccessServer -Identity " + server(host)
          + " -AutoDiscoverServiceInternalUri https://" + (onIt == null ? "<a name on the certificate>" : onIt)
          + "/autodiscover/autodiscover.xml";
    }
    String redirect = switch (method) {
      case "SRV" -> "point the SRV record at a name it holds";
      case "HTTP_REDIRECT" -> "make the HTTP redirect lead to a name it holds";
      default -> "use a name it holds";
    };
    return "Add " + host + " to its certificate (" + holds + "), or " + redirect + ".";
  }

  /** Returns what the certificate names, as in {@code it holds www.contoso.com only}. */
  private static String holds(CertificateDiagnosis diagnosis) {
    List<String> names = new ArrayList<>(diagnosis.dnsNames());
    names.addAll(diagnosis.ipAddresses());
    if (names.isEmpty()) {
      return "it holds no subjectAltName; the subject CN is never used";
    }
    String holds = "it holds " + String.join(", ", names) + " only";
    String apexWildcard = "*." + bare(diagnosis.host());
    if (diagnosis.dnsNames().stream().anyMatch(name -> bare(name).equals(apexWildcard))) {
      return holds + "; a wildcard never covers " + bare(diagnosis.host()) + " itself";
    }
    return holds;
  }

  /** Returns the first DNS name the certificate holds that is not a wildcard, or null. */
  private static String nameOnCertificate(CertificateDiagnosis diagnosis) {
    return diagnosis.dnsNames().stream()
        .filter(name -> !name.contains("*"))
        .map(Remediation::bare)
        .findFirst()
        .orElse(null);
  }

  /** Returns the server an SCP URL's host names: its first label, or a placeholder for an IP literal. */
  private static String server(String host) {
    if (host.contains(":") || host.matches("[0-9.]+")) {
      return "<server>";
    }
    int dot = host.indexOf('.');
    return (dot < 0 ? host : host.substring(0, dot)).toUpperCase(Locale.ROOT);
  }

  /** Lowercases ASCII letters and drops one trailing dot. */
  private static String bare(String name) {
    String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    return bare.toLowerCase(Locale.ROOT);
  }
}

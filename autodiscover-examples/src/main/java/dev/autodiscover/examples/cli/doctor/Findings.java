package dev.autodiscover.examples.cli.doctor;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.Redirect;
import dev.autodiscover.examples.cli.doctor.Finding.Severity;
import dev.autodiscover.tls.CertificateDiagnosis;
import dev.autodiscover.tls.CertificateProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a result for what went wrong and where it led: each attempt that failed in a way an
 * administrator can change (and, when nothing answered, every attempt that failed other than for
 * want of a DNS name), each redirect followed, and, when nothing else explains a failed
 * resolution, its error. Also the command-line options that would get further.
 */
final class Findings {
  /** What the detail of a lookup refused by a DNS client that requires DNSSEC says. */
  private static final String NOT_VALIDATED = "is not DNSSEC-validated";

  private Findings() {}

  static List<Finding> of(AutodiscoverResult result) {
    Set<Finding> findings = new LinkedHashSet<>();
    Set<String> office365Aliases = result.office365Aliases();
    for (Attempt attempt : result.attempts()) {
      String where = attempt.method() + " " + attempt.url();
      switch (attempt.outcome()) {
        case CERTIFICATE_REJECTED -> {
          if (attempt.certificate().isPresent() && office365Aliases.contains(attempt.certificate().get().host())) {
            CertificateDiagnosis diagnosis = attempt.certificate().get();
            findings.add(new Finding(Severity.NOTE,
                CertificateNodes.problems(diagnosis) + " at " + hostAndPort(diagnosis) + ", an alias of Microsoft 365",
                where + ": expected, as Microsoft's certificate cannot name " + diagnosis.host() + "; " + diagnosis.summary()));
          } else if (attempt.certificate().isPresent()) {
            CertificateDiagnosis diagnosis = attempt.certificate().get();
            findings.add(new Finding(Severity.PROBLEM,
                CertificateNodes.problems(diagnosis) + " at " + hostAndPort(diagnosis),
                where + ": " + diagnosis.summary()));
          } else {
            findings.add(problem(attempt, where));
          }
        }
        case UNAUTHORIZED, AUTODISCOVER_ERROR, REDIRECT_DENIED, INVALID_REDIRECT, TIMEOUT ->
            findings.add(problem(attempt, where));
        case DNS_FAILED -> {
          // A name whose answer DNSSEC refused is published, and its zone's signing is what to fix.
          if (attempt.detail().contains(NOT_VALIDATED)) {
            findings.add(problem(attempt, where));
          }
        }
        case NOT_AUTODISCOVER, HTTP_ERROR, CONNECT_FAILED, NOT_FOUND -> {
          // Where another step answered these are the usual noise of the steps before it (a web site
          // at the root, no server on port 80); where none did, they are why.
          if (!result.resolved()) {
            findings.add(problem(attempt, where));
          } else if (attempt.outcome() != AttemptOutcome.CONNECT_FAILED) {
            findings.add(new Finding(Severity.NOTE, attempt.outcome() + " at " + host(attempt.url()),
                where + ": " + attempt.detail()));
          }
        }
        default -> { }
      }
    }
    for (Redirect redirect : result.redirects()) {
      if (redirect.allowed()) {
        findings.add(new Finding(Severity.NOTE, redirect.type() + " to " + host(redirect.to()),
            redirect.type() + " from " + redirect.from() + " to " + redirect.to() + ", followed"));
      }
    }
    boolean problem = findings.stream().anyMatch(finding -> finding.severity() == Severity.PROBLEM);
    if (result.error().isPresent()) {
      String code = result.error().get().code().name();
      if (!problem && nothingPublished(result)) {
        String domain = domain(result.finalEmail());
        findings.add(new Finding(Severity.PROBLEM, "nothing published for " + domain,
            "DNS knows none of the names tried for " + domain + ": " + String.join(", ", lookedUp(result))));
      } else if (!problem || !code.equals("NO_ENDPOINT")) {
        findings.add(new Finding(Severity.PROBLEM, code, code + ": " + result.error().get().message()));
      }
    }
    List<Finding> ordered = new ArrayList<>();
    findings.stream().filter(finding -> finding.severity() == Severity.PROBLEM).forEach(ordered::add);
    findings.stream().filter(finding -> finding.severity() == Severity.NOTE).forEach(ordered::add);
    return List.copyOf(ordered);
  }

  /** Returns what this command's own options could change about the result. */
  static List<String> hints(AutodiscoverResult result) {
    Set<String> hints = new LinkedHashSet<>();
    for (Attempt attempt : result.attempts()) {
      if (attempt.outcome() == AttemptOutcome.CERTIFICATE_REJECTED && attempt.certificate().isPresent()) {
        CertificateDiagnosis diagnosis = attempt.certificate().get();
        if (diagnosis.has(CertificateProblem.SELF_SIGNED) || diagnosis.has(CertificateProblem.UNTRUSTED_ISSUER)) {
          String target = hostAndPort(diagnosis);
          hints.add("To trust that one certificate of " + diagnosis.host() + " (SHA-256 " + diagnosis.sha256()
              + "), save it as PEM and pass --trust FILE, for instance: openssl s_client -connect "
              + (target.contains(":") ? target : target + ":443") + " -servername " + diagnosis.host()
              + " </dev/null | openssl x509 > " + diagnosis.host() + ".pem");
          hints.add("--untrusted accept accepts every certificate that fails validation, for this run only.");
        }
      }
      if (attempt.outcome() == AttemptOutcome.REDIRECT_DENIED) {
        hints.add("--redirects allow follows the redirects that the default policy (same-domain) refuses.");
      }
      if (attempt.outcome() == AttemptOutcome.UNAUTHORIZED && attempt.httpStatus().isPresent()) {
        hints.add("--user NAME with --password-env VAR or --password-file FILE answers 401 challenges"
            + " with Basic credentials, on https steps whose certificate was accepted.");
      }
    }
    return List.copyOf(hints);
  }

  private static Finding problem(Attempt attempt, String where) {
    return new Finding(Severity.PROBLEM, attempt.outcome() + " at " + host(attempt.url()),
        where + ": " + attempt.detail());
  }

  /** Whether every attempt ended for want of a DNS name (or did not run). */
  private static boolean nothingPublished(AutodiscoverResult result) {
    boolean dnsFailed = false;
    for (Attempt attempt : result.attempts()) {
      if (attempt.outcome() == AttemptOutcome.DNS_FAILED) {
        dnsFailed = true;
      } else if (attempt.outcome() != AttemptOutcome.SKIPPED) {
        return false;
      }
    }
    return dnsFailed;
  }

  private static List<String> lookedUp(AutodiscoverResult result) {
    Set<String> names = new LinkedHashSet<>();
    for (Attempt attempt : result.attempts()) {
      if (attempt.outcome() == AttemptOutcome.DNS_FAILED) {
        names.add(host(attempt.url()));
      }
    }
    return List.copyOf(names);
  }

  private static String hostAndPort(CertificateDiagnosis diagnosis) {
    boolean otherPort = diagnosis.port() > 0 && diagnosis.port() != 443;
    return otherPort ? diagnosis.host() + ":" + diagnosis.port() : diagnosis.host();
  }

  /** Returns the host of a URL; a DNS name or an address as it is. */
  private static String host(String target) {
    if (target.contains("://")) {
      try {
        String host = URI.create(target).getHost();
        if (host != null) {
          return host;
        }
      } catch (IllegalArgumentException e) {
        return target;
      }
    }
    return target;
  }

  private static String domain(String email) {
    return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
  }
}

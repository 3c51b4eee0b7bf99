package dev.autodiscover.examples.cli.doctor;

import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.tls.CertificateInspector;
import java.util.List;
import java.util.Objects;

/**
 * Doctor's report on one resolution: the tree of every step, what was found, the verdict, what an
 * administrator should change, and what this command's options could change. Rendered by {@link
 * TextReport} and {@link JsonReport}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param email the address asked for
 * @param steps every attempt, in order, with what happened within it
 * @param findings the problems met, then notes on where the resolution was led
 * @param verdict how the resolution ended
 * @param remediation what to change, as the library says it ({@link AutodiscoverResult#remediation()})
 * @param hints the options of this command that would get further
 * @param result the result the report is about
 */
public record DoctorReport(
    String email,
    List<ReportNode> steps,
    List<Finding> findings,
    Verdict verdict,
    List<String> remediation,
    List<String> hints,
    AutodiscoverResult result) {

  public DoctorReport {
    Objects.requireNonNull(email, "email");
    steps = List.copyOf(steps);
    findings = List.copyOf(findings);
    Objects.requireNonNull(verdict, "verdict");
    remediation = List.copyOf(remediation);
    hints = List.copyOf(hints);
    Objects.requireNonNull(result, "result");
  }

  static DoctorReport of(AutodiscoverResult result, TraceRecorder trace, CertificateInspector inspector) {
    return new DoctorReport(
        result.email(),
        new StepTree(inspector).steps(result.email(), trace.attempts(), trace.unplacedRedirects()),
        Findings.of(result),
        Verdict.of(result, trace.elapsedMillis()),
        result.remediation(),
        Findings.hints(result),
        result);
  }

  /** Returns the cause in a few words: the first problem, else the first note, else that there was none. */
  public String cause() {
    return findings.isEmpty() ? "no problem found" : findings.get(0).headline();
  }
}

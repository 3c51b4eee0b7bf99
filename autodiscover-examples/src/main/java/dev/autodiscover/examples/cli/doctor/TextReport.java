package dev.autodiscover.examples.cli.doctor;

import dev.autodiscover.examples.cli.doctor.Finding.Severity;
import java.util.List;

/**
 * Writes a {@link DoctorReport} for people: a tree of every step with its elapsed time, the
 * diagnosis, the verdict, what to change, and what this command's options could change.
 */
public final class TextReport {
  private TextReport() {}

  /** Returns the report as lines of text separated by {@code \n}, without a final line break. */
  public static String render(DoctorReport report, Style style) {
    StringBuilder text = new StringBuilder();
    text.append(style.bold("Autodiscover doctor: " + clean(report.email())));
    List<ReportNode> steps = report.steps();
    for (int i = 0; i < steps.size(); i++) {
      node(text, steps.get(i), "", i == steps.size() - 1, style);
    }
    text.append("\n\n").append(style.bold("Diagnosis:"));
    if (report.findings().isEmpty()) {
      text.append("\n  ").append(style.green("no problem found"));
    }
    for (Finding finding : report.findings()) {
      boolean problem = finding.severity() == Severity.PROBLEM;
      text.append("\n  ")
          .append(problem ? style.red(style.problemMark()) : style.paint(ReportNode.Status.INFO, style.noteMark()))
          .append(' ')
          .append(problem ? style.red(clean(finding.headline())) : clean(finding.headline()))
          .append(" - ").append(clean(finding.text()));
    }
    verdict(text, report.verdict(), style);
    text.append('\n').append(style.bold("What to change:"));
    if (report.remediation().isEmpty()) {
      boolean problem = report.findings().stream().anyMatch(finding -> finding.severity() == Severity.PROBLEM);
      text.append(problem
          ? " no advice from the library for this case (it advises on rejected certificates); see the diagnosis."
          : " nothing.");
    }
    for (String change : report.remediation()) {
      text.append("\n  - ").append(clean(change));
    }
    if (!report.hints().isEmpty()) {
      text.append('\n').append(style.bold("With this command:"));
      for (String hint : report.hints()) {
        text.append("\n  - ").append(clean(hint));
      }
    }
    return text.toString();
  }

  private static void node(StringBuilder text, ReportNode node, String prefix, boolean last, Style style) {
    text.append('\n').append(prefix).append(style.dim(style.branch(last)));
    String line = clean(node.text());
    if (node.kind().equals("attempt")) {
      text.append(style.bold(line));
    } else if (painted(node)) {
      text.append(style.paint(node.status(), line));
    } else {
      text.append(line);
    }
    if (node.badge() != null) {
      text.append(": ").append(style.paint(node.status(), node.badge()));
    }
    if (node.elapsedMs().isPresent()) {
      text.append(' ').append(style.dim("(" + node.elapsedMs().getAsLong() + " ms)"));
    }
    List<ReportNode> children = node.children();
    String inner = prefix + style.dim(style.indent(last));
    for (int i = 0; i < children.size(); i++) {
      node(text, children.get(i), inner, i == children.size() - 1, style);
    }
  }

  /** Whether a line is coloured: what went wrong, what was skipped, where the resolution was led, and each answer. */
  private static boolean painted(ReportNode node) {
    return switch (node.status()) {
      case FAILED, WARNING, SKIPPED -> true;
      case OK, INFO -> node.kind().equals("answer") || node.kind().equals("redirect") || node.kind().equals("address");
    };
  }

  private static void verdict(StringBuilder text, Verdict verdict, Style style) {
    String elapsed = verdict.elapsedMs().isPresent() ? " in " + verdict.elapsedMs().getAsLong() + " ms" : "";
    text.append('\n');
    if (verdict.resolved()) {
      text.append(style.bold("Verdict: ")).append(style.green("resolved")).append(elapsed);
      text.append("\n  endpoint  ").append(clean(verdict.endpoint().orElse("-")))
          .append(" (").append(verdict.method().orElse("-")).append(')');
      text.append("\n  EWS URL   ").append(clean(verdict.ewsUrl().orElse("none in the settings")));
    } else {
      text.append(style.bold("Verdict: ")).append(style.red("not resolved"))
          .append(" (").append(verdict.errorCode().orElse("-")).append(')').append(elapsed);
      text.append("\n  ").append(clean(verdict.errorMessage().orElse("")));
    }
    text.append("\n  address   ").append(clean(verdict.finalEmail()));
  }

  /** Replaces control characters, so that text from servers cannot drive the terminal. */
  static String clean(String text) {
    StringBuilder clean = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        if (clean == null) {
          clean = new StringBuilder(text.substring(0, i));
        }
        clean.append('?');
      } else if (clean != null) {
        clean.append(c);
      }
    }
    return clean == null ? text : clean.toString();
  }
}

package dev.autodiscover.examples.cli.doctor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One line of doctor's tree: what happened at a step, how it went, how long it took, the facts
 * behind it (for JSON) and the steps within it.
 *
 * <p>Immutable and thread-safe; {@code fields} holds strings, numbers, booleans, lists of strings
 * and maps of those.
 *
 * @param kind what the step is: {@code attempt}, {@code address}, {@code dns}, {@code ldap},
 *     {@code connect}, {@code tls}, {@code certificate}, {@code http}, {@code answer}, {@code
 *     result} or {@code redirect}
 * @param text the line a person reads
 * @param status how the step went
 * @param badge a short word shown after the text (an attempt's outcome), or null
 * @param elapsedMs how long the step took, when known
 * @param fields the facts behind the line, by name, in order
 * @param children the steps within this one, in order
 */
public record ReportNode(
    String kind,
    String text,
    Status status,
    String badge,
    OptionalLong elapsedMs,
    Map<String, Object> fields,
    List<ReportNode> children) {

  /** How a step went; it decides the colour of its line. */
  public enum Status {
    /** It worked. */
    OK,
    /** It failed. */
    FAILED,
    /** It did not fail, but something in it needs a look (a redirect not followed). */
    WARNING,
    /** It led elsewhere (a redirect followed), or is only information. */
    INFO,
    /** It did not run. */
    SKIPPED
  }

  public ReportNode {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(elapsedMs, "elapsedMs");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    children = List.copyOf(children);
  }

  static Builder builder(String kind, String text, Status status) {
    return new Builder(kind, text, status);
  }

  /** Collects a node's parts. Not thread-safe. */
  static final class Builder {
    private final String kind;
    private final String text;
    private final Status status;
    private String badge;
    private OptionalLong elapsedMs = OptionalLong.empty();
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<ReportNode> children = new ArrayList<>();

    private Builder(String kind, String text, Status status) {
      this.kind = kind;
      this.text = text;
      this.status = status;
    }

    Builder badge(String badge) {
      this.badge = badge;
      return this;
    }

    /** Sets the elapsed time from two {@link System#nanoTime()} readings; ignored when either is missing. */
    Builder elapsed(long startNanos, long endNanos) {
      if (startNanos >= 0 && endNanos >= startNanos) {
        elapsedMs = OptionalLong.of((endNanos - startNanos) / 1_000_000);
      }
      return this;
    }

    Builder elapsedMs(long millis) {
      elapsedMs = OptionalLong.of(millis);
      return this;
    }

    /** Adds a fact; a null value is kept, as JSON null. */
    Builder field(String name, Object value) {
      fields.put(name, value);
      return this;
    }

    Builder child(ReportNode child) {
      children.add(child);
      return this;
    }

    Builder children(List<ReportNode> more) {
      children.addAll(more);
      return this;
    }

    ReportNode build() {
      return new ReportNode(kind, text, status, badge, elapsedMs, fields, children);
    }
  }
}

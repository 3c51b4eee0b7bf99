package dev.autodiscover.examples.cli.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link DoctorReport} as one JSON object: the same tree as {@link TextReport}, with the
 * facts behind each line.
 *
 * <pre>{@code
 * {"email":"...","verdict":{"resolved":true,"finalEmail":"...","endpoint":"...","method":"...",
 *   "ewsUrl":"...","error":null,"elapsedMs":12},
 *  "cause":"...","diagnosis":[{"severity":"PROBLEM","headline":"...","text":"..."}],
 *  "steps":[{"kind":"attempt","text":"...","status":"failed","badge":"...","elapsedMs":3,
 *            ...facts of the kind...,"children":[...]}],
 *  "remediation":["..."],"hints":["..."]}
 * }</pre>
 */
public final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonReport() {}

  /** Returns the report as one line of JSON. */
  public static String line(DoctorReport report) {
    return line(toJson(report));
  }

  /** Returns {@code json} as one line. */
  public static String line(ObjectNode json) {
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** Returns the report as a JSON object. */
  public static ObjectNode toJson(DoctorReport report) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("email", report.email());
    json.set("verdict", verdict(report.verdict()));
    json.put("cause", report.cause());
    ArrayNode diagnosis = json.putArray("diagnosis");
    for (Finding finding : report.findings()) {
      diagnosis.addObject()
          .put("severity", finding.severity().name())
          .put("headline", finding.headline())
          .put("text", finding.text());
    }
    ArrayNode steps = json.putArray("steps");
    report.steps().forEach(step -> steps.add(node(step)));
    ArrayNode remediation = json.putArray("remediation");
    report.remediation().forEach(remediation::add);
    ArrayNode hints = json.putArray("hints");
    report.hints().forEach(hints::add);
    return json;
  }

  private static ObjectNode verdict(Verdict verdict) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("resolved", verdict.resolved());
    json.put("finalEmail", verdict.finalEmail());
    json.put("endpoint", verdict.endpoint().orElse(null));
    json.put("method", verdict.method().orElse(null));
    json.put("ewsUrl", verdict.ewsUrl().orElse(null));
    if (verdict.errorCode().isPresent()) {
      json.putObject("error")
          .put("code", verdict.errorCode().get())
          .put("message", verdict.errorMessage().orElse(""));
    } else {
      json.putNull("error");
    }
    if (verdict.elapsedMs().isPresent()) {
      json.put("elapsedMs", verdict.elapsedMs().getAsLong());
    } else {
      json.putNull("elapsedMs");
    }
    return json;
  }

  private static ObjectNode node(ReportNode node) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("kind", node.kind());
    json.put("text", node.text());
    json.put("status", node.status().name().toLowerCase(Locale.ROOT));
    if (node.elapsedMs().isPresent()) {
      json.put("elapsedMs", node.elapsedMs().getAsLong());
    } else {
      json.putNull("elapsedMs");
    }
    for (Map.Entry<String, Object> field : node.fields().entrySet()) {
      json.set(field.getKey(), MAPPER.valueToTree(field.getValue()));
    }
    ArrayNode children = json.putArray("children");
    node.children().forEach(child -> children.add(node(child)));
    return json;
  }
}

package dev.autodiscover.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autodiscover.Attempt;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.ProtocolSettings;
import dev.autodiscover.Redirect;
import dev.autodiscover.tls.CertificateDiagnosis;
import dev.autodiscover.tls.CertificateProblem;
import java.util.Optional;

/**
 * Writes a result as the JSON object of the {@code resolve --json} contract: the fields named in
 * the design are never renamed or removed; new ones may be added.
 */
final class ResultJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ResultJson() {}

  /** Returns the result as one line of JSON. */
  static String line(AutodiscoverResult result) {
    try {
      return MAPPER.writeValueAsString(toJson(result));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static ObjectNode toJson(AutodiscoverResult result) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("email", result.email());
    json.put("resolved", result.resolved());
    json.put("finalEmail", result.finalEmail());
    if (result.endpoint().isPresent()) {
      ObjectNode endpoint = json.putObject("endpoint");
      endpoint.put("url", result.endpoint().get().url().toString());
      endpoint.put("method", result.endpoint().get().method().name());
      endpoint.put("dialect", result.endpoint().get().dialect().name());
    } else {
      json.putNull("endpoint");
    }
    if (result.settings().isPresent()) {
      json.set("settings", settings(result.settings().get()));
    } else {
      json.putNull("settings");
    }
    ArrayNode attempts = json.putArray("attempts");
    for (Attempt attempt : result.attempts()) {
      attempts.add(attempt(attempt));
    }
    ArrayNode redirects = json.putArray("redirects");
    for (Redirect redirect : result.redirects()) {
      ObjectNode node = redirects.addObject();
      node.put("type", redirect.type().name());
      node.put("from", redirect.from());
      node.put("to", redirect.to());
      node.put("allowed", redirect.allowed());
    }
    ArrayNode remediation = json.putArray("remediation");
    result.remediation().forEach(remediation::add);
    if (result.error().isPresent()) {
      ObjectNode error = json.putObject("error");
      error.put("code", result.error().get().code().name());
      error.put("message", result.error().get().message());
    } else {
      json.putNull("error");
    }
    return json;
  }

  private static ObjectNode settings(AutodiscoverSettings settings) {
    ObjectNode json = MAPPER.createObjectNode();
    putOptional(json, "displayName", settings.displayName());
    putOptional(json, "ewsUrl", settings.ewsUrl());
    putOptional(json, "activeSyncUrl", settings.activeSyncUrl());
    putOptional(json, "culture", settings.culture());
    putOptional(json, "accountType", settings.accountType());
    settings.ttl().ifPresentOrElse(ttl -> json.put("ttlHours", ttl.toHours()), () -> json.putNull("ttlHours"));
    ArrayNode protocols = json.putArray("protocols");
    for (ProtocolSettings protocol : settings.protocols()) {
      ObjectNode node = protocols.addObject();
      node.put("type", protocol.type());
      putOptional(node, "server", protocol.server());
      putOptional(node, "ewsUrl", protocol.ewsUrl());
      putOptional(node, "asUrl", protocol.asUrl());
      putOptional(node, "oabUrl", protocol.oabUrl());
      putOptional(node, "oofUrl", protocol.oofUrl());
      putOptional(node, "umUrl", protocol.umUrl());
      putOptional(node, "ecpUrl", protocol.ecpUrl());
      ObjectNode values = node.putObject("values");
      protocol.values().forEach(values::put);
    }
    return json;
  }

  private static ObjectNode attempt(Attempt attempt) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("method", attempt.method().name());
    json.put("url", attempt.url());
    json.put("outcome", attempt.outcome().name());
    if (attempt.httpStatus().isPresent()) {
      json.put("httpStatus", attempt.httpStatus().getAsInt());
    } else {
      json.putNull("httpStatus");
    }
    json.put("elapsedMs", attempt.elapsed().toMillis());
    json.put("detail", attempt.detail());
    putOptional(json, "dialect", attempt.dialect().map(Enum::name));
    putOptional(json, "errorCode", attempt.errorCode());
    if (attempt.certificate().isPresent()) {
      json.set("certificate", certificate(attempt.certificate().get()));
    } else {
      json.putNull("certificate");
    }
    return json;
  }

  private static ObjectNode certificate(CertificateDiagnosis diagnosis) {
    ObjectNode json = MAPPER.createObjectNode();
    ArrayNode problems = json.putArray("problems");
    for (CertificateProblem problem : diagnosis.problems()) {
      problems.add(problem.name());
    }
    json.put("subject", diagnosis.subject());
    json.put("issuer", diagnosis.issuer());
    ArrayNode dnsNames = json.putArray("dnsNames");
    diagnosis.dnsNames().forEach(dnsNames::add);
    ArrayNode ipAddresses = json.putArray("ipAddresses");
    diagnosis.ipAddresses().forEach(ipAddresses::add);
    json.put("notBefore", diagnosis.notBefore().toString());
    json.put("notAfter", diagnosis.notAfter().toString());
    json.put("sha256", diagnosis.sha256());
    return json;
  }

  private static void putOptional(ObjectNode json, String name, Optional<String> value) {
    if (value.isPresent()) {
      json.put(name, value.get());
    } else {
      json.putNull(name);
    }
  }
}

package dev.autodiscover.benchmarks.scenario;

import java.util.Objects;

/**
 * One resolution as the client saw it.
 *
 * @param email the address resolved
 * @param resolved whether an endpoint (ews-java-api: an EWS URL) was found
 * @param nanos how long the call took
 * @param detail the endpoint found, or why none was
 */
record Resolution(String email, boolean resolved, long nanos, String detail) {

  Resolution {
    Objects.requireNonNull(email, "email");
    detail = detail == null ? "" : detail.replaceAll("\\s+", " ").trim();
  }

  double millis() {
    return nanos / 1e6;
  }
}

package dev.autodiscover.benchmarks.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A client the scenarios measure, named as on the command line and in the tables. */
enum Contender {
  /** This library with the defaults except {@code Probing.sequential()}: one candidate at a time. */
  AUTODISCOVER_SEQUENTIAL("autodiscover-sequential"),
  /** This library with the defaults: staggered probing, an in-memory endpoint cache. */
  AUTODISCOVER("autodiscover"),
  /** This library asking {@code https://autodiscover.<domain>} only: the floor for scenario 1. */
  AUTODISCOVER_HOST_ALONE("autodiscover-host-alone"),
  /** ews-java-api 2.0's {@code AutodiscoverService}, POX (legacy) Autodiscover. */
  EWS_JAVA_API("ews-java-api");

  private final String id;

  Contender(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  boolean isOurs() {
    return this != EWS_JAVA_API;
  }

  /**
   * The contender named {@code id}.
   *
   * @throws IllegalArgumentException naming the known ones
   */
  static Contender byId(String id) {
    for (Contender contender : values()) {
      if (contender.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
        return contender;
      }
    }
    throw new IllegalArgumentException("unknown contender '" + id + "'; known: "
        + Arrays.stream(values()).map(Contender::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}

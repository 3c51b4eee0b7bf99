package dev.autodiscover.benchmarks.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the contenders of a scenario are run.
 *
 * @param inProcess run this library's contenders in the runner's JVM instead of a child (their
 *     heap figures then include the fixtures; ews-java-api always gets a JVM of its own)
 * @param jvmOptions options of every child JVM
 * @param requestTimeout a request timeout for this library's contenders instead of the
 *     default, for tests that must not wait 30 seconds on a silent host
 */
record RunOptions(boolean inProcess, List<String> jvmOptions, Optional<Duration> requestTimeout) {

  static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx1g");

  RunOptions {
    jvmOptions = List.copyOf(jvmOptions);
    Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  static RunOptions defaults() {
    return new RunOptions(false, DEFAULT_JVM_OPTIONS, Optional.empty());
  }
}

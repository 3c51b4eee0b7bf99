package dev.autodiscover.benchmarks.scenario;

import java.util.List;

/**
 * What a contender did in one run.
 *
 * @param warmUp the warm-up resolution, which succeeded
 * @param resolutions the measured resolutions, in completion order
 * @param wallNanos the wall time of the measured part
 * @param heap the contender's JVM heap during the measured part
 */
record JobResult(Resolution warmUp, List<Resolution> resolutions, long wallNanos, HeapPeak heap) {

  JobResult {
    resolutions = List.copyOf(resolutions);
  }

  long resolvedCount() {
    return resolutions.stream().filter(Resolution::resolved).count();
  }
}

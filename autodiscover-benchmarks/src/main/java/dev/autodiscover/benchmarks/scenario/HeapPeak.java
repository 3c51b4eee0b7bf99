package dev.autodiscover.benchmarks.scenario;

/**
 * How much heap a run used at most.
 *
 * @param usedBytes the sum of every heap pool's peak use, garbage included (an upper bound:
 *     the pools may have peaked at different moments)
 * @param liveBytes the most heap still in use right after a garbage collection, or -1 when no
 *     collection ran
 */
record HeapPeak(long usedBytes, long liveBytes) {

  static String mebibytes(long bytes) {
    return bytes < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
  }
}

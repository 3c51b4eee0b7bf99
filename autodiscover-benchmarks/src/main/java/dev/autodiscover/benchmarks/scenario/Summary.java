package dev.autodiscover.benchmarks.scenario;

import java.util.Arrays;

/**
 * Median, minimum, maximum and 99th percentile of some durations, in nanoseconds.
 *
 * @param median the middle value (the mean of the two middle ones for an even count)
 */
record Summary(double median, double min, double max, double p99) {

  static Summary ofNanos(long[] values) {
    if (values.length == 0) {
      return new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    int p99 = (int) Math.ceil(0.99 * n) - 1;
    return new Summary(median, sorted[0], sorted[n - 1], sorted[Math.max(0, p99)]);
  }
}

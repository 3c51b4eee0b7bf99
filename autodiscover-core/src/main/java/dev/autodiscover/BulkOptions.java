package dev.autodiscover;

/**
 * How {@link AutodiscoverResolver#resolveAll} spreads its work: how many addresses are resolved at
 * once, and how many Autodiscover requests may be open at once to any one host.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * BulkOptions options = BulkOptions.defaults().withConcurrency(32).withPerHost(8);
 * }</pre>
 *
 * @param concurrency how many addresses are resolved at once
 * @param perHost how many Autodiscover requests may be open at once to one host
 */
public record BulkOptions(int concurrency, int perHost) {
  /** The default number of addresses resolved at once. */
  public static final int DEFAULT_CONCURRENCY = 16;
  /** The default number of requests open at once to one host. */
  public static final int DEFAULT_PER_HOST = 8;

  /**
   * @throws IllegalArgumentException when either is below 1
   */
  public BulkOptions {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
    if (perHost < 1) {
      throw new IllegalArgumentException("perHost must be at least 1: " + perHost);
    }
  }

  /** Returns {@value #DEFAULT_CONCURRENCY} addresses at once, {@value #DEFAULT_PER_HOST} requests a host. */
  public static BulkOptions defaults() {
    return new BulkOptions(DEFAULT_CONCURRENCY, DEFAULT_PER_HOST);
  }

  /** Returns these options resolving {@code concurrency} addresses at once. */
  public BulkOptions withConcurrency(int concurrency) {
    return new BulkOptions(concurrency, perHost);
  }

  /** Returns these options allowing {@code perHost} requests at once to one host. */
  public BulkOptions withPerHost(int perHost) {
    return new BulkOptions(concurrency, perHost);
  }
}

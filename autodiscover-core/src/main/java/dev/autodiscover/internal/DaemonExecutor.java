package dev.autodiscover.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The library's shared pools of daemon threads, which grow on demand and shrink when idle. */
public final class DaemonExecutor {

  /** Asynchronous resolutions run here by default; idle threads end after a minute. */
  public static final ExecutorService INSTANCE = pool("autodiscover-", Duration.ofMinutes(1));

  /**
   * Staggered probes run here, at most {@link dev.autodiscover.Probing#MAX_IN_FLIGHT} of one
   * resolution at once; idle threads end after ten seconds.
   */
  static final ExecutorService PROBES = pool("autodiscover-probe-", Duration.ofSeconds(10));

  private DaemonExecutor() {}

  private static ExecutorService pool(String prefix, Duration idle) {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, idle.toSeconds(), TimeUnit.SECONDS, new SynchronousQueue<>(),
        task -> {
          Thread thread = new Thread(task, prefix + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}

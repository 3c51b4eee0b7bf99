package dev.autodiscover.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads staggered probes run on, shared by every resolver. A resolution runs at most
 * {@link dev.autodiscover.Probing#MAX_IN_FLIGHT} probes at once; idle threads end after ten seconds.
 */
final class ProbeThreads {
  private static final AtomicInteger COUNT = new AtomicInteger();

  static final ExecutorService INSTANCE = new ThreadPoolExecutor(
      0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
      task -> {
        Thread thread = new Thread(task, "autodiscover-probe-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });

  private ProbeThreads() {}
}

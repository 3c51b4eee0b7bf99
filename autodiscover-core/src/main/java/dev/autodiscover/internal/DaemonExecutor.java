package dev.autodiscover.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The shared pool of daemon threads asynchronous resolutions run on by default; idle threads end after a minute. */
public final class DaemonExecutor {
  private static final AtomicInteger COUNT = new AtomicInteger();

  public static final ExecutorService INSTANCE = new ThreadPoolExecutor(
      0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
      task -> {
        Thread thread = new Thread(task, "autodiscover-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });

  private DaemonExecutor() {}
}

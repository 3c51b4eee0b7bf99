package dev.autodiscover.internal.directory;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** One daemon thread that runs the deadlines of directory searches; idle, it ends after a minute. */
final class Watchdog {
  private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, task -> {
    Thread thread = new Thread(task, "autodiscover-directory-watchdog");
    thread.setDaemon(true);
    return thread;
  });

  static {
    TIMER.setRemoveOnCancelPolicy(true);
    TIMER.setKeepAliveTime(60, TimeUnit.SECONDS);
    TIMER.allowCoreThreadTimeOut(true);
  }

  private Watchdog() {}

  static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
    return TIMER.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
  }
}

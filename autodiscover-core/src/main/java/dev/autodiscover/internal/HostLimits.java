package dev.autodiscover.internal;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Bounds how many Autodiscover requests are open at once to one host. Thread-safe. */
public final class HostLimits {
  /** No bound. */
  public static final HostLimits NONE = new HostLimits(Integer.MAX_VALUE);

  private final int perHost;
  private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

  public HostLimits(int perHost) {
    this.perHost = perHost;
  }

  /** A place taken for one request; closing it frees the place. */
  interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Takes a place for a request to {@code host}, waiting at most {@code wait}.
   *
   * @throws InterruptedIOException when no place came free in time, or the thread was interrupted
   */
  Permit acquire(String host, Duration wait) throws InterruptedIOException {
    if (this == NONE) {
      return () -> { };
    }
    Semaphore places = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Semaphore(perHost));
    try {
      if (!places.tryAcquire(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS)) {
        throw new InterruptedIOException("timed out waiting for one of the " + perHost + " request places of " + host);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a request place of " + host);
    }
    return places::release;
  }
}

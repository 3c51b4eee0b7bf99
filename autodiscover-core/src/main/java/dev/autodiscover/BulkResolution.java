package dev.autodiscover;

import dev.autodiscover.internal.HostLimits;
import dev.autodiscover.internal.Resolution;
import dev.autodiscover.internal.ResolverConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many addresses being resolved at once by one resolver, their results handed out as they complete.
 * Started by {@link AutodiscoverResolver#resolveAll}.
 *
 * <p>Addresses are read from the source only as threads come free, so a source of any length is
 * resolved in bounded memory; finished results wait for the reader in a queue of bounded size, and
 * the threads pause while it is full. Resolutions of one email domain share the work of discovering
 * it (see {@link AutodiscoverResolver.Builder#endpointCache}), and at most {@link
 * BulkOptions#perHost()} Autodiscover requests are open at once to any one host.
 *
 * <p>{@link #cancel()} stops reading addresses and interrupts the resolutions under way (they end
 * with {@link ErrorCode#ABORTED}); {@link #close()} cancels and returns once every thread of this
 * run has ended. A {@code null} address gives an {@link ErrorCode#INVALID_EMAIL} result.
 *
 * <p>Thread-safe; {@link #iterator()} may be called once, and its iterator used by one thread.
 *
 * <pre>{@code
 * try (BulkResolution bulk = resolver.resolveAll(addresses, BulkOptions.defaults().withConcurrency(32))) {
 *   for (AutodiscoverResult result : bulk) {
 *     System.out.println(result.email() + " " + result.endpoint().map(Endpoint::url).orElse(null));
 *   }
 * }
 * }</pre>
 */
public final class BulkResolution implements Iterable<AutodiscoverResult>, AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ResolverConfig config;
  private final Iterator<String> source;
  private final BlockingQueue<AutodiscoverResult> done;
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicBoolean iterated = new AtomicBoolean();
  private final AtomicLong started = new AtomicLong();
  private volatile RuntimeException failure;

  BulkResolution(ResolverConfig config, Iterable<String> addresses, BulkOptions options) {
    this.config = config.withHostLimits(new HostLimits(options.perHost()));
    this.source = addresses.iterator();
    this.done = new ArrayBlockingQueue<>(options.concurrency() * 4);
    running.set(options.concurrency());
    for (int i = 0; i < options.concurrency(); i++) {
      Thread worker = new Thread(this::work, "autodiscover-bulk-" + THREADS.incrementAndGet());
      worker.setDaemon(true);
      workers.add(worker);
    }
    workers.forEach(Thread::start);
  }

  private void work() {
    try {
      while (!cancelled.get()) {
        String address;
        synchronized (source) {
          if (cancelled.get() || !source.hasNext()) {
            return;
          }
          address = source.next();
          started.incrementAndGet();
        }
        done.put(new Resolution(config, String.valueOf(address)).run());
      }
    } catch (InterruptedException e) {
      // cancelled: the result being handed on is dropped
    } catch (RuntimeException e) {
      failure = e;
      cancel();
    } finally {
      running.decrementAndGet();
    }
  }

  /**
   * Returns the results as they complete, waiting for each; ends when every address has been
   * resolved, or after {@link #cancel()} once the resolutions under way have ended.
   *
   * @throws IllegalStateException when called a second time
   */
  @Override
  public Iterator<AutodiscoverResult> iterator() {
    if (!iterated.compareAndSet(false, true)) {
      throw new IllegalStateException("the results of a bulk resolution can be iterated once");
    }
    return new Iterator<>() {
      private AutodiscoverResult next;

      /**
       * @throws IllegalStateException when reading the addresses failed, or the waiting thread was
       *     interrupted
       */
      @Override
      public boolean hasNext() {
        while (next == null) {
          try {
            next = done.poll(50, TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for results", e);
          }
          if (next == null && running.get() == 0 && done.isEmpty()) {
            if (failure != null) {
              throw new IllegalStateException("reading the addresses failed: " + failure, failure);
            }
            return false;
          }
        }
        return true;
      }

      @Override
      public AutodiscoverResult next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        AutodiscoverResult result = next;
        next = null;
        return result;
      }
    };
  }

  /** Returns how many addresses have been taken from the source so far. */
  public long started() {
    return started.get();
  }

  /** Stops reading addresses and interrupts the resolutions under way; results already done remain. */
  public void cancel() {
    if (cancelled.compareAndSet(false, true)) {
      workers.forEach(Thread::interrupt);
    }
  }

  /**
   * Cancels what is left and waits for every thread of this run to end.
   *
   * @throws IllegalStateException when interrupted while waiting; the threads end soon after
   */
  @Override
  public void close() {
    cancel();
    try {
      for (Thread worker : workers) {
        worker.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the bulk resolution's threads", e);
    }
  }
}

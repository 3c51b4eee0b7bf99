package dev.autodiscover.examples.cli;

import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.AutodiscoverResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Resolves many addresses at once with one shared resolver, and hands the results on in the order
 * of the addresses, each as soon as it and every address before it are done.
 *
 * <p>Memory stays bounded whatever the length of the input: at most {@code window} addresses are
 * read ahead, being resolved, or done and waiting for an earlier one; the next address is read
 * only when the oldest of them has been handed on. The results are handed on by whichever pool
 * thread completes the missing one, so they go out while the reading thread waits for input.
 *
 * <p>The pool's threads are daemons named {@code autodiscover-resolve-N}, and every one of them
 * has ended when {@link #run} returns.
 *
 * <p>Thread safety: a {@code BulkResolver} runs one batch at a time.
 */
final class BulkResolver {
  /** Receives the results, one at a time and in input order. */
  @FunctionalInterface
  interface Sink {
    void accept(AddressSource.Line line, AutodiscoverResult result);
  }

  /** Names the pool's threads. */
  static final String THREAD_NAME_PREFIX = "autodiscover-resolve-";

  private final AutodiscoverResolver resolver;
  private final int concurrency;
  private final int window;

  /**
   * @param concurrency how many addresses are resolved at once
   * @param window how many addresses may be read and not yet handed on, at least {@code concurrency}
   */
  BulkResolver(AutodiscoverResolver resolver, int concurrency, int window) {
    if (concurrency < 1 || window < concurrency) {
      throw new IllegalArgumentException("need 1 <= concurrency <= window: " + concurrency + ", " + window);
    }
    this.resolver = resolver;
    this.concurrency = concurrency;
    this.window = window;
  }

  /**
   * Resolves every address of {@code lines}, handing each result to {@code sink} in order.
   *
   * @throws IllegalStateException when a resolution or the sink failed unexpectedly
   * @throws InterruptedException when the calling thread was interrupted; the pool is stopped
   */
  void run(Iterator<AddressSource.Line> lines, Sink sink) throws InterruptedException {
    Threads threads = new Threads();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, threads);
    InOrder inOrder = new InOrder(sink, new Semaphore(window), window);
    boolean finished = false;
    try {
      long index = 0;
      while (true) {
        inOrder.room.acquire();
        if (inOrder.failed() || !lines.hasNext()) {
          break;
        }
        AddressSource.Line line = lines.next();
        long position = index++;
        pool.execute(() -> {
          try {
            inOrder.complete(position, line, resolver.resolve(line.text()));
          } catch (RuntimeException | Error e) {
            inOrder.fail(e);
          }
        });
      }
      pool.shutdown();
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        // every resolution has its own time limit; keep waiting for them
      }
      finished = true;
    } finally {
      if (!finished) {
        pool.shutdownNow();
      }
    }
    threads.join(); // the pool has terminated: each thread is at most returning from its last task
    inOrder.rethrow();
  }

  /** Puts results back in input order and hands them on; {@code room} counts the free places. */
  private static final class InOrder {
    private final Sink sink;
    final Semaphore room;
    private final int window;
    private final Map<Long, Done> waiting = new HashMap<>();
    private long nextToHandOn;
    private Throwable failure;

    InOrder(Sink sink, Semaphore room, int window) {
      this.sink = sink;
      this.room = room;
      this.window = window;
    }

    private record Done(AddressSource.Line line, AutodiscoverResult result) {}

    synchronized void complete(long position, AddressSource.Line line, AutodiscoverResult result) {
      if (failure != null) {
        return;
      }
      waiting.put(position, new Done(line, result));
      Done next;
      while ((next = waiting.remove(nextToHandOn)) != null) {
        try {
          sink.accept(next.line(), next.result());
        } catch (RuntimeException | Error e) {
          fail(e);
          return;
        }
        nextToHandOn++;
        room.release();
      }
    }

    synchronized void fail(Throwable e) {
      if (failure == null) {
        failure = e;
        waiting.clear();
        room.release(window); // the reading thread may be waiting for room that will never come
      }
    }

    synchronized boolean failed() {
      return failure != null;
    }

    synchronized void rethrow() {
      if (failure != null) {
        throw new IllegalStateException("resolving failed unexpectedly: " + failure, failure);
      }
    }
  }

  /** Makes the pool's daemon threads and remembers them, so that {@link #join} can wait for their end. */
  private static final class Threads implements ThreadFactory {
    private final List<Thread> started = new ArrayList<>();

    @Override
    public synchronized Thread newThread(Runnable task) {
      Thread thread = new Thread(task, THREAD_NAME_PREFIX + (started.size() + 1));
      thread.setDaemon(true);
      started.add(thread);
      return thread;
    }

    synchronized void join() throws InterruptedException {
      for (Thread thread : started) {
        thread.join();
      }
    }
  }
}

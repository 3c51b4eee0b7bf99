package dev.autodiscover.internal;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.ErrorCode;
import dev.autodiscover.Probing;
import dev.autodiscover.Redirect;
import dev.autodiscover.ResolutionError;
import dev.autodiscover.event.AttemptFinished;
import dev.autodiscover.event.AttemptStarted;
import dev.autodiscover.event.AutodiscoverListener;
import dev.autodiscover.event.Redirected;
import dev.autodiscover.internal.http.CallWatch;
import dev.autodiscover.spi.Candidate;
import dev.autodiscover.spi.DiscoveryStrategy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the probes of one address in order of precedence, one after another or staggered
 * (see {@link Probing}), and decides which answer is taken.
 *
 * <p>The thread that calls {@link #run()} coordinates; with staggered probing the probes run on
 * {@link DaemonExecutor#PROBES}. Every probe's state is guarded by one lock; events reach the listener under
 * it, so they never overlap.
 */
final class Race {
  private static final Logger log = LoggerFactory.getLogger(Race.class);
  /** How long probes still running when time is up may take to end on their own. */
  private static final long GRACE_NANOS = 250_000_000L;

  private final Probing probing;
  private final Clock clock;
  private final AutodiscoverListener listener;
  private final String email;
  private final Function<Probe, Step> body;
  private final Supplier<Duration> remaining;
  private final int redirectsBefore;
  private final ExecutorService threads;

  final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<Probe> probes = new ArrayList<>();
  private Probe lastStarted;
  private long lastStartNanos;
  private long quietSinceNanos;
  private int deciding;
  private long graceEnd;

  Race(
      ResolverConfig config,
      String email,
      Function<Probe, Step> body,
      Supplier<Duration> remaining,
      int redirectsBefore) {
    this.probing = config.probing();
    this.clock = config.clock();
    this.listener = config.listener();
    this.email = email;
    this.body = body;
    this.remaining = remaining;
    this.redirectsBefore = redirectsBefore;
    this.threads = DaemonExecutor.PROBES;
  }

  /** Adds a candidate that is tried before every strategy (the last known good endpoint). */
  void addCandidate(Candidate candidate, String label) {
    probes.add(Probe.candidate(this, candidate, label));
  }

  /** Adds a strategy, after the probes added so far. */
  void addStrategy(DiscoveryStrategy strategy) {
    probes.add(Probe.lookup(this, strategy));
  }

  /**
   * Runs the race to its end: the answer taken ({@link Step#answers()}), {@link Step.Exhausted}
   * when every probe failed, or {@link Step.TimeUp}. An answer's open attempt is left for the
   * caller to finish.
   */
  Step run() {
    lock.lock();
    try {
      while (true) {
        long now = System.nanoTime();
        Step decided = decide(now);
        if (decided != null) {
          return decided;
        }
        Probe next = nextToStart();
        int running = running();
        if (next == null && running == 0) {
          return new Step.Exhausted();
        }
        if (deciding == 0 && remaining.get().isZero()) {
          // Probes are bounded by the same limit: a moment's grace lets them tell their own story.
          if (graceEnd == 0) {
            graceEnd = now + GRACE_NANOS;
          }
          if (running == 0 || now - graceEnd >= 0) {
            return timeUp();
          }
          awaitQuietly(graceEnd - now);
          continue;
        }
        if (next != null && mayStart(now, running)) {
          start(next, now);
          continue;
        }
        try {
          changed.awaitNanos(waitNanos(now, next, running));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          abandonAll(AttemptOutcome.ABANDONED, "abandoned: the resolution was interrupted");
          return new Step.Stop(new ResolutionError(ErrorCode.ABORTED, "the resolution of " + email + " was interrupted"));
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private void awaitQuietly(long nanos) {
    try {
      changed.awaitNanos(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Returns the attempts of every probe that ran, in order of precedence. */
  List<Attempt> attempts() {
    lock.lock();
    try {
      List<Attempt> all = new ArrayList<>();
      probes.forEach(probe -> all.addAll(probe.attempts));
      return all;
    } finally {
      lock.unlock();
    }
  }

  /** Returns the redirects every probe met, in order of precedence. */
  List<Redirect> redirects() {
    lock.lock();
    try {
      List<Redirect> all = new ArrayList<>();
      probes.forEach(probe -> all.addAll(probe.redirects));
      return all;
    } finally {
      lock.unlock();
    }
  }

  /** Returns the redirects followed by the probes in the story (those not abandoned). */
  int redirectsFollowed() {
    lock.lock();
    try {
      return probes.stream().filter(p -> p.state != Probe.State.ABANDONED).mapToInt(p -> p.redirectsFollowed).sum();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns the answer to take now, if any: the first answer whose probes before it all failed,
   * or whose patience has run out for those still running (they are then abandoned).
   */
  private Step decide(long now) {
    for (int i = 0; i < probes.size(); i++) {
      Probe probe = probes.get(i);
      switch (probe.state) {
        case FAILED, ABANDONED -> {
          continue;
        }
        case ANSWERED -> {
          return take(probe);
        }
        default -> {
          Probe answered = firstAnswerAfter(i);
          if (answered == null || deciding > 0 || now < patienceEnd(answered)) {
            return null;
          }
          String why = "abandoned: " + describe(answered) + " answered " + probing.patience().orElseThrow().toMillis()
              + " ms earlier and comes after this one";
          for (int j = i; probes.get(j) != answered; j++) {
            if (probes.get(j).state == Probe.State.NEW || probes.get(j).state == Probe.State.RUNNING) {
              abandon(probes.get(j), AttemptOutcome.ABANDONED, why);
            }
          }
          return take(answered);
        }
      }
    }
    return null;
  }

  /**
   * Ends the race at its time limit: an answer already in is taken, the probes before it being
   * stopped; otherwise every probe still running is stopped.
   */
  private Step timeUp() {
    String why = "stopped: the resolution's time limit was reached";
    for (Probe probe : probes) {
      if (probe.state == Probe.State.ANSWERED) {
        for (Probe before : probes) {
          if (before == probe) {
            break;
          }
          if (before.state == Probe.State.NEW || before.state == Probe.State.RUNNING) {
            abandon(before, AttemptOutcome.TIMEOUT, why);
          }
        }
        return take(probe);
      }
    }
    abandonAll(AttemptOutcome.TIMEOUT, why);
    return new Step.TimeUp();
  }

  private Step take(Probe winner) {
    String why = "abandoned: " + describe(winner) + " answered first";
    for (Probe probe : probes) {
      if (probe != winner && probe.state != Probe.State.FAILED && probe.state != Probe.State.ABANDONED) {
        abandon(probe, AttemptOutcome.ABANDONED, why);
      }
    }
    log.debug("{}: {} taken", email, winner);
    return winner.answer;
  }

  private Probe firstAnswerAfter(int index) {
    for (int j = index + 1; j < probes.size(); j++) {
      if (probes.get(j).state == Probe.State.ANSWERED) {
        return probes.get(j);
      }
    }
    return null;
  }

  private long patienceEnd(Probe answered) {
    Optional<Duration> patience = probing.patience();
    if (patience.isEmpty()) {
      return Long.MAX_VALUE;
    }
    long since = quietSinceNanos != 0 && quietSinceNanos - answered.answeredNanos > 0
        ? quietSinceNanos : answered.answeredNanos;
    return since + patience.get().toNanos();
  }

  /** Returns the first probe not started yet, unless an answer comes before it: it could not win. */
  private Probe nextToStart() {
    for (Probe probe : probes) {
      if (probe.state == Probe.State.ANSWERED) {
        return null;
      }
      if (probe.state == Probe.State.NEW) {
        return probe;
      }
    }
    return null;
  }

  private int running() {
    int running = 0;
    for (Probe probe : probes) {
      if (probe.state == Probe.State.RUNNING) {
        running++;
      }
    }
    return running;
  }

  private boolean mayStart(long now, int running) {
    if (probing.isSequential()) {
      return running == 0;
    }
    return running < Probing.MAX_IN_FLIGHT
        && (running == 0 || lastStarted.state != Probe.State.RUNNING || staggerEnd() - now <= 0);
  }

  private long waitNanos(long now, Probe next, int running) {
    long wait = Math.max(1, remaining.get().toNanos());
    if (next != null && running < Probing.MAX_IN_FLIGHT && !probing.isSequential()) {
      wait = Math.min(wait, staggerEnd() - now);
    }
    if (deciding == 0) {
      for (Probe probe : probes) {
        if (probe.state == Probe.State.ANSWERED) {
          wait = Math.min(wait, patienceEnd(probe) - now);
        }
      }
    }
    return Math.max(wait, 1_000_000);
  }

  /**
   * Returns when the next probe may start while the last one runs: a stagger after the last start,
   * or never once the last probe's server has answered the handshake.
   */
  private long staggerEnd() {
    return lastStarted.connected ? Long.MAX_VALUE / 2 : lastStartNanos + probing.stagger().orElseThrow().toNanos();
  }

  private void start(Probe probe, long now) {
    probe.state = Probe.State.RUNNING;
    lastStarted = probe;
    lastStartNanos = now;
    log.debug("{}: starting {}", email, probe);
    if (probing.isSequential()) {
      lock.unlock();
      try {
        runProbe(probe);
      } finally {
        lock.lock();
      }
      return;
    }
    // Not interrupted when abandoned: its HTTP calls are cancelled instead, and its lookups are bounded.
    threads.execute(() -> runProbe(probe));
  }

  private void runProbe(Probe probe) {
    Step[] step = {new Step.NextCandidate()};
    CallWatch.watching(probe, () -> {
      try {
        step[0] = body.apply(probe);
      } catch (RuntimeException e) {
        log.warn("{}: {} failed", email, probe, e);
        probe.failed(e);
      }
    });
    ended(probe, step[0]);
  }

  /** A probe's server answered the handshake: it is alive, and the next probe waits for it to fail. */
  void connected(Probe probe) {
    lock.lock();
    try {
      if (!probe.connected) {
        probe.connected = true;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  private void ended(Probe probe, Step step) {
    lock.lock();
    try {
      if (probe.state != Probe.State.RUNNING) {
        return;
      }
      if (step instanceof Step.Expand expand) {
        int at = probes.indexOf(probe) + 1;
        for (Candidate candidate : expand.candidates()) {
          probes.add(at++, Probe.candidate(this, candidate, ""));
        }
        probe.state = Probe.State.FAILED;
      } else if (step.answers()) {
        probe.state = Probe.State.ANSWERED;
        probe.answer = step;
        probe.answeredNanos = System.nanoTime();
      } else {
        probe.state = Probe.State.FAILED;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void abandonAll(AttemptOutcome outcome, String detail) {
    for (Probe probe : probes) {
      if (probe.state == Probe.State.NEW || probe.state == Probe.State.RUNNING || probe.state == Probe.State.ANSWERED) {
        abandon(probe, outcome, detail);
      }
    }
  }

  /** Gives up on a probe: its open attempts end with {@code outcome}, its calls are cancelled. */
  private void abandon(Probe probe, AttemptOutcome outcome, String detail) {
    if (probe.state != Probe.State.NEW) {
      log.debug("{}: {} {}", email, probe, detail);
    }
    probe.abandon(outcome, detail);
    changed.signalAll();
  }

  static void quietly(Runnable cancel) {
    try {
      cancel.run();
    } catch (RuntimeException e) {
      log.debug("cancelling failed", e);
    }
  }

  /** Tells the listener an attempt started; called under the lock. */
  void started(DiscoveryMethod method, String url) {
    log.debug("{}: {} {} started", email, method, url);
    listener.attemptStarted(new AttemptStarted(email, method, url, clock.instant()));
  }

  /** Tells the listener an attempt ended; called under the lock. */
  void finished(Attempt attempt) {
    log.debug("{}: {}", email, attempt);
    listener.attemptFinished(new AttemptFinished(email, attempt));
    changed.signalAll();
  }

  /** Tells the listener of a redirect; called under the lock. */
  void redirected(Redirect redirect) {
    log.debug("{}: redirect {}", email, redirect);
    listener.redirected(new Redirected(email, redirect));
  }

  <T> Optional<T> whenNextInLine(Probe probe, Supplier<T> decision) {
    lock.lock();
    try {
      while (probe.state != Probe.State.ABANDONED && !nextInLine(probe)) {
        changed.await();
      }
      if (probe.state == Probe.State.ABANDONED) {
        return Optional.empty();
      }
      deciding++;
      probe.deciding = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      lock.unlock();
    }
    try {
      return Optional.ofNullable(decision.get());
    } finally {
      lock.lock();
      try {
        deciding--;
        probe.deciding = false;
        quietSinceNanos = System.nanoTime();
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private boolean nextInLine(Probe probe) {
    for (Probe before : probes) {
      if (before == probe) {
        return true;
      }
      if (before.state != Probe.State.FAILED && before.state != Probe.State.ABANDONED) {
        return false;
      }
    }
    return false;
  }

  /** Returns whether a probe before {@code probe} tried {@code key}; called under the lock. */
  boolean triedBefore(Probe probe, String key) {
    for (Probe before : probes) {
      if (before == probe) {
        return false;
      }
      if (before.urls.contains(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the redirects followed in the story up to and including {@code probe}: those of the
   * addresses before, and of every probe not abandoned; called under the lock.
   */
  int redirectsUpTo(Probe probe) {
    int count = redirectsBefore;
    for (Probe before : probes) {
      if (before.state != Probe.State.ABANDONED || before == probe) {
        count += before.redirectsFollowed;
      }
      if (before == probe) {
        break;
      }
    }
    return count;
  }

  private static String describe(Probe probe) {
    if (probe.answer instanceof Step.Found found) {
      return found.endpoint().url().toString();
    }
    if (probe.answer instanceof Step.Restart restart) {
      return restart.answeredBy().url().toString();
    }
    return probe.candidate().map(c -> c.url().toString()).orElse(probe.toString());
  }
}

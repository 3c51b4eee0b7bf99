package dev.autodiscover.internal;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.Dialect;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Redirect;
import dev.autodiscover.internal.http.CallWatch;
import dev.autodiscover.spi.Candidate;
import dev.autodiscover.spi.DiscoveryStrategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.Call;

/**
 * One unit of work in a {@link Race}: a strategy looking for candidates, or one candidate being
 * tried. It keeps its own part of the story; the race puts the parts together in order of
 * precedence. Its fields are guarded by the race's lock; its methods may be called from any thread.
 */
final class Probe implements CallWatch {
  enum State { NEW, RUNNING, FAILED, ANSWERED, ABANDONED }

  private final Race race;
  private final DiscoveryStrategy strategy;
  private final Candidate candidate;
  private final String label;

  State state = State.NEW;
  Step answer;
  long answeredNanos;
  boolean deciding;
  boolean connected;
  int redirectsFollowed;
  final List<Attempt> attempts = new ArrayList<>();
  final List<Redirect> redirects = new ArrayList<>();
  final Set<AttemptTimer> open = new LinkedHashSet<>();
  final List<Runnable> cancellers = new ArrayList<>();
  final Set<String> urls = new HashSet<>();

  private Probe(Race race, DiscoveryStrategy strategy, Candidate candidate, String label) {
    this.race = race;
    this.strategy = strategy;
    this.candidate = candidate;
    this.label = label;
  }

  static Probe lookup(Race race, DiscoveryStrategy strategy) {
    return new Probe(race, strategy, null, "");
  }

  static Probe candidate(Race race, Candidate candidate, String label) {
    return new Probe(race, null, candidate, label);
  }

  /** Returns the strategy this probe asks for candidates, when it is a lookup. */
  Optional<DiscoveryStrategy> strategy() {
    return Optional.ofNullable(strategy);
  }

  /** Returns the candidate this probe tries, when it is not a lookup. */
  Optional<Candidate> candidate() {
    return Optional.ofNullable(candidate);
  }

  /** Returns what is said of this probe's attempts beyond their own detail (where the candidate came from), or "". */
  String label() {
    return label;
  }

  /** Starts an attempt that speaks no dialect, recorded in this probe's part of the story. */
  AttemptTimer begin(DiscoveryMethod method, String url) {
    return begin(method, url, Optional.empty());
  }

  /** Starts an attempt at an Autodiscover URL in {@code dialect}. */
  AttemptTimer begin(DiscoveryMethod method, String url, Dialect dialect) {
    return begin(method, url, Optional.of(dialect));
  }

  private AttemptTimer begin(DiscoveryMethod method, String url, Optional<Dialect> dialect) {
    race.lock.lock();
    try {
      AttemptTimer timer = new AttemptTimer(method, url, dialect, this::recordAttempt);
      if (state == State.ABANDONED) {
        return timer; // never recorded: the race no longer listens to this probe
      }
      open.add(timer);
      race.started(method, url);
      return timer;
    } finally {
      race.lock.unlock();
    }
  }

  private void recordAttempt(AttemptTimer timer, Attempt attempt) {
    race.lock.lock();
    try {
      if (!open.remove(timer)) {
        return;
      }
      Attempt told = label.isEmpty() ? attempt : attempt.withDetail(label + ": " + attempt.detail());
      attempts.add(told);
      race.finished(told);
    } finally {
      race.lock.unlock();
    }
  }

  /**
   * Gives up on this probe: its open attempts end with {@code outcome}, its calls are cancelled.
   * Called by the race, under its lock.
   */
  void abandon(AttemptOutcome outcome, String detail) {
    state = State.ABANDONED;
    for (AttemptTimer timer : List.copyOf(open)) {
      timer.abandon(outcome, detail);
    }
    List<Runnable> cancel = List.copyOf(cancellers);
    cancellers.clear();
    cancel.forEach(Race::quietly);
  }

  /**
   * Ends the attempts this probe left open when it failed with an unexpected exception (a host
   * application's HTTP interceptor that throws, say), so that the story keeps them.
   */
  void failed(RuntimeException e) {
    race.lock.lock();
    try {
      for (AttemptTimer timer : List.copyOf(open)) {
        timer.abandon(AttemptOutcome.ABANDONED, "stopped by an unexpected error: " + ServerText.oneLine(e.toString()));
      }
    } finally {
      race.lock.unlock();
    }
  }

  /**
   * Runs a host decision once this probe is next in line; empty when the probe was abandoned first.
   */
  <T> Optional<T> whenNextInLine(Supplier<T> decision) {
    return race.whenNextInLine(this, decision);
  }

  /** Runs {@code cancel} when the probe is abandoned, at once if it already was. */
  void onCancel(Runnable cancel) {
    race.lock.lock();
    try {
      if (state == State.ABANDONED) {
        Race.quietly(cancel);
      } else {
        cancellers.add(cancel);
      }
    } finally {
      race.lock.unlock();
    }
  }

  @Override
  public void calling(Call call) {
    onCancel(call::cancel);
  }

  @Override
  public void connected() {
    race.connected(this);
  }

  /** Claims {@code key} (a candidate URL) for this probe. */
  void claim(String key) {
    race.lock.lock();
    try {
      urls.add(key);
    } finally {
      race.lock.unlock();
    }
  }

  /** Returns whether this probe, or one before it, tried {@code key}. */
  boolean tried(String key) {
    race.lock.lock();
    try {
      return urls.contains(key) || race.triedBefore(this, key);
    } finally {
      race.lock.unlock();
    }
  }

  /** Returns the redirects followed so far in the story up to this probe. */
  int redirectsSoFar() {
    race.lock.lock();
    try {
      return race.redirectsUpTo(this);
    } finally {
      race.lock.unlock();
    }
  }

  /** Counts one redirect followed by this probe. */
  void followed() {
    race.lock.lock();
    try {
      redirectsFollowed++;
    } finally {
      race.lock.unlock();
    }
  }

  /** Records a redirect met by this probe, unless the race has given up on it. */
  void record(Redirect redirect) {
    race.lock.lock();
    try {
      if (state != State.ABANDONED) {
        redirects.add(redirect);
        race.redirected(redirect);
      }
    } finally {
      race.lock.unlock();
    }
  }

  @Override
  public String toString() {
    return strategy != null ? "lookup " + strategy.method() : "candidate " + candidate.url();
  }
}

package dev.autodiscover.internal;

import dev.autodiscover.Attempt;
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

  /** Starts an attempt recorded in this probe's part of the story. */
  AttemptTimer begin(DiscoveryMethod method, String url) {
    return race.begin(this, method, url);
  }

  /**
   * Runs a host decision once this probe is next in line; empty when the probe was abandoned first.
   */
  <T> Optional<T> whenNextInLine(Supplier<T> decision) {
    return race.whenNextInLine(this, decision);
  }

  /** Runs {@code cancel} when the probe is abandoned, at once if it already was. */
  void onCancel(Runnable cancel) {
    race.onCancel(this, cancel);
  }

  @Override
  public void calling(Call call) {
    onCancel(call::cancel);
  }

  @Override
  public void connected() {
    race.connected(this);
  }

  /** Claims {@code key} (a candidate URL) for this probe; true when no probe before it claimed it. */
  boolean claim(String key) {
    return race.claim(this, key);
  }

  /** Returns whether this probe, or one before it, tried {@code key}. */
  boolean tried(String key) {
    return race.tried(this, key);
  }

  /** Returns the redirects followed so far in the story up to this probe. */
  int redirectsSoFar() {
    return race.redirectsSoFar(this);
  }

  /** Counts one redirect followed by this probe. */
  void followed() {
    race.followed(this);
  }

  /** Records a redirect met by this probe. */
  void record(Redirect redirect) {
    race.record(this, redirect);
  }

  /** Returns whether the race has given up on this probe. */
  boolean abandoned() {
    return race.abandoned(this);
  }

  @Override
  public String toString() {
    return strategy != null ? "lookup " + strategy.method() : "candidate " + candidate.url();
  }
}

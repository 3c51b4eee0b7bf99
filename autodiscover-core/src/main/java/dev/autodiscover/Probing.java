package dev.autodiscover;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a resolver works through its candidates: {@linkplain #sequential() one after another}, as
 * Outlook does, or {@linkplain #staggered() staggered}, so that a candidate that does not answer
 * costs a fraction of a second instead of a whole timeout.
 *
 * <p>Staggered probing keeps the order of precedence. Candidate k+1 starts when candidate k has
 * failed, or when {@link #stagger()} has passed since k started and k's server has still not
 * completed the TLS handshake; a server that has is alive, and is given until it fails. (A
 * strategy's own lookups — DNS, LDAP — count from their start alone.) A candidate's answer is taken only
 * once every candidate before it has failed, or has run for {@link #patience()} past that answer
 * without answering itself, and is then abandoned (its sockets closed, its attempt recorded as
 * {@link AttemptOutcome#ABANDONED}). When every candidate answers within the stagger, the result,
 * the attempts and their order, and the redirects are exactly those of a sequential run. Redirect
 * consent and certificate decisions are asked only of the candidate next in line, never of one that
 * may still be overtaken, and never two at once; while the host application decides, patience does
 * not run out. At most {@value #MAX_IN_FLIGHT} candidates of one resolution run at once.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * AutodiscoverResolver resolver = AutodiscoverResolver.builder()
 *     .probing(Probing.staggered(Duration.ofMillis(300), Duration.ofSeconds(1)))
 *     .build();
 * }</pre>
 */
public final class Probing {
  /** The default time between the starts of two candidates: 250 ms. */
  public static final Duration DEFAULT_STAGGER = Duration.ofMillis(250);
  /** The default time an answer waits for the candidates before it: 500 ms. */
  public static final Duration DEFAULT_PATIENCE = Duration.ofMillis(500);
  /** At most this many candidates of one resolution run at the same time. */
  public static final int MAX_IN_FLIGHT = 4;

  private static final Probing SEQUENTIAL = new Probing(null, null);
  private static final Probing STAGGERED = new Probing(DEFAULT_STAGGER, DEFAULT_PATIENCE);

  private final Duration stagger;
  private final Duration patience;

  private Probing(Duration stagger, Duration patience) {
    this.stagger = stagger;
    this.patience = patience;
  }

  /** Returns sequential probing: a candidate starts only when the one before it has failed. */
  public static Probing sequential() {
    return SEQUENTIAL;
  }

  /**
   * Returns staggered probing with the defaults, {@link #DEFAULT_STAGGER} and
   * {@link #DEFAULT_PATIENCE}. This is the resolver's default.
   */
  public static Probing staggered() {
    return STAGGERED;
  }

  /**
   * Returns staggered probing.
   *
   * @param stagger how long a candidate runs alone before the next one starts
   * @param patience how long an answer waits for the candidates before it to end
   * @throws IllegalArgumentException when either is negative or zero
   */
  public static Probing staggered(Duration stagger, Duration patience) {
    return new Probing(positive(stagger, "stagger"), positive(patience, "patience"));
  }

  /** Returns true for {@link #sequential()}. */
  public boolean isSequential() {
    return stagger == null;
  }

  /** Returns how long a candidate runs alone before the next starts; empty when sequential. */
  public Optional<Duration> stagger() {
    return Optional.ofNullable(stagger);
  }

  /** Returns how long an answer waits for the candidates before it; empty when sequential. */
  public Optional<Duration> patience() {
    return Optional.ofNullable(patience);
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Probing that
        && Objects.equals(stagger, that.stagger)
        && Objects.equals(patience, that.patience);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stagger, patience);
  }

  @Override
  public String toString() {
    return isSequential()
        ? "Probing.sequential()"
        : "Probing.staggered(" + stagger.toMillis() + " ms, " + patience.toMillis() + " ms)";
  }
}

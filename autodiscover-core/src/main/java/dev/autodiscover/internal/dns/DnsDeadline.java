package dev.autodiscover.internal.dns;

import java.time.Duration;
import java.util.Objects;

/**
 * A time limit for the DNS lookups that one thread makes from code that cannot be handed a
 * timeout, such as OkHttp's {@code Dns.lookup(hostname)}: the caller runs its work {@link #within}
 * a budget, and the lookup asks for {@link #remainingOr} its usual bound.
 *
 * <pre>{@code
 * Response response = DnsDeadline.within(remaining, call::execute);
 * }</pre>
 *
 * <p>Scopes nest: an inner budget never outlasts the outer one. Thread safety: each thread sees only
 * the limit of the work it is running itself; work handed to another thread runs without a limit.
 */
public final class DnsDeadline {

  /** Longer budgets are cut to this, so that adding one to the clock cannot overflow. */
  private static final Duration LONGEST = Duration.ofDays(1);

  /** The {@link System#nanoTime()} at which this thread's budget ends; absent outside any scope. */
  private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

  private DnsDeadline() {}

  /** Work that returns a value or throws {@code E}, such as {@code call::execute}. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  /**
   * Runs {@code work} on this thread with its DNS lookups bounded by {@code budget} from now (or by
   * an enclosing scope's limit, when that ends sooner), and returns what it returns.
   *
   * @param budget how long lookups may still take; zero or less means the time is already up
   * @throws E what {@code work} throws
   */
  public static <T, E extends Exception> T within(Duration budget, Work<T, E> work) throws E {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(work, "work");
    Duration capped = budget.isNegative() ? Duration.ZERO : budget.compareTo(LONGEST) > 0 ? LONGEST : budget;
    long deadline = System.nanoTime() + capped.toNanos();
    Long outer = DEADLINE.get();
    if (outer != null && outer - deadline < 0) {
      deadline = outer;
    }
    DEADLINE.set(deadline);
    try {
      return work.run();
    } finally {
      if (outer == null) {
        DEADLINE.remove();
      } else {
        DEADLINE.set(outer);
      }
    }
  }

  /**
   * Returns how long this thread's current scope still allows, zero when its time is up, or
   * {@code fallback} when the thread runs outside any scope.
   */
  public static Duration remainingOr(Duration fallback) {
    Objects.requireNonNull(fallback, "fallback");
    Long deadline = DEADLINE.get();
    if (deadline == null) {
      return fallback;
    }
    long left = deadline - System.nanoTime();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }
}

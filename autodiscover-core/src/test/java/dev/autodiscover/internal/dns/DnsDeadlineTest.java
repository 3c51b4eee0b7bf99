package dev.autodiscover.internal.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The time limit a thread's work sets for the DNS lookups made inside it. */
class DnsDeadlineTest {
  private static final Duration FALLBACK = Duration.ofSeconds(15);
  private static final Duration A_DAY = Duration.ofDays(1);

  @Test
  void outsideAnyScopeTheFallbackApplies() {
    assertThat(DnsDeadline.remainingOr(FALLBACK)).isEqualTo(FALLBACK);
  }

  @Test
  void insideAScopeWhatIsLeftOfItsBudgetApplies() {
    Duration remaining = DnsDeadline.within(Duration.ofSeconds(10), () -> DnsDeadline.remainingOr(FALLBACK));

    assertThat(remaining).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void budgetAlreadySpentLeavesNoTime() {
    assertThat(DnsDeadline.within(Duration.ofSeconds(-1), () -> DnsDeadline.remainingOr(FALLBACK))).isZero();
    assertThat(DnsDeadline.within(Duration.ZERO, () -> DnsDeadline.remainingOr(FALLBACK))).isZero();
  }

  @Test
  void innerScopeNeverOutlastsTheOuterOne() {
    Duration remaining = DnsDeadline.within(Duration.ofSeconds(1),
        () -> DnsDeadline.within(A_DAY, () -> DnsDeadline.remainingOr(FALLBACK)));

    assertThat(remaining).isLessThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shorterInnerScopeAppliesInsideItAndTheOuterOneAfterIt() {
    Duration[] inner = new Duration[1];
    Duration after = DnsDeadline.within(A_DAY, () -> {
      inner[0] = DnsDeadline.within(Duration.ofSeconds(1), () -> DnsDeadline.remainingOr(FALLBACK));
      return DnsDeadline.remainingOr(FALLBACK);
    });

    assertThat(inner[0]).isLessThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(after).isGreaterThan(Duration.ofHours(23));
  }

  @Test
  void scopeEndsWhenItsWorkThrows() {
    assertThatThrownBy(() -> DnsDeadline.within(Duration.ofSeconds(1), () -> {
      throw new IOException("connection reset");
    })).isInstanceOf(IOException.class).hasMessage("connection reset");

    assertThat(DnsDeadline.remainingOr(FALLBACK)).isEqualTo(FALLBACK);
  }

  @Test
  void otherThreadsAreNotBoundByThisThreadsScope() {
    Duration elsewhere = DnsDeadline.within(Duration.ofSeconds(1),
        () -> CompletableFuture.supplyAsync(() -> DnsDeadline.remainingOr(FALLBACK)).join());

    assertThat(elsewhere).isEqualTo(FALLBACK);
  }
}

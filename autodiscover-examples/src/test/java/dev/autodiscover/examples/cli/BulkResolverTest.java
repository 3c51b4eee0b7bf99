package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodiscover.AutodiscoverResolver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The bulk machinery on its own, fed addresses that are not addresses: they resolve at once,
 * without a network, into {@code INVALID_EMAIL} results.
 */
class BulkResolverTest {
  private final AutodiscoverResolver resolver = AutodiscoverResolver.builder().build();

  /** Lines {@code not-an-address-1} to {@code -count}, counting how many were read. */
  private static final class CountingLines implements Iterator<AddressSource.Line> {
    private final long count;
    final AtomicLong read = new AtomicLong();
    final AtomicLong handedOn = new AtomicLong();
    long mostAhead;

    CountingLines(long count) {
      this.count = count;
    }

    @Override
    public boolean hasNext() {
      return read.get() < count;
    }

    @Override
    public AddressSource.Line next() {
      long number = read.incrementAndGet();
      mostAhead = Math.max(mostAhead, number - handedOn.get());
      return new AddressSource.Line("not-an-address-" + number, number);
    }
  }

  @Test
  void readsNoFurtherAheadThanItsWindowAndHandsEveryResultOnInOrder() throws Exception {
    CountingLines lines = new CountingLines(5_000);
    List<Long> order = new ArrayList<>();

    new BulkResolver(resolver, 4, 16).run(lines, (line, result) -> {
      order.add(line.number());
      assertThat(result.email()).isEqualTo(line.text());
      lines.handedOn.incrementAndGet();
    });

    assertThat(order).hasSize(5_000).isSorted();
    assertThat(lines.mostAhead).isLessThanOrEqualTo(16);
  }

  @Test
  void endsEveryThreadOfItsPoolBeforeReturning() throws Exception {
    new BulkResolver(resolver, 8, 32).run(new CountingLines(200), (line, result) -> { });

    assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Thread::isAlive).extracting(Thread::getName)
        .noneMatch(name -> name.startsWith(BulkResolver.THREAD_NAME_PREFIX));
  }

  @Test
  void stopsAndSaysSoWhenTheReceiverFails() {
    CountingLines lines = new CountingLines(1_000);

    assertThatThrownBy(() -> new BulkResolver(resolver, 2, 8).run(lines, (line, result) -> {
      if (line.number() == 3) {
        throw new IllegalStateException("disk full");
      }
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("disk full");
    assertThat(lines.read.get()).isLessThan(1_000);
  }
}

package dev.autodiscover.benchmarks.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkLayoutTest {

  private final BulkLayout layout = BulkLayout.of(100, 10_000, 2026);

  @Test
  void everyThirdDomainIsBrokenAndEachHasAHundredAddresses() {
    assertThat(layout.broken()).hasSize(33).contains("tenant002.test", "tenant098.test")
        .doesNotContain("tenant000.test", "tenant099.test");
    Map<String, Long> perDomain = layout.addresses().stream()
        .collect(Collectors.groupingBy(BulkLayout::domainOf, Collectors.counting()));
    assertThat(perDomain).hasSize(100).allSatisfy((domain, count) -> assertThat(count).isEqualTo(100));
    assertThat(layout.brokenShare()).isEqualTo(0.33);
  }

  @Test
  void orderIsShuffledTheSameWayForTheSameSeed() {
    assertThat(layout.addresses()).isEqualTo(BulkLayout.of(100, 10_000, 2026).addresses())
        .isNotEqualTo(BulkLayout.of(100, 10_000, 1).addresses());
    assertThat(layout.addresses().subList(0, 100).stream().map(BulkLayout::domainOf).distinct())
        .hasSizeGreaterThan(30);
  }

  @Test
  void sampleKeepsTheShareOfBrokenDomainsAndTheListOrder() {
    List<String> sample = layout.sample(200);

    assertThat(sample).hasSize(200).doesNotHaveDuplicates();
    assertThat(sample.stream().filter(email -> layout.isBroken(BulkLayout.domainOf(email)))).hasSize(66);
    Map<String, Integer> position = IntStream.range(0, layout.addresses().size()).boxed()
        .collect(Collectors.toMap(layout.addresses()::get, Function.identity()));
    assertThat(sample).isSortedAccordingTo((a, b) -> position.get(a) - position.get(b));
    assertThat(sample.stream().map(BulkLayout::domainOf).distinct()).hasSizeGreaterThan(50);
  }

  @Test
  void sampleAsLargeAsTheListIsTheList() {
    assertThat(layout.sample(10_000)).isEqualTo(layout.addresses());
  }
}

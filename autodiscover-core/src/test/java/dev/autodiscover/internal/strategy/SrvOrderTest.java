package dev.autodiscover.internal.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.spi.SrvRecord;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SrvOrderTest {

  @Test
  void triesLowerPriorityFirstWhateverTheWeights() {
    List<SrvRecord> records = List.of(
        new SrvRecord(20, 100, 443, "backup.contoso.com"),
        new SrvRecord(10, 0, 443, "primary.contoso.com"),
        new SrvRecord(30, 5, 443, "last.contoso.com"));

    List<SrvRecord> ordered = SrvOrder.order(records, new Random(1)::nextInt);

    assertThat(ordered).extracting(SrvRecord::target)
        .containsExactly("primary.contoso.com", "backup.contoso.com", "last.contoso.com");
  }

  @Test
  void choosesWithinAPriorityInProportionToWeight() {
    List<SrvRecord> records = List.of(
        new SrvRecord(0, 90, 443, "heavy.contoso.com"),
        new SrvRecord(0, 10, 443, "light.contoso.com"));
    Random random = new Random(42);
    int heavyFirst = 0;
    for (int i = 0; i < 10_000; i++) {
      if (SrvOrder.order(records, random::nextInt).get(0).target().equals("heavy.contoso.com")) {
        heavyFirst++;
      }
    }

    assertThat(heavyFirst).isBetween(8_800, 9_200);
  }

  @Test
  void givesZeroWeightRecordsOnlyASmallChanceToGoFirst() {
    List<SrvRecord> records = List.of(
        new SrvRecord(0, 0, 443, "zero.contoso.com"),
        new SrvRecord(0, 99, 443, "weighted.contoso.com"));
    Random random = new Random(7);
    int zeroFirst = 0;
    for (int i = 0; i < 10_000; i++) {
      if (SrvOrder.order(records, random::nextInt).get(0).target().equals("zero.contoso.com")) {
        zeroFirst++;
      }
    }

    assertThat(zeroFirst).isBetween(50, 160);
  }

  @Test
  void keepsEveryRecordExactlyOnce() {
    List<SrvRecord> records = List.of(
        new SrvRecord(1, 1, 443, "a"), new SrvRecord(1, 1, 443, "b"),
        new SrvRecord(1, 0, 443, "c"), new SrvRecord(2, 3, 443, "d"));

    assertThat(SrvOrder.order(records, new Random(3)::nextInt)).containsExactlyInAnyOrderElementsOf(records);
  }
}

package dev.autodiscover.internal.strategy;

import dev.autodiscover.spi.SrvRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/** Orders SRV records as RFC 2782 says: lowest priority first, weighted choice within a priority. */
final class SrvOrder {
  private SrvOrder() {}

  /**
   * Returns {@code records} in the order to try them.
   *
   * @param random returns a uniformly chosen int in {@code [0, bound)}
   */
  static List<SrvRecord> order(List<SrvRecord> records, IntUnaryOperator random) {
    Map<Integer, List<SrvRecord>> byPriority = new TreeMap<>();
    for (SrvRecord record : records) {
      byPriority.computeIfAbsent(record.priority(), p -> new ArrayList<>()).add(record);
    }
    List<SrvRecord> ordered = new ArrayList<>(records.size());
    for (List<SrvRecord> group : byPriority.values()) {
      // RFC 2782: records of weight 0 go first in the list, so they keep a small chance.
      List<SrvRecord> remaining = new ArrayList<>(group);
      remaining.sort(Comparator.comparingInt(SrvRecord::weight));
      while (!remaining.isEmpty()) {
        int total = 0;
        for (SrvRecord record : remaining) {
          total += record.weight();
        }
        int pick = random.applyAsInt(total + 1);
        int running = 0;
        for (int i = 0; i < remaining.size(); i++) {
          running += remaining.get(i).weight();
          if (running >= pick) {
            ordered.add(remaining.remove(i));
            break;
          }
        }
      }
    }
    return ordered;
  }
}

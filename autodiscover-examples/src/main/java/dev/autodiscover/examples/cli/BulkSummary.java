package dev.autodiscover.examples.cli;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.ErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The counts behind the few lines that end a bulk run: how many addresses resolved, by which
 * method, why the others did not, which attempt outcomes the addresses met, and which input lines
 * were not addresses. Its size does not grow with the input beyond a few line numbers.
 *
 * <pre>
 * Summary: 6 addresses: 3 resolved, 2 not resolved, 1 bad line
 *   endpoint method:   PREFIXED_HOST 2, SRV 1
 *   error code:        NO_ENDPOINT 2
 *   attempt outcomes:  DNS_FAILED 5, CERTIFICATE_REJECTED 1 (addresses)
 *   bad lines:         4
 * </pre>
 *
 * <p>Thread safety: not thread-safe; results are added one at a time.
 */
final class BulkSummary {
  private static final int LINE_NUMBERS_SHOWN = 10;
  /** The order of the design, for methods met equally often. */
  private static final List<DiscoveryMethod> METHOD_ORDER = List.of(DiscoveryMethod.SCP,
      DiscoveryMethod.A_RECORD, DiscoveryMethod.PREFIXED_HOST, DiscoveryMethod.HTTP_REDIRECT, DiscoveryMethod.SRV);
  /** Outcomes left out of the attempt counts: success is counted as resolved, and a skipped step was not tried. */
  private static final Set<AttemptOutcome> NOT_COUNTED = EnumSet.of(AttemptOutcome.SUCCESS, AttemptOutcome.SKIPPED);

  private long addresses;
  private long resolved;
  private long badLines;
  private final Map<DiscoveryMethod, Long> methods = new HashMap<>();
  private final Map<ErrorCode, Long> errors = new EnumMap<>(ErrorCode.class);
  private final Map<AttemptOutcome, Long> outcomes = new EnumMap<>(AttemptOutcome.class);
  private final List<Long> badLineNumbers = new ArrayList<>();

  /** Returns whether {@code result} says its address is not one: a bad input line. */
  static boolean isBadAddress(AutodiscoverResult result) {
    return result.error().filter(error -> error.code() == ErrorCode.INVALID_EMAIL).isPresent();
  }

  /** Counts one result. */
  void add(AddressSource.Line line, AutodiscoverResult result) {
    addresses++;
    if (isBadAddress(result)) {
      badLines++;
      if (badLineNumbers.size() < LINE_NUMBERS_SHOWN) {
        badLineNumbers.add(line.number());
      }
      return;
    }
    if (result.resolved()) {
      resolved++;
      methods.merge(result.endpoint().get().method(), 1L, Long::sum);
    } else {
      errors.merge(result.error().get().code(), 1L, Long::sum);
    }
    result.attempts().stream().map(Attempt::outcome).filter(outcome -> !NOT_COUNTED.contains(outcome))
        .distinct().forEach(outcome -> outcomes.merge(outcome, 1L, Long::sum));
  }

  /** Returns whether some input line was not an address. */
  boolean hasBadLines() {
    return badLines > 0;
  }

  /** Returns whether every address counted was resolved. */
  boolean allResolved() {
    return resolved == addresses;
  }

  /** Returns the summary, a few lines without line separators. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    long notResolved = addresses - resolved - badLines;
    lines.add("Summary: " + plural(addresses, "address", "addresses") + ": " + resolved + " resolved, "
        + notResolved + " not resolved" + (badLines == 0 ? "" : ", " + plural(badLines, "bad line", "bad lines")));
    if (!methods.isEmpty()) {
      lines.add(row("endpoint method:", counts(methods, Comparator.comparingInt(BulkSummary::methodRank)
          .thenComparing(DiscoveryMethod::name))));
    }
    if (!errors.isEmpty()) {
      lines.add(row("error code:", counts(errors, Comparator.naturalOrder())));
    }
    if (!outcomes.isEmpty()) {
      lines.add(row("attempt outcomes:", counts(outcomes, Comparator.naturalOrder()) + " (addresses)"));
    }
    if (badLines > 0) {
      String numbers = badLineNumbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
      long more = badLines - badLineNumbers.size();
      lines.add(row("bad lines:", numbers + (more > 0 ? " and " + more + " more" : "")));
    }
    return lines;
  }

  private static String row(String label, String values) {
    return String.format("  %-19s%s", label, values);
  }

  /** Most frequent first; ties in {@code order}. */
  private static <K> String counts(Map<K, Long> counts, Comparator<? super K> order) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<K, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey(order)))
        .map(entry -> entry.getKey() + " " + entry.getValue())
        .collect(Collectors.joining(", "));
  }

  private static int methodRank(DiscoveryMethod method) {
    int rank = METHOD_ORDER.indexOf(method);
    return rank < 0 ? METHOD_ORDER.size() : rank;
  }

  private static String plural(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}

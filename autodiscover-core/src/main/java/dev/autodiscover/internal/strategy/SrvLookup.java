package dev.autodiscover.internal.strategy;

import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.internal.DnsNames;
import dev.autodiscover.internal.ServerText;
import dev.autodiscover.spi.DiscoveryContext;
import dev.autodiscover.spi.PendingAttempt;
import dev.autodiscover.spi.SrvRecord;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * One SRV lookup recorded as an attempt: a name too long to look up, a failed lookup, no record, or
 * a lone {@code .} target (RFC 2782: the service is decidedly not offered) finishes the attempt as
 * {@code DNS_FAILED}; otherwise the attempt stays open for the caller to finish with what it made of
 * the records.
 *
 * <p>However many records the answer holds, only the first {@value #MAX_TARGETS} in RFC 2782 order
 * are considered, and of those only the ones whose target is a host name.
 *
 * @param attempt the open attempt
 * @param found how many records the answer held
 * @param ordered the considered records whose target is a host name, in RFC 2782 order, each
 *     target in lower-case A-labels
 * @param ignored the considered targets that are not host names, as they were received
 * @param capped whether records were left out because there were more than {@value #MAX_TARGETS}
 */
record SrvLookup(PendingAttempt attempt, int found, List<SrvRecord> ordered, List<String> ignored, boolean capped) {

  /** The most records of one answer that are considered. */
  static final int MAX_TARGETS = 20;

  SrvLookup {
    ordered = List.copyOf(ordered);
    ignored = List.copyOf(ignored);
  }

  /**
   * Looks up {@code name}'s SRV records for {@code method}.
   *
   * @param notOffered what a lone {@code .} target means, for the attempt's detail
   * @param random returns a uniformly chosen int in {@code [0, bound)}
   */
  static Optional<SrvLookup> of(
      DiscoveryContext context, DiscoveryMethod method, String name, String notOffered, IntUnaryOperator random) {
    PendingAttempt attempt = context.begin(method, name);
    Optional<String> tooLong = DnsNames.tooLong(name);
    if (tooLong.isPresent()) {
      attempt.finish(AttemptOutcome.DNS_FAILED, "not looked up: the name is " + tooLong.get());
      return Optional.empty();
    }
    List<SrvRecord> records;
    try {
      records = context.dns().lookupSrv(name, context.stepTimeout());
    } catch (UnknownHostException e) {
      attempt.finish(AttemptOutcome.DNS_FAILED, e.getMessage());
      return Optional.empty();
    }
    if (records.isEmpty()) {
      attempt.finish(AttemptOutcome.DNS_FAILED, "no SRV record " + name);
      return Optional.empty();
    }
    if (records.size() == 1 && records.get(0).noService()) {
      attempt.finish(AttemptOutcome.DNS_FAILED, "SRV target '.' says " + notOffered);
      return Optional.empty();
    }
    List<SrvRecord> usable = records.stream().filter(record -> !record.noService()).toList();
    List<SrvRecord> considered = SrvOrder.order(usable, random);
    boolean capped = considered.size() > MAX_TARGETS;
    List<SrvRecord> ordered = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (SrvRecord record : capped ? considered.subList(0, MAX_TARGETS) : considered) {
      Optional<String> host = DnsNames.hostName(record.target());
      if (host.isPresent()) {
        ordered.add(new SrvRecord(record.priority(), record.weight(), record.port(), host.get()));
      } else {
        ignored.add(ServerText.quoted(record.target()));
      }
    }
    return Optional.of(new SrvLookup(attempt, records.size(), ordered, ignored, capped));
  }

  /**
   * Returns how many records the answer held, for the attempt's detail, and that only the first
   * were tried when there were too many.
   */
  String count() {
    return found + " SRV record(s)"
        + (capped ? ", of which only the first " + MAX_TARGETS + " in RFC 2782 order are tried" : "");
  }

  /** Returns the attempt's note about the targets that are not host names, or "" when all are. */
  String ignoredNote() {
    return ignored.isEmpty() ? "" : "; ignored " + ignored + ": not host names";
  }
}

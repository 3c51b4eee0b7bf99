package dev.autodiscover.internal.strategy;

import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.spi.DiscoveryContext;
import dev.autodiscover.spi.PendingAttempt;
import dev.autodiscover.spi.SrvRecord;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * One SRV lookup recorded as an attempt: a failed lookup, no record, or a lone {@code .} target
 * (RFC 2782: the service is decidedly not offered) finishes the attempt as {@code DNS_FAILED};
 * otherwise the attempt stays open for the caller to finish with what it made of the records.
 *
 * @param attempt the open attempt
 * @param found how many records the answer held
 * @param ordered the records with a target, in RFC 2782 order
 */
record SrvLookup(PendingAttempt attempt, int found, List<SrvRecord> ordered) {

  /**
   * Looks up {@code name}'s SRV records for {@code method}.
   *
   * @param notOffered what a lone {@code .} target means, for the attempt's detail
   * @param random returns a uniformly chosen int in {@code [0, bound)}
   */
  static Optional<SrvLookup> of(
      DiscoveryContext context, DiscoveryMethod method, String name, String notOffered, IntUnaryOperator random) {
    PendingAttempt attempt = context.begin(method, name);
    List<SrvRecord> records;
    try {
      Duration remaining = context.remaining();
      Duration timeout = remaining.compareTo(context.requestTimeout()) < 0 ? remaining : context.requestTimeout();
      records = context.dns().lookupSrv(name, timeout);
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
    return Optional.of(new SrvLookup(attempt, records.size(), SrvOrder.order(usable, random)));
  }
}

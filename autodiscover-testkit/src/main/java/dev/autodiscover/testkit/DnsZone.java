package dev.autodiscover.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The records a {@link StubDnsServer} serves, and the rules it answers questions by.
 *
 * <p>Thread safety: safe for concurrent use; records may be added while questions are answered.
 */
final class DnsZone {

  /** Longest CNAME chain followed inside the zone. */
  private static final int MAX_CNAME_HOPS = 8;

  private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();

  void add(Record record) {
    records.computeIfAbsent(record.getName().canonicalize(), n -> new CopyOnWriteArrayList<>())
        .add(record);
  }

  void clear() {
    records.clear();
  }

  /**
   * Builds the authoritative answer to {@code query}, which must hold exactly one question.
   */
  Message answer(Message query) {
    Message response = StubDnsResponses.replyTo(query);
    Record question = query.getQuestion();
    Name name = question.getName();
    int type = question.getType();
    Set<Name> visited = new HashSet<>();
    for (int hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
      List<Record> owned = records.get(name.canonicalize());
      if (owned == null) {
        if (hop == 0) {
          response.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        return response;
      }
      if (!visited.add(name.canonicalize())) {
        return response;
      }
      List<Record> matching = ofType(owned, type);
      if (!matching.isEmpty()) {
        matching.forEach(r -> response.addRecord(r, Section.ANSWER));
        return response;
      }
      List<Record> aliases = ofType(owned, Type.CNAME);
      if (aliases.isEmpty()) {
        return response; // NODATA: the name exists, but has no record of this type
      }
      CNAMERecord alias = (CNAMERecord) aliases.get(0);
      response.addRecord(alias, Section.ANSWER);
      name = alias.getTarget();
    }
    return response;
  }

  private static List<Record> ofType(List<Record> owned, int type) {
    List<Record> result = new ArrayList<>();
    for (Record record : owned) {
      if (type == Type.ANY || record.getType() == type) {
        result.add(record);
      }
    }
    return result;
  }

  /** Whether the header flags of {@code query} ask a question this zone can answer. */
  static boolean isStandardQuery(Message query) {
    return query.getHeader().getOpcode() == 0 && !query.getHeader().getFlag(Flags.QR);
  }
}

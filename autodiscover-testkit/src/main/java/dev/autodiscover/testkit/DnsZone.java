package dev.autodiscover.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
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

  private static final Name WILDCARD = Name.fromConstantString("*");

  private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
  private final Set<Name> signedApexes = ConcurrentHashMap.newKeySet();

  void add(Record record) {
    records.computeIfAbsent(record.getName().canonicalize(), n -> new CopyOnWriteArrayList<>())
        .add(record);
  }

  void clear() {
    records.clear();
    signedApexes.clear();
  }

  /**
   * Replaces the DNSSEC records (RRSIG and NSEC) of the zone at {@code apex} with {@code signed}, and
   * from then on proves its negative answers.
   */
  void replaceSignatures(Name apex, List<Record> signed) {
    for (Name name : records.keySet()) {
      if (name.subdomain(apex)) {
        records.computeIfPresent(name, (n, owned) -> {
          owned.removeIf(DnsZone::isSignature);
          return owned.isEmpty() ? null : owned;
        });
      }
    }
    signed.forEach(this::add);
    signedApexes.add(apex.canonicalize());
  }

  /** The records at or under {@code apex}, without RRSIG and NSEC records. */
  List<Record> recordsUnder(Name apex) {
    List<Record> under = new ArrayList<>();
    records.forEach((name, owned) -> {
      if (name.subdomain(apex)) {
        owned.stream().filter(record -> !isSignature(record)).forEach(under::add);
      }
    });
    return under;
  }

  /** Whether a record at {@code name} of {@code type} is served. */
  boolean has(Name name, int type) {
    return !ofType(records.getOrDefault(name.canonicalize(), List.of()), type).isEmpty();
  }

  /**
   * Builds the authoritative answer to {@code query}, which must hold exactly one question. When the
   * query sets the DO bit, the answer's RRsets come with their RRSIGs and a negative answer of a
   * signed zone with the NSEC records that prove it.
   */
  Message answer(Message query) {
    Message response = StubDnsResponses.replyTo(query);
    Record question = query.getQuestion();
    Name name = question.getName();
    int type = question.getType();
    boolean dnssec = wantsDnssec(query);
    Set<Name> visited = new HashSet<>();
    for (int hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
      List<Record> owned = records.get(name.canonicalize());
      if (owned == null) {
        if (hop == 0) {
          response.getHeader().setRcode(Rcode.NXDOMAIN);
          proveNegative(response, name, false, dnssec);
        }
        return response;
      }
      if (!visited.add(name.canonicalize())) {
        return response;
      }
      List<Record> matching = ofType(owned, type);
      if (!matching.isEmpty()) {
        addSigned(response, matching, dnssec);
        return response;
      }
      List<Record> aliases = ofType(owned, Type.CNAME);
      if (aliases.isEmpty()) {
        proveNegative(response, name, true, dnssec); // NODATA: the name exists, but has no record of this type
        return response;
      }
      CNAMERecord alias = (CNAMERecord) aliases.get(0);
      addSigned(response, List.of(alias), dnssec);
      name = alias.getTarget();
    }
    return response;
  }

  /** Adds {@code rrset} to the answer, with its RRSIGs when DNSSEC records are wanted. */
  private void addSigned(Message response, List<Record> rrset, boolean dnssec) {
    rrset.forEach(record -> response.addRecord(record, Section.ANSWER));
    if (dnssec) {
      Record first = rrset.get(0);
      signaturesOf(first.getName(), first.getType()).forEach(sig -> response.addRecord(sig, Section.ANSWER));
    }
  }

  /**
   * Adds to a negative answer for {@code name} in a signed zone the zone's SOA and, when DNSSEC
   * records are wanted, the signed NSEC records proving that {@code name} has no record of the type
   * asked ({@code exists}) or does not exist: the NSEC covering it and the one covering the wildcard
   * of its closest encloser.
   */
  private void proveNegative(Message response, Name name, boolean exists, boolean dnssec) {
    Optional<Name> apex = signedApexOf(name);
    if (apex.isEmpty()) {
      return;
    }
    List<Record> authority = new ArrayList<>(ofType(records.getOrDefault(apex.get(), List.of()), Type.SOA));
    if (dnssec) {
      NavigableSet<Name> chain = nsecOwners(apex.get());
      Set<Name> proofs = new LinkedHashSet<>();
      if (exists) {
        proofs.add(name.canonicalize());
      } else {
        proofs.add(chain.lower(name.canonicalize()));
        Name encloser = closestEncloser(name.canonicalize(), apex.get(), chain);
        try {
          proofs.add(chain.lower(Name.concatenate(WILDCARD, encloser)));
        } catch (NameTooLongException e) {
          // no wildcard can exist under a name this long: there is nothing to prove
        }
      }
      proofs.remove(null);
      for (Name owner : proofs) {
        authority.addAll(ofType(records.getOrDefault(owner, List.of()), Type.NSEC));
      }
    }
    for (Record record : authority) {
      response.addRecord(record, Section.AUTHORITY);
    }
    if (dnssec) {
      Set<String> signedSets = new HashSet<>();
      for (Record record : authority) {
        if (signedSets.add(record.getName() + "/" + record.getType())) {
          signaturesOf(record.getName(), record.getType()).forEach(sig -> response.addRecord(sig, Section.AUTHORITY));
        }
      }
    }
  }

  /** The longest signed apex at or above {@code name}. */
  private Optional<Name> signedApexOf(Name name) {
    return signedApexes.stream()
        .filter(apex -> name.canonicalize().subdomain(apex))
        .max(Comparator.comparingInt(Name::labels));
  }

  /** The names of the zone at {@code apex} that own an NSEC record, in canonical order. */
  private NavigableSet<Name> nsecOwners(Name apex) {
    NavigableSet<Name> owners = new TreeSet<>();
    records.forEach((name, owned) -> {
      if (name.subdomain(apex) && !ofType(owned, Type.NSEC).isEmpty()) {
        owners.add(name);
      }
    });
    return owners;
  }

  /** The longest ancestor of {@code name} that exists: owns records, or is above a name that does. */
  private static Name closestEncloser(Name name, Name apex, NavigableSet<Name> owners) {
    for (int strip = 1; strip < name.labels() - apex.labels(); strip++) {
      Name ancestor = new Name(name, strip);
      if (owners.stream().anyMatch(owner -> owner.subdomain(ancestor))) {
        return ancestor;
      }
    }
    return apex;
  }

  private List<Record> signaturesOf(Name owner, int type) {
    List<Record> signatures = new ArrayList<>();
    for (Record record : records.getOrDefault(owner.canonicalize(), List.of())) {
      if (record instanceof RRSIGRecord sig && sig.getTypeCovered() == type) {
        signatures.add(sig);
      }
    }
    return signatures;
  }

  private static boolean isSignature(Record record) {
    return record.getType() == Type.RRSIG || record.getType() == Type.NSEC;
  }

  private static boolean wantsDnssec(Message query) {
    OPTRecord opt = query.getOPT();
    return opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0;
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

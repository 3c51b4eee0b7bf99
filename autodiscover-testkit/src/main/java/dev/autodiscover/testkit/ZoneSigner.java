package dev.autodiscover.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The key of one zone a {@link StubDnsServer} signs (an ECDSA P-256 key used as both key-signing
 * and zone-signing key), and the signing of the zone's records: an NSEC chain over its names and an
 * RRSIG for every RRset.
 *
 * <p>Thread safety: immutable.
 */
final class ZoneSigner {
  private static final int ALGORITHM = DNSSEC.Algorithm.ECDSAP256SHA256;
  private static final int FLAGS = DNSKEYRecord.Flags.ZONE_KEY | DNSKEYRecord.Flags.SEP_KEY;

  private final Name apex;
  private final PrivateKey privateKey;
  private final DNSKEYRecord dnskey;

  private ZoneSigner(Name apex, PrivateKey privateKey, DNSKEYRecord dnskey) {
    this.apex = apex;
    this.privateKey = privateKey;
    this.dnskey = dnskey;
  }

  /** Generates a fresh key for the zone at {@code apex}. */
  static ZoneSigner generate(Name apex) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      DNSKEYRecord dnskey = new DNSKEYRecord(apex, DClass.IN, StubDnsServer.DEFAULT_TTL, FLAGS,
          DNSKEYRecord.Protocol.DNSSEC, ALGORITHM, keys.getPublic());
      return new ZoneSigner(apex, keys.getPrivate(), dnskey);
    } catch (GeneralSecurityException | DNSSEC.DNSSECException e) {
      throw new IllegalStateException("could not generate an ECDSA P-256 zone key", e);
    }
  }

  Name apex() {
    return apex;
  }

  /** The zone's DNSKEY record, served at the apex. */
  DNSKEYRecord dnskey() {
    return dnskey;
  }

  /** An SOA record for a zone that has none: negative answers of a signed zone carry it. */
  SOARecord soa() {
    long ttl = StubDnsServer.DEFAULT_TTL;
    return new SOARecord(apex, DClass.IN, ttl, StubDnsServer.name("ns." + apex), StubDnsServer.name("hostmaster." + apex),
        1, 3600, 600, 86400, ttl);
  }

  /** The trust anchors of this zone: its key's DS (SHA-256) and DNSKEY records. */
  SignedZone anchors() {
    DSRecord ds = new DSRecord(apex, DClass.IN, StubDnsServer.DEFAULT_TTL, DNSSEC.Digest.SHA256, dnskey);
    return new SignedZone(StubDnsServer.display(apex), ds.toString(), dnskey.toString());
  }

  /**
   * Returns the NSEC chain over the owner names of {@code records} and the RRSIGs of every RRset
   * (the NSEC records' included), each signature valid from {@code inception} to {@code expiration}.
   *
   * @param records every record of the zone, none of them RRSIG or NSEC, all at or under the apex
   */
  List<Record> sign(List<Record> records, Instant inception, Instant expiration) {
    Map<Name, Map<Integer, RRset>> owners = new TreeMap<>();
    for (Record record : records) {
      owners.computeIfAbsent(record.getName().canonicalize(), name -> new TreeMap<>())
          .computeIfAbsent(record.getType(), type -> new RRset())
          .addRR(record);
    }
    NavigableSet<Name> names = new TreeSet<>(owners.keySet());
    List<Record> added = new ArrayList<>();
    for (Map.Entry<Name, Map<Integer, RRset>> owner : owners.entrySet()) {
      Name next = names.higher(owner.getKey()) != null ? names.higher(owner.getKey()) : names.first();
      List<Integer> types = new ArrayList<>(owner.getValue().keySet());
      types.add(Type.RRSIG);
      types.add(Type.NSEC);
      NSECRecord nsec = new NSECRecord(owner.getKey(), DClass.IN, StubDnsServer.DEFAULT_TTL, next,
          types.stream().mapToInt(Integer::intValue).toArray());
      added.add(nsec);
      for (RRset rrset : owner.getValue().values()) {
        added.add(signature(rrset, inception, expiration));
      }
      added.add(signature(new RRset(nsec), inception, expiration));
    }
    return added;
  }

  private Record signature(RRset rrset, Instant inception, Instant expiration) {
    try {
      return DNSSEC.sign(rrset, dnskey, privateKey, inception, expiration);
    } catch (DNSSEC.DNSSECException e) {
      throw new IllegalStateException("could not sign " + rrset.getName() + " " + Type.string(rrset.getType()), e);
    }
  }
}

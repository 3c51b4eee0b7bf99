package dev.autodiscover.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/** Zones signed with DNSSEC: what the server adds to its answers, and that a validating resolver trusts them. */
class StubDnsServerSigningTest {
  private static final String HOST = "mail.contoso.test.";

  private StubDnsServer dns;

  @BeforeEach
  void startServer() {
    dns = StubDnsServer.start();
    dns.addA(HOST, "127.0.1.1");
    dns.addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, HOST);
  }

  @AfterEach
  void stopServer() {
    dns.close();
  }

  private Message ask(String name, int type, boolean dnssecOk) throws Exception {
    SimpleResolver resolver = new SimpleResolver(dns.address());
    resolver.setTimeout(Duration.ofSeconds(2));
    if (dnssecOk) {
      resolver.setEDNS(0, 0, ExtendedFlags.DO);
    }
    return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
  }

  private Message validated(SignedZone zone, String name, int type) throws Exception {
    ValidatingResolver validator = new ValidatingResolver(new SimpleResolver(dns.address()));
    validator.getTrustAnchors().clear();
    validator.loadTrustAnchors(new ByteArrayInputStream(zone.ds().getBytes(StandardCharsets.UTF_8)));
    return validator.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
  }

  private static List<Record> ofType(Message message, int section, int type) {
    return message.getSection(section).stream().filter(record -> record.getType() == type).toList();
  }

  @Test
  void answersCarryTheirSignaturesOnlyWhenTheQuerySetsTheDoBit() throws Exception {
    dns.signZone("contoso.test");

    Message signed = ask(HOST, Type.A, true);
    Message plain = ask(HOST, Type.A, false);

    assertThat(signed.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.A, Type.RRSIG);
    assertThat((signed.getOPT().getFlags() & ExtendedFlags.DO) != 0).isTrue();
    assertThat(plain.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.A);
  }

  @Test
  void signaturesVerifyWithTheKeyTheAnchorsName() throws Exception {
    SignedZone zone = dns.signZone("contoso.test");

    DNSKEYRecord dnskey = (DNSKEYRecord) ofType(ask("contoso.test.", Type.DNSKEY, true), Section.ANSWER, Type.DNSKEY).get(0);
    Message answer = ask(HOST, Type.A, true);

    assertThat(zone.name()).isEqualTo("contoso.test");
    assertThat(dnskey).hasToString(zone.dnskey());
    assertThat(new DSRecord(dnskey.getName(), DClass.IN, dnskey.getTTL(), DNSSEC.Digest.SHA256, dnskey))
        .hasToString(zone.ds());
    RRSIGRecord signature = (RRSIGRecord) ofType(answer, Section.ANSWER, Type.RRSIG).get(0);
    DNSSEC.verify(new RRset(ofType(answer, Section.ANSWER, Type.A).get(0)), signature, dnskey);
  }

  @Test
  void signaturesHaveTheValidityAsked() throws Exception {
    Instant inception = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
    Instant expiration = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    dns.signZone("contoso.test", inception, expiration);

    RRSIGRecord signature = (RRSIGRecord) ofType(ask(HOST, Type.A, true), Section.ANSWER, Type.RRSIG).get(0);

    assertThat(signature.getTimeSigned()).isEqualTo(inception);
    assertThat(signature.getExpire()).isEqualTo(expiration);
    assertThatThrownBy(() -> dns.signZone("contoso.test", expiration, inception))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must come before expiration");
  }

  @Test
  void noDataAnswerCarriesTheSoaAndTheNamesSignedNsec() throws Exception {
    dns.signZone("contoso.test");

    Message answer = ask(HOST, Type.AAAA, true);

    assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(answer.getSection(Section.ANSWER)).isEmpty();
    assertThat(ofType(answer, Section.AUTHORITY, Type.SOA)).hasSize(1);
    NSECRecord nsec = (NSECRecord) ofType(answer, Section.AUTHORITY, Type.NSEC).get(0);
    assertThat(nsec.getName()).isEqualTo(Name.fromString(HOST));
    assertThat(nsec.hasType(Type.A)).isTrue();
    assertThat(nsec.hasType(Type.AAAA)).isFalse();
    assertThat(ofType(answer, Section.AUTHORITY, Type.RRSIG)).extracting(sig -> ((RRSIGRecord) sig).getTypeCovered())
        .containsExactlyInAnyOrder(Type.SOA, Type.NSEC);
  }

  @Test
  void noSuchNameAnswerCarriesNsecsCoveringTheNameAndTheWildcard() throws Exception {
    dns.signZone("contoso.test");
    Name missing = Name.fromString("old.contoso.test.");
    Name wildcard = Name.fromString("*.contoso.test.");

    Message answer = ask("old.contoso.test.", Type.A, true);

    assertThat(answer.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    List<NSECRecord> nsecs = ofType(answer, Section.AUTHORITY, Type.NSEC).stream().map(NSECRecord.class::cast).toList();
    assertThat(nsecs).anySatisfy(nsec -> assertThat(covers(nsec, missing)).isTrue());
    assertThat(nsecs).anySatisfy(nsec -> assertThat(covers(nsec, wildcard)).isTrue());
  }

  private static boolean covers(NSECRecord nsec, Name name) {
    boolean last = nsec.getNext().compareTo(nsec.getName()) <= 0;
    return nsec.getName().compareTo(name) < 0 && (last || name.compareTo(nsec.getNext()) < 0);
  }

  @Test
  void aValidatingResolverTrustingTheAnchorValidatesAnswersAndProofsOfAbsence() throws Exception {
    SignedZone zone = dns.signZone("contoso.test");

    Message address = validated(zone, HOST, Type.A);
    Message noData = validated(zone, HOST, Type.AAAA);
    Message noName = validated(zone, "old.contoso.test.", Type.SRV);

    assertThat(address.getHeader().getFlag(Flags.AD)).as("%s", address).isTrue();
    assertThat(noData.getHeader().getFlag(Flags.AD)).as("%s", noData).isTrue();
    assertThat(noName.getHeader().getFlag(Flags.AD)).as("%s", noName).isTrue();
    assertThat(noName.getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void aRecordAddedAfterSigningIsBogusToAValidatingResolver() throws Exception {
    SignedZone zone = dns.signZone("contoso.test");
    dns.addA(HOST, "127.0.9.9");

    Message answer = validated(zone, HOST, Type.A);

    assertThat(answer.getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(answer.getHeader().getFlag(Flags.AD)).isFalse();
  }

  @Test
  void signingAgainKeepsTheKeyAndSignsTheRecordsAddedSince() throws Exception {
    SignedZone first = dns.signZone("contoso.test");
    dns.addA("new.contoso.test", "127.0.1.2");

    SignedZone second = dns.signZone("contoso.test");
    Message answer = validated(second, "new.contoso.test.", Type.A);

    assertThat(second).isEqualTo(first);
    assertThat(answer.getHeader().getFlag(Flags.AD)).as("%s", answer).isTrue();
    assertThat(ofType(ask("new.contoso.test.", Type.A, true), Section.ANSWER, Type.RRSIG)).hasSize(1);
  }

  @Test
  void unsignedZonesAreServedAsBefore() throws Exception {
    dns.addA("www.fabrikam.test", "127.0.1.3");
    dns.signZone("contoso.test");

    Message answer = ask("www.fabrikam.test.", Type.A, true);
    Message missing = ask("old.fabrikam.test.", Type.A, true);

    assertThat(answer.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.A);
    assertThat(missing.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(missing.getSection(Section.AUTHORITY)).isEmpty();
  }
}

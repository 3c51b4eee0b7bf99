package dev.autodiscover.internal.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodiscover.spi.DnssecTrustAnchors;
import dev.autodiscover.spi.SrvRecord;
import dev.autodiscover.testkit.SignedZone;
import dev.autodiscover.testkit.StubDnsServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that requires DNSSEC, against a zone the stub server signs with a key generated for the
 * test: secure answers, positive and negative, are used; unsigned and bogus ones are refused, and
 * the refusal names the answer and says why.
 */
class DnsjavaClientDnssecTest {
  private static final String HOST = "mail.contoso.test";
  private static final String SRV_NAME = "_autodiscover._tcp.contoso.test";
  private static final String NOT_VALIDATED = " is not DNSSEC-validated: ";

  private StubDnsServer dns;

  @BeforeEach
  void startServer() {
    dns = StubDnsServer.start();
    dns.addA(HOST, "127.0.1.1");
    dns.addSrv(SRV_NAME, 0, 0, 443, HOST);
    dns.addA("www.fabrikam.test", "127.0.1.2");
  }

  @AfterEach
  void stopServer() {
    dns.close();
  }

  private DnsjavaClient requiring(String anchors) {
    return DnsjavaClient.requiringDnssec(DnssecTrustAnchors.parse(anchors), List.of(dns.address()));
  }

  @Test
  void signedAddressesAreReturnedAndTheMissingAaaaIsProvenAbsent() throws Exception {
    SignedZone zone = dns.signZone("contoso.test");

    List<InetAddress> addresses = requiring(zone.ds()).lookupAddresses(HOST, Duration.ofSeconds(5));

    assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("127.0.1.1");
  }

  @Test
  void signedSrvRecordsAreReturned() throws Exception {
    SignedZone zone = dns.signZone("contoso.test");

    List<SrvRecord> records = requiring(zone.ds()).lookupSrv(SRV_NAME, Duration.ofSeconds(5));

    assertThat(records).containsExactly(new SrvRecord(0, 0, 443, HOST));
  }

  @Test
  void aDnskeyAnchorValidatesAsTheDsDoes() throws Exception {
    SignedZone zone = dns.signZone("contoso.test");

    List<SrvRecord> records = requiring(zone.dnskey()).lookupSrv(SRV_NAME, Duration.ofSeconds(5));

    assertThat(records).containsExactly(new SrvRecord(0, 0, 443, HOST));
  }

  @Test
  void provenAbsentNameIsNoSuchName() {
    SignedZone zone = dns.signZone("contoso.test");

    assertThatThrownBy(() -> requiring(zone.ds()).lookupAddresses("old.contoso.test", Duration.ofSeconds(5)))
        .isInstanceOf(NoSuchNameException.class)
        .hasMessage("old.contoso.test: no such domain (NXDOMAIN)");
  }

  @Test
  void provenAbsentSrvRecordsAreNoRecords() throws Exception {
    SignedZone zone = dns.signZone("contoso.test");

    assertThat(requiring(zone.ds()).lookupSrv(HOST, Duration.ofSeconds(5))).isEmpty();
  }

  @Test
  void answerFromAZoneNoAnchorCoversIsRefused() {
    SignedZone zone = dns.signZone("contoso.test");

    assertThatThrownBy(() -> requiring(zone.ds()).lookupAddresses("www.fabrikam.test", Duration.ofSeconds(5)))
        .isInstanceOf(UnvalidatedAnswerException.class)
        .hasMessage("the answer for www.fabrikam.test A" + NOT_VALIDATED
            + "no trust anchor covers www.fabrikam.test (there are anchors for [contoso.test] only)");
  }

  @Test
  void noSuchNameFromAZoneNoAnchorCoversIsRefusedRatherThanBelieved() {
    SignedZone zone = dns.signZone("contoso.test");

    assertThatThrownBy(() -> requiring(zone.ds()).lookupSrv("_autodiscover._tcp.fabrikam.test", Duration.ofSeconds(5)))
        .isInstanceOf(UnvalidatedAnswerException.class)
        .hasMessageStartingWith("the answer for _autodiscover._tcp.fabrikam.test SRV" + NOT_VALIDATED
            + "no trust anchor covers");
  }

  @Test
  void recordAddedAfterSigningIsRefusedAsBogus() {
    SignedZone zone = dns.signZone("contoso.test");
    dns.addA(HOST, "127.0.9.9");

    assertThatThrownBy(() -> requiring(zone.ds()).lookupAddresses(HOST, Duration.ofSeconds(5)))
        .isInstanceOf(UnvalidatedAnswerException.class)
        .hasMessageStartingWith("the answer for mail.contoso.test A" + NOT_VALIDATED
            + "it is bogus (Positive response has failed ANSWER rrset")
        .hasMessageEndingWith("the zone's signatures may have expired, a record may have been changed on its way,"
            + " or the trust anchor may not match the zone's key");
  }

  @Test
  void addressLookupIsRefusedWhenOnlyItsAaaaAnswerIsNotValidated() {
    SignedZone zone = dns.signZone("contoso.test");
    dns.addAaaa(HOST, "::1");

    assertThatThrownBy(() -> requiring(zone.ds()).lookupAddresses(HOST, Duration.ofSeconds(5)))
        .isInstanceOf(UnvalidatedAnswerException.class)
        .hasMessageStartingWith("the answer for mail.contoso.test AAAA" + NOT_VALIDATED + "it is bogus");
  }

  @Test
  void expiredSignaturesAreRefusedAsBogus() {
    Instant now = Instant.now();
    SignedZone zone = dns.signZone("contoso.test", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));

    assertThatThrownBy(() -> requiring(zone.ds()).lookupSrv(SRV_NAME, Duration.ofSeconds(5)))
        .isInstanceOf(UnvalidatedAnswerException.class)
        .hasMessageStartingWith("the answer for " + SRV_NAME + " SRV" + NOT_VALIDATED + "it is bogus");
  }

  @Test
  void anchorForAnotherKeyRefusesTheZone() {
    String otherKey;
    try (StubDnsServer other = StubDnsServer.start()) {
      otherKey = other.signZone("contoso.test").ds();
    }
    dns.signZone("contoso.test");

    assertThatThrownBy(() -> requiring(otherKey).lookupSrv(SRV_NAME, Duration.ofSeconds(5)))
        .isInstanceOf(UnvalidatedAnswerException.class)
        .hasMessageStartingWith("the answer for " + SRV_NAME + " SRV" + NOT_VALIDATED + "it is bogus");
  }

  @Test
  void theSameZoneWithoutTheRequirementIsBelieved() throws Exception {
    dns.signZone("contoso.test");
    dns.addA(HOST, "127.0.9.9");

    List<InetAddress> addresses = DnsjavaClient.usingServers(List.of(dns.address()))
        .lookupAddresses(HOST, Duration.ofSeconds(5));

    assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("127.0.1.1", "127.0.9.9");
  }

  @Test
  void validatedAnswersAreCachedAndRefusedOnesAreAskedForAgain() throws Exception {
    SignedZone zone = dns.signZone("contoso.test");
    DnsjavaClient client = requiring(zone.ds());
    client.lookupAddresses(HOST, Duration.ofSeconds(5));
    catching(() -> client.lookupAddresses("www.fabrikam.test", Duration.ofSeconds(5)));
    dns.clearQueries();

    client.lookupAddresses(HOST, Duration.ofSeconds(5));
    catching(() -> client.lookupAddresses("www.fabrikam.test", Duration.ofSeconds(5)));

    assertThat(dns.queries()).extracting(query -> query.name() + " " + query.type())
        .doesNotContain(HOST + " A", HOST + " AAAA")
        .contains("www.fabrikam.test A");
  }

  @Test
  void toStringSaysThatDnssecIsRequiredAndFromWhichAnchors() {
    SignedZone zone = dns.signZone("contoso.test");

    assertThat(requiring(zone.ds())).hasToString(
        "DnsjavaClient{DNS servers [" + dns.address() + "] requiring DNSSEC from trust anchors for [contoso.test]}");
  }

  @Test
  void anchorsNamedByDnsjavasSystemPropertyAreNotTrusted(@TempDir Path directory) throws Exception {
    SignedZone contoso = dns.signZone("contoso.test");
    SignedZone fabrikam = dns.signZone("fabrikam.test");
    Path file = Files.writeString(directory.resolve("contoso.key"), contoso.ds());
    String property = "dnsjava.dnssec.trust_anchor_file";
    String before = System.getProperty(property);
    System.setProperty(property, file.toString());
    try {
      DnsjavaClient client = requiring(fabrikam.ds());

      assertThatThrownBy(() -> client.lookupSrv(SRV_NAME, Duration.ofSeconds(5)))
          .isInstanceOf(UnvalidatedAnswerException.class)
          .hasMessageContaining("no trust anchor covers " + SRV_NAME);
    } finally {
      if (before == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, before);
      }
    }
  }

  @Test
  void systemClientRequiringDnssecSaysSo() {
    SignedZone zone = dns.signZone("contoso.test");

    assertThat(DnsjavaClient.systemRequiringDnssec(DnssecTrustAnchors.parse(zone.ds())))
        .hasToString("DnsjavaClient{system DNS requiring DNSSEC from trust anchors for [contoso.test]}");
  }

  @Test
  void requiringDnssecNeedsAnchorsAndAServer() {
    DnssecTrustAnchors anchors = DnssecTrustAnchors.parse(dns.signZone("contoso.test").ds());

    assertThatThrownBy(() -> DnsjavaClient.requiringDnssec(null, List.of(dns.address())))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("anchors");
    assertThatThrownBy(() -> DnsjavaClient.requiringDnssec(anchors, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("servers must name at least one DNS server");
  }

  private interface Lookup {
    void run() throws UnknownHostException;
  }

  private static void catching(Lookup lookup) {
    try {
      lookup.run();
    } catch (UnknownHostException expected) {
      // the test looks at what was asked, not at the answer
    }
  }
}

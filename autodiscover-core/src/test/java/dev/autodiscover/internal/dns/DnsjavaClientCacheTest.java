package dev.autodiscover.internal.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.testkit.DnsQuery;
import dev.autodiscover.testkit.StubDnsServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;

/** Answers are reused for as long as their TTL says, and asked for again once it has run out. */
class DnsjavaClientCacheTest {
  private static final String HOST = "mail.contoso.test";
  private static final String SRV_NAME = "_autodiscover._tcp.contoso.test";
  private static final long AN_HOUR = 3600;

  private StubDnsServer dns;
  private DnsjavaClient client;

  @BeforeEach
  void startServer() {
    dns = StubDnsServer.start();
    client = DnsjavaClient.usingServers(List.of(dns.address()));
  }

  @AfterEach
  void stopServer() {
    dns.close();
  }

  private static Name name(String name) throws TextParseException {
    return Name.fromString(name + ".");
  }

  private void addAddresses(long ttl) throws Exception {
    dns.add(new ARecord(name(HOST), DClass.IN, ttl, InetAddress.getByName("127.0.1.1")));
    dns.add(new AAAARecord(name(HOST), DClass.IN, ttl, InetAddress.getByName("::1")));
  }

  private void addSrv(long ttl) throws Exception {
    dns.add(new SRVRecord(name(SRV_NAME), DClass.IN, ttl, 0, 0, 443, name(HOST)));
  }

  @Test
  void addressesAreAskedForOnceWhileTheirTtlLasts() throws Exception {
    addAddresses(AN_HOUR);

    List<InetAddress> first = client.lookupAddresses(HOST);
    List<InetAddress> second = client.lookupAddresses(HOST, Duration.ofSeconds(5));

    assertThat(second).isEqualTo(first).hasSize(2);
    assertThat(dns.queries()).containsExactlyInAnyOrder(
        new DnsQuery(HOST, "A", DnsQuery.UDP), new DnsQuery(HOST, "AAAA", DnsQuery.UDP));
  }

  @Test
  void addressesWithTtlZeroAreAskedForEveryTime() throws Exception {
    addAddresses(0);

    client.lookupAddresses(HOST);
    List<InetAddress> second = client.lookupAddresses(HOST);

    assertThat(second).hasSize(2);
    assertThat(dns.queries()).extracting(DnsQuery::type).containsExactlyInAnyOrder("A", "AAAA", "A", "AAAA");
  }

  @Test
  void srvRecordsAreAskedForOnceWhileTheirTtlLasts() throws Exception {
    addSrv(AN_HOUR);

    client.lookupSrv(SRV_NAME);
    client.lookupSrv(SRV_NAME, Duration.ofSeconds(5));

    assertThat(dns.queries()).containsExactly(new DnsQuery(SRV_NAME, "SRV", DnsQuery.UDP));
  }

  @Test
  void srvRecordsWithTtlZeroAreAskedForEveryTime() throws Exception {
    addSrv(0);

    client.lookupSrv(SRV_NAME);
    client.lookupSrv(SRV_NAME);

    assertThat(dns.queries()).extracting(DnsQuery::type).containsExactly("SRV", "SRV");
  }

  @Test
  void eachClientHasItsOwnCache() throws Exception {
    addSrv(AN_HOUR);

    client.lookupSrv(SRV_NAME);
    DnsjavaClient.usingServers(List.of(dns.address())).lookupSrv(SRV_NAME);

    assertThat(dns.queries()).extracting(DnsQuery::type).containsExactly("SRV", "SRV");
  }
}

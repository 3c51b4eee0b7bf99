package dev.autodiscover.internal.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodiscover.spi.SrvRecord;
import dev.autodiscover.testkit.DnsQuery;
import dev.autodiscover.testkit.StubDnsServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Address and SRV lookups against a DNS server on loopback: what is asked, what comes back, and when it gives up. */
class DnsjavaClientLookupTest {
  private static final String HOST = "mail.contoso.test";
  private static final String SRV_NAME = "_autodiscover._tcp.contoso.test";
  /** The per-question timeout of the client: a lookup that waited for a silent server would take this long. */
  private static final Duration SILENT_QUESTION_COST = Duration.ofSeconds(5);

  private StubDnsServer dns;

  @BeforeEach
  void startServer() {
    dns = StubDnsServer.start();
  }

  @AfterEach
  void stopServer() {
    dns.close();
  }

  private static DnsjavaClient client(InetSocketAddress server) {
    return DnsjavaClient.usingServers(List.of(server));
  }

  /** A UDP socket on loopback that receives questions and never answers them. */
  private static DatagramSocket silentServer() throws Exception {
    return new DatagramSocket(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
  }

  @Test
  void asksForAAndAaaaAndListsIpv4First() throws Exception {
    dns.addAaaa(HOST, "::1").addA(HOST, "127.0.1.1");

    List<InetAddress> addresses = client(dns.address()).lookupAddresses(HOST);

    assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("127.0.1.1", "0:0:0:0:0:0:0:1");
    assertThat(addresses).allSatisfy(address -> assertThat(address.getHostName()).isEqualTo(HOST));
    assertThat(dns.queries()).containsExactlyInAnyOrder(
        new DnsQuery(HOST, "A", DnsQuery.UDP), new DnsQuery(HOST, "AAAA", DnsQuery.UDP));
  }

  @Test
  void asksForAaaaBeforeTheAAnswerHasCome() throws Exception {
    dns.addA(HOST, "127.0.1.1").addAaaa(HOST, "::1");

    List<InetAddress> addresses;
    try (DnsRelay relay = DnsRelay.holdingUntilAsked(dns.address(), Type.A, Type.AAAA)) {
      addresses = client(relay.address()).lookupAddresses(HOST);
    }

    // Asked one after the other, the A question would time out unanswered and only IPv6 remain.
    assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("127.0.1.1", "0:0:0:0:0:0:0:1");
    assertThat(dns.queries()).extracting(DnsQuery::type).containsExactlyInAnyOrder("A", "AAAA");
  }

  @Test
  void unansweredAaaaLeavesTheIpv4AddressesWhenTheTimeIsUp() throws Exception {
    dns.addA(HOST, "127.0.1.1").addAaaa(HOST, "::1");

    List<InetAddress> addresses;
    long start = System.nanoTime();
    try (DnsRelay relay = DnsRelay.dropping(dns.address(), Type.AAAA)) {
      addresses = client(relay.address()).lookupAddresses(HOST, Duration.ofMillis(300));
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("127.0.1.1");
    assertThat(elapsed).isLessThan(SILENT_QUESTION_COST);
    assertThat(dns.queries()).extracting(DnsQuery::type).containsExactly("A");
  }

  @Test
  void nameThatDoesNotExistIsNoSuchName() {
    assertThatThrownBy(() -> client(dns.address()).lookupAddresses(HOST))
        .isInstanceOf(NoSuchNameException.class)
        .hasMessage(HOST + ": no such domain (NXDOMAIN)");
  }

  @Test
  void nameWithoutAddressesSaysSo() {
    dns.addSrv(HOST, 0, 0, 443, "other.contoso.test");

    assertThatThrownBy(() -> client(dns.address()).lookupAddresses(HOST))
        .isInstanceOf(UnknownHostException.class)
        .isNotInstanceOf(NoSuchNameException.class)
        .hasMessage(HOST + ": no A or AAAA record");
  }

  @Test
  void addressLookupGivesUpAfterItsTimeoutWhenTheServerNeverAnswers() throws Exception {
    try (DatagramSocket silent = silentServer()) {
      DnsjavaClient client = client((InetSocketAddress) silent.getLocalSocketAddress());
      long start = System.nanoTime();

      assertThatThrownBy(() -> client.lookupAddresses(HOST, Duration.ofMillis(300)))
          .isInstanceOf(UnknownHostException.class)
          .isNotInstanceOf(NoSuchNameException.class)
          .hasMessageStartingWith(HOST + " A lookup timed out after 300 ms via DNS servers");

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SILENT_QUESTION_COST);
    }
  }

  @Test
  void srvLookupGivesUpAfterItsTimeoutWhenTheServerNeverAnswers() throws Exception {
    try (DatagramSocket silent = silentServer()) {
      DnsjavaClient client = client((InetSocketAddress) silent.getLocalSocketAddress());
      long start = System.nanoTime();

      assertThatThrownBy(() -> client.lookupSrv(SRV_NAME, Duration.ofMillis(300)))
          .isInstanceOf(UnknownHostException.class)
          .hasMessageStartingWith(SRV_NAME + " SRV lookup timed out after 300 ms via DNS servers");

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SILENT_QUESTION_COST);
    }
  }

  @Test
  void srvLookupWithATimeoutReturnsTheRecordsInTheServersOrder() throws Exception {
    dns.addSrv(SRV_NAME, 10, 5, 443, "mail.contoso.test").addSrv(SRV_NAME, 0, 0, 443, ".");

    List<SrvRecord> records = client(dns.address()).lookupSrv(SRV_NAME, Duration.ofSeconds(5));

    assertThat(records).containsExactly(
        new SrvRecord(10, 5, 443, "mail.contoso.test"), new SrvRecord(0, 0, 443, "."));
    assertThat(dns.queries()).containsExactly(new DnsQuery(SRV_NAME, "SRV", DnsQuery.UDP));
  }

  @Test
  void srvLookupOfANameWithoutSrvRecordsIsEmpty() throws Exception {
    dns.addA(SRV_NAME, "127.0.1.1");

    assertThat(client(dns.address()).lookupSrv(SRV_NAME, Duration.ofSeconds(5))).isEmpty();
  }

  @Test
  void timeoutOfZeroStillReturnsACachedAnswer() throws Exception {
    dns.addA(HOST, "127.0.1.1");
    DnsjavaClient client = client(dns.address());
    client.lookupAddresses(HOST);

    List<InetAddress> addresses = client.lookupAddresses(HOST, Duration.ZERO);

    assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("127.0.1.1");
  }
}

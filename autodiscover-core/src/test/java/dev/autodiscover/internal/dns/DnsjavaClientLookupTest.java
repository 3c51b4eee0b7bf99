package dev.autodiscover.internal.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodiscover.testkit.DnsQuery;
import dev.autodiscover.testkit.StubDnsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Address lookups against a DNS server on loopback: what is asked and what comes back. */
class DnsjavaClientLookupTest {
  private static final String HOST = "mail.contoso.test";

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
}

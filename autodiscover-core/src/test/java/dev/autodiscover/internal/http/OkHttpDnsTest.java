package dev.autodiscover.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodiscover.internal.dns.DnsDeadline;
import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.testkit.DnsQuery;
import dev.autodiscover.testkit.StubDnsServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** OkHttp's host lookups go through the resolver's DNS client, bounded by the caller's deadline. */
class OkHttpDnsTest {
  private static final String HOST = "mail.contoso.test";

  @Test
  void looksHostsUpThroughTheDnsClient() throws Exception {
    try (StubDnsServer dns = StubDnsServer.start()) {
      dns.addA(HOST, "127.0.1.1");

      assertThat(new OkHttpDns(DnsClient.usingServers(dns.address())).lookup(HOST))
          .extracting(InetAddress::getHostAddress).containsExactly("127.0.1.1");
      assertThat(dns.queries()).extracting(DnsQuery::name).containsOnly(HOST);
    }
  }

  @Test
  void callWithinADeadlineGivesUpOnADnsServerThatNeverAnswers() throws Exception {
    try (DatagramSocket silent =
        new DatagramSocket(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0))) {
      OkHttpClient client = new OkHttpClient.Builder()
          .dns(new OkHttpDns(DnsClient.usingServers((InetSocketAddress) silent.getLocalSocketAddress())))
          .build();
      Call call = client.newCall(new Request.Builder().url("https://" + HOST + "/autodiscover/autodiscover.xml").build());
      long start = System.nanoTime();

      assertThatThrownBy(() -> DnsDeadline.within(Duration.ofMillis(300), call::execute))
          .isInstanceOf(UnknownHostException.class)
          .hasMessageContaining(HOST + " A lookup timed out after");

      // Without the deadline the lookup would wait for the client's own 5 s per question.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }
}

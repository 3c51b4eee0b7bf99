package dev.autodiscover.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client written before the timeout forms existed answers them with its own lookups. */
class DnsClientTimeoutDefaultsTest {

  /** Implements only the one-argument lookups, as a client written against the first SPI does. */
  private static final class HostsFileClient implements DnsClient {
    @Override
    public List<InetAddress> lookupAddresses(String hostname) {
      return List.of(InetAddress.getLoopbackAddress());
    }

    @Override
    public List<SrvRecord> lookupSrv(String name) {
      return List.of(new SrvRecord(0, 0, 443, "mail.contoso.test"));
    }
  }

  @Test
  void timeoutFormsAnswerWithTheOneArgumentLookups() throws Exception {
    DnsClient client = new HostsFileClient();

    assertThat(client.lookupAddresses("mail.contoso.test", Duration.ofMillis(300)))
        .containsExactly(InetAddress.getLoopbackAddress());
    assertThat(client.lookupSrv("_autodiscover._tcp.contoso.test", Duration.ZERO))
        .containsExactly(new SrvRecord(0, 0, 443, "mail.contoso.test"));
  }
}

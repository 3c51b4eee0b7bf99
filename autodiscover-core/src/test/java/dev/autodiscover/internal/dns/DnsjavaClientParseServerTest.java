package dev.autodiscover.internal.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DnsjavaClientParseServerTest {

  @ParameterizedTest
  @CsvSource({
      "127.0.0.1, 127.0.0.1, 53",
      "127.0.0.1:5353, 127.0.0.1, 5353",
      "'[::1]:5353', 0:0:0:0:0:0:0:1, 5353",
      "::1, 0:0:0:0:0:0:0:1, 53",
      "[::1], 0:0:0:0:0:0:0:1, 53"
  })
  void readsHostAndPort(String text, String address, int port) {
    InetSocketAddress server = DnsjavaClient.parseServer(text);

    assertThat(server.getAddress().getHostAddress()).isEqualTo(address);
    assertThat(server.getPort()).isEqualTo(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dns.contoso.com", "127.0.0.1:0", "127.0.0.1:70000", "127.0.0.1:x", "[::1", "300.1.1.1"})
  void refusesWhatIsNotAnIpAndPortNamingTheInput(String text) {
    assertThatThrownBy(() -> DnsjavaClient.parseServer(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text);
  }
}

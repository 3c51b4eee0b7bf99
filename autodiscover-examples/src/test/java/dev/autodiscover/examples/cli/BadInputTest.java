package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BadInputTest {

  static List<Arguments> badCommandLines() {
    return List.of(
        Arguments.of(List.of("resolve", "alice"), "'alice' is not a valid address"),
        Arguments.of(List.of("resolve", "alice@"), "no domain"),
        Arguments.of(List.of("resolve"), "no address to resolve"),
        Arguments.of(List.of("resolve", "--frobnicate", "alice@contoso.test"), "--frobnicate"),
        Arguments.of(List.of("resolve", "--input", "/nonexistent/mailboxes.txt"), "cannot read /nonexistent/mailboxes.txt"),
        Arguments.of(List.of("resolve", "--methods", "a-record,mx", "alice@contoso.test"), "unknown method 'mx'"),
        Arguments.of(List.of("resolve", "--methods", "scp", "alice@contoso.test"), "scp"),
        Arguments.of(List.of("resolve", "--redirects", "maybe", "alice@contoso.test"), "--redirects"),
        Arguments.of(List.of("resolve", "--untrusted", "sometimes", "alice@contoso.test"), "--untrusted"),
        Arguments.of(List.of("resolve", "--dns-server", "dns.contoso.test", "alice@contoso.test"), "--dns-server"),
        Arguments.of(List.of("resolve", "--timeout", "0", "alice@contoso.test"), "--timeout"),
        Arguments.of(List.of("resolve", "--trust", "/nonexistent/ca.pem", "alice@contoso.test"), "--trust"),
        Arguments.of(List.of("resolve", "--user", "alice", "alice@contoso.test"), "--password-env"),
        Arguments.of(List.of("resolve", "--user", "alice", "--password-env", "AUTODISCOVER_TEST_UNSET_VARIABLE",
            "alice@contoso.test"), "AUTODISCOVER_TEST_UNSET_VARIABLE is not set"),
        Arguments.of(List.of("resolve", "--route", "127.0.1.1=127.0.0.1:1", "alice@contoso.test"), "--route"),
        Arguments.of(List.of("demo", "no-such-story"), "no demo story named 'no-such-story'"));
  }

  @ParameterizedTest
  @MethodSource("badCommandLines")
  void exitsTwoWithOneLineNamingWhatIsWrong(List<String> args, String reason) {
    CommandRun run = CommandRun.of(args);

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains(reason);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.out()).isEmpty();
  }
}

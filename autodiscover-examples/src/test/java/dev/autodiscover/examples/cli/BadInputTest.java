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
        Arguments.of(List.of("resolve", "--methods", "scp,scp", "alice@contoso.test"), "'scp' is named twice"),
        Arguments.of(List.of("resolve", "--scp-ldap", "http://dc1.corp.test", "alice@contoso.test"),
            "--scp-ldap: the directory URL must start with ldap:// or ldaps://"),
        Arguments.of(List.of("resolve", "--scp-ldap", "ldap://dc1.corp.test/CN=Configuration", "alice@contoso.test"),
            "must name a server only"),
        Arguments.of(List.of("resolve", "--scp-ldap", "ldap://dc1.corp.test", "--ad-domain", "corp.test",
            "alice@contoso.test"), "mutually exclusive"),
        Arguments.of(List.of("resolve", "--ad-domain", "corp_test!", "alice@contoso.test"), "--ad-domain"),
        Arguments.of(List.of("resolve", "--site", "Berlin", "alice@contoso.test"),
            "--site needs --scp-ldap URL or --ad-domain DOMAIN"),
        Arguments.of(List.of("resolve", "--ad-domain", "corp.test", "--site", "Berlin Mitte", "alice@contoso.test"),
            "--site: site must be 1 to 63 letters"),
        Arguments.of(List.of("resolve", "--ad-domain", "corp.test", "--scp-bind-dn", "CN=svc,DC=corp,DC=test",
            "alice@contoso.test"), "--scp-bind-dn needs --scp-password-env VAR"),
        Arguments.of(List.of("resolve", "--ad-domain", "corp.test", "--scp-password-env", "X", "alice@contoso.test"),
            "--scp-password-env needs --scp-bind-dn"),
        Arguments.of(List.of("resolve", "--ad-domain", "corp.test", "--scp-bind-dn", "CN=svc,DC=corp,DC=test",
            "--scp-password-env", "AUTODISCOVER_TEST_UNSET_VARIABLE", "alice@contoso.test"),
            "AUTODISCOVER_TEST_UNSET_VARIABLE is not set or empty"),
        Arguments.of(List.of("resolve", "--scp-ldap", "ldap://dc1.corp.test", "--scp-ldaps", "alice@contoso.test"),
            "--scp-ldaps goes with --ad-domain"),
        Arguments.of(List.of("resolve", "--methods", "office365,office365", "alice@contoso.test"),
            "--methods: 'office365' is named twice"),
        Arguments.of(List.of("resolve", "--protocol", "xml", "alice@contoso.test"),
            "--protocol: expected pox, json, soap or activesync, not 'xml'"),
        Arguments.of(List.of("resolve", "--protocol", "json", "--json-protocol", "E ws", "alice@contoso.test"),
            "--json-protocol: "),
        Arguments.of(List.of("resolve", "--json-protocol", "", "alice@contoso.test"), "--json-protocol: "),
        Arguments.of(List.of("resolve", "--protocol", "soap", "--soap-settings", "Bad Name", "alice@contoso.test"),
            "--soap-settings: "),
        Arguments.of(List.of("resolve", "--soap-settings", "UserDisplayName,,ExternalEwsUrl", "alice@contoso.test"),
            "--soap-settings: "),
        Arguments.of(List.of("doctor", "--protocol", "xml", "alice@contoso.test"), "--protocol"),
        Arguments.of(List.of("doctor", "--soap-settings", "Bad Name", "alice@contoso.test"), "--soap-settings: "),
        Arguments.of(List.of("resolve", "--redirects", "maybe", "alice@contoso.test"), "--redirects"),
        Arguments.of(List.of("resolve", "--probing", "eager", "alice@contoso.test"), "--probing"),
        Arguments.of(List.of("resolve", "--untrusted", "sometimes", "alice@contoso.test"), "--untrusted"),
        Arguments.of(List.of("resolve", "--dns-server", "dns.contoso.test", "alice@contoso.test"), "--dns-server"),
        Arguments.of(List.of("resolve", "--timeout", "0", "alice@contoso.test"), "--timeout"),
        Arguments.of(List.of("resolve", "--trust", "/nonexistent/ca.pem", "alice@contoso.test"), "--trust"),
        Arguments.of(List.of("resolve", "--user", "alice", "alice@contoso.test"), "--password-env"),
        Arguments.of(List.of("resolve", "--user", "alice", "--password-env", "AUTODISCOVER_TEST_UNSET_VARIABLE",
            "alice@contoso.test"), "AUTODISCOVER_TEST_UNSET_VARIABLE is not set"),
        Arguments.of(List.of("resolve", "--route", "127.0.1.1=127.0.0.1:1", "alice@contoso.test"), "--route"),
        Arguments.of(List.of("resolve", "--concurrency", "0", "alice@contoso.test"),
            "--concurrency must be between 1 and 256: 0"),
        Arguments.of(List.of("resolve", "--concurrency", "257", "alice@contoso.test"),
            "--concurrency must be between 1 and 256: 257"),
        Arguments.of(List.of("resolve", "--concurrency", "x", "alice@contoso.test"), "--concurrency"),
        Arguments.of(List.of("resolve", "--progress", "sometimes", "alice@contoso.test"),
            "--progress: expected auto, always or never, not 'sometimes'"),
        Arguments.of(List.of("resolve", "--input", "-"), "no address to resolve"),
        Arguments.of(List.of("demo", "no-such-story"), "no demo story named 'no-such-story'"),
        Arguments.of(List.of("demo", "--color", "--no-color"), "--color and --no-color exclude each other"),
        Arguments.of(List.of("doctor", "alice"), "'alice' is not a valid address"),
        Arguments.of(List.of("doctor"), "Missing required parameter: 'EMAIL'"),
        Arguments.of(List.of("doctor", "alice@contoso.test", "bob@contoso.test"), "Unmatched argument"),
        Arguments.of(List.of("doctor", "--color", "--no-color", "alice@contoso.test"),
            "--color and --no-color exclude each other"),
        Arguments.of(List.of("doctor", "--methods", "a-record,mx", "alice@contoso.test"), "unknown method 'mx'"),
        Arguments.of(List.of("doctor", "--trust", "/nonexistent/ca.pem", "alice@contoso.test"), "--trust"),
        Arguments.of(List.of("doctor", "--site", "Berlin", "alice@contoso.test"),
            "--site needs --scp-ldap URL or --ad-domain DOMAIN"));
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

package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.testkit.DnsQuery;
import dev.autodiscover.testkit.FixtureHost;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DNS answers built to cost work or to break URLs: hundreds of SRV records, answers too large for
 * UDP, CNAME loops and long chains, SRV targets that are not host names, and names at the length
 * limit. Each ends in a bounded time with an attempt that says what was wrong.
 */
class HostileDnsTest extends LoopbackTest {
  private static final String SRV_NAME = "_autodiscover._tcp.contoso.test";
  /** Far more than the time any of these resolutions needs, and far less than the resolver's own limit. */
  private static final Duration PROMPTLY = Duration.ofSeconds(15);

  /** A name of {@code length} characters ending in {@code suffix}, of labels of at most 63 characters. */
  private static String nameOfLength(int length, String suffix) {
    StringBuilder name = new StringBuilder();
    int left = length - suffix.length() - 1;
    while (left > 64) {
      name.append("a".repeat(63)).append('.');
      left -= 64;
    }
    return name.append("b".repeat(left)).append('.').append(suffix).toString();
  }

  @Test
  void srvAnswerOfHundredsOfRecordsHasOnlyTheFirstTwentyTried() {
    for (int i = 0; i < 500; i++) {
      network.dns().addSrv(SRV_NAME, i % 7, i % 5, 443, "mail" + i + ".fabrikam.test");
    }
    RecordingConsent consent = new RecordingConsent(RedirectConsent.SAME_DOMAIN);
    long start = System.nanoTime();

    AutodiscoverResult result = Loopback.resolver(network).strategies(Strategies.srv()).redirectConsent(consent)
        .build().resolve("alice@contoso.test");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).as(result.describe()).isLessThan(PROMPTLY);
    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe()).first().satisfies(attempt -> {
      assertThat(attempt.url()).isEqualTo(SRV_NAME);
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.REDIRECTED);
      assertThat(attempt.detail())
          .startsWith("500 SRV record(s), of which only the first 20 in RFC 2782 order are tried: [mail");
    });
    assertThat(result.attempts()).as(result.describe()).hasSize(21);
    assertThat(result.attempts().subList(1, 21)).extracting(Attempt::outcome)
        .containsOnly(AttemptOutcome.REDIRECT_DENIED);
    assertThat(consent.asked()).hasSize(20);
    // the first twenty in RFC 2782 order are the lowest priority: i % 7 == 0 (72 records) and they alone
    assertThat(consent.asked()).extracting(request -> request.to().getHost())
        .allSatisfy(host -> assertThat(Integer.parseInt(host.substring(4, host.indexOf('.'))) % 7).isZero());
  }

  @Test
  void srvAnswerTooLargeForUdpArrivesWholeOverTcp() {
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "mail.contoso.test");
    for (int i = 1; i < 60; i++) {
      network.dns().addSrv(SRV_NAME, i, 0, 443, "backup" + i + ".contoso.test");
    }

    AutodiscoverResult result = Loopback.resolver(network).strategies(Strategies.srv()).build()
        .resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(Loopback.autodiscoverUrl("mail.contoso.test")), DiscoveryMethod.SRV));
    assertThat(result.attempts().get(0).detail()).as(result.describe())
        .startsWith("60 SRV record(s), of which only the first 20 in RFC 2782 order are tried: [mail.contoso.test, backup1.");
    assertThat(network.dns().queries()).filteredOn(query -> query.name().equals(SRV_NAME))
        .containsExactly(new DnsQuery(SRV_NAME, "SRV", DnsQuery.UDP), new DnsQuery(SRV_NAME, "SRV", DnsQuery.TCP));
  }

  @Test
  void cnameChainOfAFewHopsLeadsToTheHost() {
    network.httpsHost("edge.contoso.test", network.certificateAuthority().issue("autodiscover.contoso.test"))
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addCname("autodiscover.contoso.test", "cdn.contoso.test")
        .addCname("cdn.contoso.test", "cdn.provider.test")
        .addCname("cdn.provider.test", "edge.contoso.test");

    AutodiscoverResult result = Loopback.resolver(network).strategies(Strategies.prefixedHost()).build()
        .resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe()).contains(new Endpoint(
        URI.create(Loopback.autodiscoverUrl("autodiscover.contoso.test")), DiscoveryMethod.PREFIXED_HOST));
  }

  @Test
  void cnameLoopFailsTheLookupAtOnceAndSaysSo() {
    network.dns().addCname("autodiscover.contoso.test", "loop.contoso.test")
        .addCname("loop.contoso.test", "autodiscover.contoso.test");
    long start = System.nanoTime();

    AutodiscoverResult result = Loopback.resolver(network).strategies(Strategies.prefixedHost()).build()
        .resolve("alice@contoso.test");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).as(result.describe()).isLessThan(PROMPTLY);
    assertThat(result.attempts()).as(result.describe()).singleElement().satisfies(attempt -> {
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DNS_FAILED);
      assertThat(attempt.detail()).contains("autodiscover.contoso.test", "the CNAME chain loops back on itself");
    });
  }

  @Test
  void cnameChainLongerThanTheLimitFailsTheLookupAndSaysSo() {
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addCname("autodiscover.contoso.test", "hop1.contoso.test");
    for (int i = 1; i < 12; i++) {
      network.dns().addCname("hop" + i + ".contoso.test", "hop" + (i + 1) + ".contoso.test");
    }
    network.dns().addCname("hop12.contoso.test", "mail.contoso.test");
    long start = System.nanoTime();

    AutodiscoverResult result = Loopback.resolver(network).strategies(Strategies.prefixedHost()).build()
        .resolve("alice@contoso.test");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).as(result.describe()).isLessThan(PROMPTLY);
    assertThat(result.attempts()).as(result.describe()).singleElement().satisfies(attempt -> {
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DNS_FAILED);
      assertThat(attempt.detail()).contains("autodiscover.contoso.test", "the CNAME chain is longer than 8 aliases");
    });
  }

  /** Targets written as in a zone file: {@code \032} is a space, {@code \233} a byte outside ASCII, {@code \.} a dot inside a label. */
  @ParameterizedTest
  @ValueSource(strings = {
      "mail\\032x.contoso.test", "*.contoso.test", "_mail.contoso.test", "caf\\233.contoso.test",
      "mail\\.x.contoso.test", "-mail.contoso.test", "mail-.contoso.test", "127.0.0.1", "mail.contoso.123"})
  void srvTargetThatIsNotAHostNameIsRefusedAndNeverBecomesAUrl(String target) {
    network.dns().addSrv(SRV_NAME, 0, 0, 443, target);
    RecordingConsent consent = new RecordingConsent(RedirectConsent.ALLOW_ALL);

    AutodiscoverResult result = Loopback.resolver(network).strategies(Strategies.srv()).redirectConsent(consent)
        .build().resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe()).singleElement().satisfies(attempt -> {
      assertThat(attempt.method()).isEqualTo(DiscoveryMethod.SRV);
      assertThat(attempt.url()).isEqualTo(SRV_NAME);
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.INVALID_REDIRECT);
      assertThat(attempt.detail()).isEqualTo("1 SRV record(s); ignored ['" + target + "']: not host names");
    });
    assertThat(result.redirects()).isEmpty();
    assertThat(consent.asked()).isEmpty();
  }

  @Test
  void srvTargetsThatAreNotHostNamesBesideOneThatIsAreListedAsIgnored() {
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "mail\\032x.contoso.test")
        .addSrv(SRV_NAME, 1, 0, 443, "MAIL.Contoso.Test")
        .addSrv(SRV_NAME, 2, 0, 443, "*.contoso.test");

    AutodiscoverResult result = Loopback.resolver(network).strategies(Strategies.srv()).build()
        .resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome, Attempt::detail)
        .containsExactly(
            tuple(SRV_NAME, AttemptOutcome.REDIRECTED,
                "3 SRV record(s): [mail.contoso.test]; ignored ['mail\\032x.contoso.test', '*.contoso.test']: not host names"),
            tuple(Loopback.autodiscoverUrl("mail.contoso.test"), AttemptOutcome.SUCCESS, "Autodiscover settings received"));
  }

  @Test
  void srvTargetOfTheLongestHostNameIsTried() {
    String longest = nameOfLength(253, "contoso.test");
    FixtureHost host = network.httpsHost(longest).respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv(SRV_NAME, 0, 0, 443, longest);

    AutodiscoverResult result = Loopback.resolver(network).strategies(Strategies.srv()).build()
        .resolve("alice@contoso.test");

    assertThat(longest).hasSize(253);
    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(Loopback.autodiscoverUrl(longest)), DiscoveryMethod.SRV));
    assertThat(host.requests()).hasSize(1);
  }

  @Test
  void addressWhoseDomainIsTheLongestDnsNameResolvesAtTheDomain() {
    String domain = nameOfLength(253, "contoso.test");
    network.httpsHost(domain).respondWithPox(Loopback.settings("alice@" + domain));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@" + domain);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(Loopback.autodiscoverUrl(domain)), DiscoveryMethod.A_RECORD));
  }

  @Test
  void namesDerivedFromALongDomainThatDnsCannotCarryAreNotTried() {
    String domain = nameOfLength(253, "contoso.test");
    network.httpsHost(domain).respond(500, "down", "text/plain");

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@" + domain);

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::method, Attempt::outcome)
        .containsExactly(
            tuple(DiscoveryMethod.A_RECORD, AttemptOutcome.HTTP_ERROR),
            tuple(DiscoveryMethod.PREFIXED_HOST, AttemptOutcome.DNS_FAILED),
            tuple(DiscoveryMethod.HTTP_REDIRECT, AttemptOutcome.DNS_FAILED),
            tuple(DiscoveryMethod.SRV, AttemptOutcome.DNS_FAILED));
    assertThat(result.attempts().subList(1, 3)).extracting(Attempt::detail).containsOnly(
        "not tried: autodiscover." + domain + " is 266 characters long, and a DNS name holds at most 253");
    assertThat(result.attempts().get(3).detail())
        .isEqualTo("not looked up: the name is 272 characters long, and a DNS name holds at most 253");
    assertThat(network.dns().queries()).extracting(DnsQuery::name).containsOnly(domain);
  }

  @Test
  void domainLongerThanDnsAllowsIsAnInvalidAddress() {
    String domain = nameOfLength(254, "contoso.test");

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@" + domain);

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.INVALID_EMAIL));
    assertThat(result.attempts()).isEmpty();
    assertThat(network.dns().queries()).isEmpty();
  }
}

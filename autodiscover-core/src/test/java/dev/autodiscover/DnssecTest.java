package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.spi.DnssecTrustAnchors;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.SignedZone;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Resolutions with a DNS client that requires DNSSEC, against the fixture network's zones signed in
 * the test: a signed zone resolves as an unsigned one would without the requirement; an unsigned
 * zone, a record changed after signing and expired signatures are refused, every lookup's attempt
 * saying why, and no request reaches a host whose address was refused.
 */
class DnssecTest extends LoopbackTest {
  private static final String SRV_NAME = "_autodiscover._tcp.contoso.test";
  private static final String MAIL_URL = Loopback.autodiscoverUrl("mail.contoso.test");
  private static final String PREFIXED_URL = Loopback.autodiscoverUrl("autodiscover.contoso.test");

  private AutodiscoverResolver.Builder requiringDnssec(SignedZone zone) {
    DnssecTrustAnchors anchors = DnssecTrustAnchors.parse(zone.ds());
    return Loopback.resolver(network).dnsClient(DnsClient.requiringDnssec(anchors, network.dnsServer()));
  }

  /** {@code autodiscover.contoso.test} answers with settings. */
  private FixtureHost autodiscoverHost() {
    return network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
  }

  @Test
  void signedZoneResolvesThroughEveryKindOfAnswer() {
    network.httpsHost("autodiscover.contoso.test", network.certificateAuthority().issue("legacy.contoso.test"))
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "mail.contoso.test");
    SignedZone zone = network.dns().signZone("contoso.test");

    AutodiscoverResult result = requiringDnssec(zone).build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.SRV));
    // contoso.test has no address (a proven NODATA), the others have an A record and a proven absent AAAA
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::method, Attempt::outcome)
        .containsExactly(
            tuple(DiscoveryMethod.A_RECORD, AttemptOutcome.DNS_FAILED),
            tuple(DiscoveryMethod.PREFIXED_HOST, AttemptOutcome.CERTIFICATE_REJECTED),
            tuple(DiscoveryMethod.HTTP_REDIRECT, AttemptOutcome.CONNECT_FAILED),
            tuple(DiscoveryMethod.SRV, AttemptOutcome.REDIRECTED),
            tuple(DiscoveryMethod.SRV, AttemptOutcome.SUCCESS));
    assertThat(result.attempts().get(0).detail()).isEqualTo("DNS: contoso.test: no A or AAAA record");
  }

  @Test
  void provenAbsentNamesFailAsTheyWouldWithoutTheRequirement() {
    network.dns().addA("www.contoso.test", "127.0.1.9");
    SignedZone zone = network.dns().signZone("contoso.test");

    AutodiscoverResult result = requiringDnssec(zone).strategies(Strategies.prefixedHost(), Strategies.srv()).build()
        .resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome, Attempt::detail)
        .containsExactly(
            tuple(PREFIXED_URL, AttemptOutcome.DNS_FAILED, "autodiscover.contoso.test: no such domain (NXDOMAIN)"),
            tuple(SRV_NAME, AttemptOutcome.DNS_FAILED, SRV_NAME + ": no such domain (NXDOMAIN)"));
  }

  @Test
  void unsignedZoneIsRefusedAndEveryAttemptSaysNoAnchorCoversIt() {
    FixtureHost host = autodiscoverHost();
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "autodiscover.contoso.test");
    SignedZone fabrikam = network.dns().signZone("fabrikam.test");

    AutodiscoverResult result = requiringDnssec(fabrikam).build().resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe()).hasSize(4).allSatisfy(attempt -> {
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DNS_FAILED);
      assertThat(attempt.detail()).contains("is not DNSSEC-validated: no trust anchor covers",
          "(there are anchors for [fabrikam.test] only)");
    });
    assertThat(result.attempts().get(1).detail()).isEqualTo("DNS: the answer for autodiscover.contoso.test A is not"
        + " DNSSEC-validated: no trust anchor covers autodiscover.contoso.test (there are anchors for [fabrikam.test] only)");
    assertThat(host.requests()).isEmpty();
  }

  @Test
  void recordChangedAfterSigningIsRefusedAsBogus() {
    FixtureHost host = autodiscoverHost();
    SignedZone zone = network.dns().signZone("contoso.test");
    network.dns().addA("autodiscover.contoso.test", "127.0.9.9");

    AutodiscoverResult result = requiringDnssec(zone).strategies(Strategies.prefixedHost()).build()
        .resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe()).singleElement().satisfies(attempt -> {
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DNS_FAILED);
      assertThat(attempt.detail()).startsWith(
          "DNS: the answer for autodiscover.contoso.test A is not DNSSEC-validated: it is bogus (");
    });
    assertThat(host.requests()).isEmpty();
  }

  @Test
  void theSameChangedZoneResolvesWithoutTheRequirement() {
    FixtureHost host = autodiscoverHost();
    network.dns().signZone("contoso.test");
    network.dns().addA("autodiscover.contoso.test", "127.0.9.9");

    AutodiscoverResult result = Loopback.resolver(network).strategies(Strategies.prefixedHost()).build()
        .resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(PREFIXED_URL), DiscoveryMethod.PREFIXED_HOST));
    assertThat(host.requests()).hasSize(1);
  }

  @Test
  void expiredSignaturesAreRefusedAsBogus() {
    FixtureHost host = autodiscoverHost();
    Instant now = Instant.now();
    SignedZone zone = network.dns().signZone("contoso.test", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));

    AutodiscoverResult result = requiringDnssec(zone).strategies(Strategies.prefixedHost()).build()
        .resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe()).singleElement().satisfies(attempt -> {
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DNS_FAILED);
      assertThat(attempt.detail()).contains("is not DNSSEC-validated: it is bogus (",
          "the zone's signatures may have expired");
    });
    assertThat(host.requests()).isEmpty();
  }
}

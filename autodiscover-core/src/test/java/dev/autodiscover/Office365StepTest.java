package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.testkit.DnsQuery;
import dev.autodiscover.testkit.FixtureHost;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Office 365 step: Microsoft's own host asked when {@code autodiscover.<domain>} is a CNAME to
 * its service (through the stub DNS server), or always when the host application enables it.
 */
class Office365StepTest extends LoopbackTest {
  private static final String O365_URL = Loopback.autodiscoverUrl("outlook.office365.com");

  /** A domain hosted in Microsoft 365: its autodiscover name is Microsoft's, with Microsoft's certificate. */
  private FixtureHost hostedDomain(String alias) {
    network.httpsHost("autodiscover.outlook.com").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addCname("autodiscover.contoso.test", alias);
    return network.httpsHost("outlook.office365.com").respondWithPox(Loopback.settings("alice@contoso.test"));
  }

  private static AutodiscoverResolver.Builder withOffice365Step(
      AutodiscoverResolver.Builder builder, dev.autodiscover.spi.DiscoveryStrategy office365) {
    return builder.strategies(Strategies.aRecord(), Strategies.prefixedHost(), office365,
        Strategies.httpRedirect(), Strategies.srv());
  }

  @Test
  void autodiscoverNameAliasedToMicrosoftIsResolvedAtMicrosoftsOwnHost() {
    FixtureHost office365 = hostedDomain("autodiscover.outlook.com");

    AutodiscoverResult result = withOffice365Step(Loopback.resolver(network), Strategies.office365WhenAliased())
        .build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(O365_URL), DiscoveryMethod.OFFICE365, Dialect.POX));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::method, Attempt::url, Attempt::outcome)
        .containsSubsequence(
            tuple(DiscoveryMethod.PREFIXED_HOST, Loopback.autodiscoverUrl("autodiscover.contoso.test"),
                AttemptOutcome.CERTIFICATE_REJECTED),
            tuple(DiscoveryMethod.OFFICE365, "autodiscover.contoso.test", AttemptOutcome.REDIRECTED),
            tuple(DiscoveryMethod.OFFICE365, O365_URL, AttemptOutcome.SUCCESS));
    assertThat(result.attempts()).filteredOn(attempt -> attempt.outcome() == AttemptOutcome.REDIRECTED)
        .singleElement()
        .satisfies(attempt -> assertThat(attempt.detail()).contains("autodiscover.outlook.com",
            "Microsoft 365 worldwide", "outlook.office365.com"));
    assertThat(result.redirects()).as("a step the library configured needs no consent").isEmpty();
    assertThat(result.office365Aliases()).containsExactly("autodiscover.contoso.test");
    assertThat(result.remediation()).as("Microsoft's certificate on the alias is no fault of the domain").isEmpty();
    assertThat(office365.requests()).singleElement()
        .satisfies(request -> assertThat(request.body()).contains("alice@contoso.test"));
  }

  @Test
  void aliasThroughAChainOfCnamesCounts() {
    hostedDomain("autodiscover.contoso-mail.test");
    network.dns().addCname("autodiscover.contoso-mail.test", "autodiscover.outlook.com");

    AutodiscoverResult result = withOffice365Step(Loopback.resolver(network), Strategies.office365WhenAliased())
        .build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .hasValueSatisfying(endpoint -> assertThat(endpoint.method()).isEqualTo(DiscoveryMethod.OFFICE365));
  }

  @Test
  void domainThatIsNoAliasNeverTalksToMicrosoftAndLeavesNoAttempt() {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    FixtureHost office365 = network.httpsHost("outlook.office365.com")
        .respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = withOffice365Step(Loopback.resolver(network), Strategies.office365WhenAliased())
        .probing(Probing.sequential()).build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .hasValueSatisfying(endpoint -> assertThat(endpoint.method()).isEqualTo(DiscoveryMethod.PREFIXED_HOST));
    assertThat(result.attempts()).extracting(Attempt::method).doesNotContain(DiscoveryMethod.OFFICE365);
    assertThat(office365.requests()).isEmpty();
  }

  @Test
  void aliasToAnotherServiceIsNotMicrosofts() {
    network.dns().addCname("autodiscover.contoso.test", "autodiscover.outlook.com.evil.test");
    FixtureHost office365 = network.httpsHost("outlook.office365.com")
        .respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = withOffice365Step(Loopback.resolver(network), Strategies.office365WhenAliased())
        .build().resolve("alice@contoso.test");

    assertThat(result.resolved()).as(result.describe()).isFalse();
    assertThat(office365.requests()).isEmpty();
  }

  @Test
  void sovereignCloudIsRecognisedByItsOwnAliasAndAskedAtItsOwnHost() {
    Office365Cloud sovereign = new Office365Cloud("test cloud", "outlook.cloud.test", List.of("autodiscover.cloud.test"));
    network.dns().addCname("autodiscover.contoso.test", "autodiscover.cloud.test");
    FixtureHost cloud = network.httpsHost("outlook.cloud.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = withOffice365Step(Loopback.resolver(network),
        Strategies.office365WhenAliased(Office365Cloud.WORLDWIDE, sovereign)).build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(Loopback.autodiscoverUrl("outlook.cloud.test")), DiscoveryMethod.OFFICE365));
    assertThat(cloud.requests()).hasSize(1);
  }

  @Test
  void enabledOffice365StepAsksMicrosoftWithoutAnyAlias() {
    FixtureHost office365 = network.httpsHost("outlook.office365.com")
        .respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network)
        .strategies(Strategies.office365(), Strategies.aRecord(), Strategies.prefixedHost())
        .build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(O365_URL), DiscoveryMethod.OFFICE365));
    assertThat(result.attempts()).first()
        .satisfies(attempt -> assertThat(attempt.method()).isEqualTo(DiscoveryMethod.OFFICE365));
    assertThat(office365.requests()).hasSize(1);
    assertThat(network.dns().queries()).extracting(DnsQuery::type).doesNotContain("CNAME");
  }

  @Test
  void microsoftsCertificateMustStillBeValidForItsHost() {
    network.dns().addCname("autodiscover.contoso.test", "autodiscover.outlook.com");
    network.httpsHost("outlook.office365.com", network.certificateAuthority().issue("outlook.evil.test"))
        .respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = withOffice365Step(Loopback.resolver(network), Strategies.office365WhenAliased())
        .build().resolve("alice@contoso.test");

    assertThat(result.resolved()).as(result.describe()).isFalse();
    assertThat(result.attempts()).as(result.describe())
        .anySatisfy(attempt -> {
          assertThat(attempt.method()).isEqualTo(DiscoveryMethod.OFFICE365);
          assertThat(attempt.url()).isEqualTo(O365_URL);
          assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.CERTIFICATE_REJECTED);
        });
  }

  @Test
  void dnsClientWrittenBeforeAliasLookupsNeverTriggersTheStep() {
    hostedDomain("autodiscover.outlook.com");
    DnsClient real = DnsClient.usingServers(network.dnsServer());
    DnsClient older = new DnsClient() {
      @Override
      public List<InetAddress> lookupAddresses(String hostname) throws UnknownHostException {
        return real.lookupAddresses(hostname);
      }

      @Override
      public List<dev.autodiscover.spi.SrvRecord> lookupSrv(String name) throws UnknownHostException {
        return real.lookupSrv(name);
      }
    };

    AutodiscoverResult result = withOffice365Step(Loopback.resolver(network), Strategies.office365WhenAliased())
        .dnsClient(older).build().resolve("alice@contoso.test");

    assertThat(result.attempts()).extracting(Attempt::method).doesNotContain(DiscoveryMethod.OFFICE365);
  }

  @Test
  void defaultOrderHoldsTheAliasTriggeredStepAndTheEnabledOrderAsksMicrosoftEarly() {
    assertThat(Strategies.defaults()).extracting(dev.autodiscover.spi.DiscoveryStrategy::method).containsExactly(
        DiscoveryMethod.SCP, DiscoveryMethod.A_RECORD, DiscoveryMethod.PREFIXED_HOST, DiscoveryMethod.OFFICE365,
        DiscoveryMethod.HTTP_REDIRECT, DiscoveryMethod.SRV);
    assertThat(Strategies.defaults().get(3)).isSameAs(Strategies.office365WhenAliased());
    assertThat(Strategies.defaultsWithOffice365()).extracting(dev.autodiscover.spi.DiscoveryStrategy::method).containsExactly(
        DiscoveryMethod.SCP, DiscoveryMethod.OFFICE365, DiscoveryMethod.A_RECORD, DiscoveryMethod.PREFIXED_HOST,
        DiscoveryMethod.HTTP_REDIRECT, DiscoveryMethod.SRV);
    assertThat(Strategies.defaultsWithOffice365().get(1)).isSameAs(Strategies.office365());
  }

  @Test
  void cloudsRefuseNamesThatAreNotHostNames() {
    assertThatThrownBy(() -> new Office365Cloud("x", "127.0.0.1", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host").hasMessageContaining("127.0.0.1");
    assertThatThrownBy(() -> new Office365Cloud("x", "outlook.test", List.of("bad name")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aliasTargets");
    assertThatThrownBy(() -> new Office365Cloud(" ", "outlook.test", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> Strategies.office365(new Office365Cloud[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one cloud");
    assertThat(new Office365Cloud("x", "Outlook.Test.", List.of("AutoDiscover.Test")))
        .satisfies(cloud -> {
          assertThat(cloud.host()).isEqualTo("outlook.test");
          assertThat(cloud.isAliasTarget("autodiscover.test.")).isTrue();
          assertThat(cloud.isAliasTarget("xautodiscover.test")).isFalse();
        });
  }

  @Test
  void aliasLookupFollowsTheChainAndRefusesLoops() throws UnknownHostException {
    network.dns().addCname("a.contoso.test", "b.contoso.test");
    network.dns().addCname("b.contoso.test", "c.contoso.test");
    network.dns().addCname("loop1.contoso.test", "loop2.contoso.test");
    network.dns().addCname("loop2.contoso.test", "loop1.contoso.test");
    DnsClient dns = DnsClient.usingServers(network.dnsServer());

    assertThat(dns.lookupAliases("a.contoso.test", Duration.ofSeconds(5)))
        .containsExactly("b.contoso.test", "c.contoso.test");
    assertThat(dns.lookupAliases("c.contoso.test", Duration.ofSeconds(5))).isEmpty();
    assertThat(dns.lookupAliases("missing.contoso.test", Duration.ofSeconds(5))).isEmpty();
    assertThatThrownBy(() -> dns.lookupAliases("loop1.contoso.test", Duration.ofSeconds(5)))
        .isInstanceOf(UnknownHostException.class).hasMessageContaining("loops");
  }
}

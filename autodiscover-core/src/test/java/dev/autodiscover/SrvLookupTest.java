package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.testkit.DnsQuery;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.PoxResponses;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The SRV step: consent, priority order, "no service", ports, and the names looked up. */
class SrvLookupTest extends LoopbackTest {
  private static final String SRV_NAME = "_autodiscover._tcp.contoso.test";
  private static final String MAIL_URL = Loopback.autodiscoverUrl("mail.contoso.test");

  /** {@code autodiscover.contoso.test} answers with a certificate that lacks its name. */
  private void autodiscoverHostWithWrongCertificate() {
    network.httpsHost("autodiscover.contoso.test",
        network.certificateAuthority().issue("legacy.contoso.test"))
        .respondWithPox(Loopback.settings("alice@contoso.test"));
  }

  @Test
  void srvRecordToANameOnTheCertificateIsFollowedWithConsent() {
    autodiscoverHostWithWrongCertificate();
    FixtureHost mail = network.httpsHost("mail.contoso.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "mail.contoso.test");
    RecordingConsent consent = new RecordingConsent(RedirectConsent.SAME_DOMAIN);

    AutodiscoverResult result = Loopback.resolver(network).redirectConsent(consent).build()
        .resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.SRV));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::method, Attempt::outcome)
        .containsExactly(
            tuple(DiscoveryMethod.A_RECORD, AttemptOutcome.DNS_FAILED),
            tuple(DiscoveryMethod.PREFIXED_HOST, AttemptOutcome.CERTIFICATE_REJECTED),
            tuple(DiscoveryMethod.HTTP_REDIRECT, AttemptOutcome.CONNECT_FAILED),
            tuple(DiscoveryMethod.SRV, AttemptOutcome.REDIRECTED),
            tuple(DiscoveryMethod.SRV, AttemptOutcome.SUCCESS));
    assertThat(result.attempts().get(3).url()).isEqualTo(SRV_NAME);
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.SRV, SRV_NAME, MAIL_URL, true));
    assertThat(consent.asked()).containsExactly(new RedirectRequest(
        RedirectType.SRV, "alice@contoso.test", SRV_NAME, URI.create(MAIL_URL), true));
    assertThat(mail.requests()).singleElement()
        .satisfies(request -> assertThat(request.body()).contains("alice@contoso.test"));
  }

  @Test
  void srvRecordRefusedByTheHostApplicationIsNotFollowed() {
    autodiscoverHostWithWrongCertificate();
    FixtureHost mail = network.httpsHost("mail.contoso.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "mail.contoso.test");

    AutodiscoverResult result = Loopback.resolver(network).redirectConsent(RedirectConsent.DENY_ALL).build()
        .resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    Attempt last = result.attempts().get(result.attempts().size() - 1);
    assertThat(last.method()).as(result.describe()).isEqualTo(DiscoveryMethod.SRV);
    assertThat(last.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.REDIRECT_DENIED);
    assertThat(last.url()).isEqualTo(MAIL_URL);
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.SRV, SRV_NAME, MAIL_URL, false));
    assertThat(mail.requests()).isEmpty();
  }

  @Test
  void srvTargetInAnotherDomainIsDeniedByTheDefaultPolicy() {
    autodiscoverHostWithWrongCertificate();
    FixtureHost fabrikam = network.httpsHost("mail.fabrikam.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "mail.fabrikam.test");
    RecordingConsent consent = new RecordingConsent(RedirectConsent.SAME_DOMAIN);
    String fabrikamUrl = Loopback.autodiscoverUrl("mail.fabrikam.test");

    AutodiscoverResult result = Loopback.resolver(network).redirectConsent(consent).build()
        .resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe()).last()
        .satisfies(attempt -> {
          assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.REDIRECT_DENIED);
          assertThat(attempt.detail()).contains("mail.fabrikam.test", "contoso.test");
        });
    assertThat(consent.asked()).containsExactly(new RedirectRequest(
        RedirectType.SRV, "alice@contoso.test", SRV_NAME, URI.create(fabrikamUrl), false));
    assertThat(fabrikam.requests()).isEmpty();
  }

  @Test
  void srvTargetInAnotherDomainIsFollowedWhenTheHostApplicationAllowsIt() {
    autodiscoverHostWithWrongCertificate();
    network.httpsHost("mail.fabrikam.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "mail.fabrikam.test");
    String fabrikamUrl = Loopback.autodiscoverUrl("mail.fabrikam.test");

    AutodiscoverResult result = Loopback.resolver(network).redirectConsent(RedirectConsent.ALLOW_ALL).build()
        .resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(fabrikamUrl), DiscoveryMethod.SRV));
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.SRV, SRV_NAME, fabrikamUrl, true));
  }

  @Test
  void consentIsNotAskedAndSrvNotLookedUpWhileAHigherCandidateAnswers() {
    network.host("autodiscover.contoso.test").https().http().start()
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "mail.contoso.test");
    RecordingConsent consent = new RecordingConsent(RedirectConsent.ALLOW_ALL);

    AutodiscoverResult result = Loopback.resolver(network).redirectConsent(consent).build()
        .resolve("alice@contoso.test");

    assertThat(result.endpoint().map(Endpoint::method)).as(result.describe())
        .contains(DiscoveryMethod.PREFIXED_HOST);
    assertThat(consent.asked()).isEmpty();
    assertThat(network.dns().queries()).extracting(DnsQuery::type).doesNotContain("SRV");
  }

  @Test
  void srvTargetAlreadyTriedAsTheAutodiscoverHostIsNotTriedAgain() {
    FixtureHost prefixed = network.httpsHost("autodiscover.contoso.test").respond(500, "down", "text/plain");
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "autodiscover.contoso.test");

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe()).last().satisfies(attempt -> {
      assertThat(attempt.method()).isEqualTo(DiscoveryMethod.SRV);
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.INVALID_REDIRECT);
      assertThat(attempt.detail()).contains("already tried");
    });
    assertThat(prefixed.requests()).hasSize(1);
  }

  @Test
  void srvTargetsAreTriedInPriorityOrder() {
    network.httpsHost("mail0.contoso.test").respondWithPox(PoxResponses.error("500", "Mailbox not here"));
    network.httpsHost("mail10.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    // listed with the higher priority first, so the order cannot come from the answer's order
    network.dns().addSrv(SRV_NAME, 10, 0, 443, "mail10.contoso.test");
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "mail0.contoso.test");

    AutodiscoverResult result = Loopback.resolver(network).strategies(Strategies.srv()).build()
        .resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(SRV_NAME, AttemptOutcome.REDIRECTED),
            tuple(Loopback.autodiscoverUrl("mail0.contoso.test"), AttemptOutcome.AUTODISCOVER_ERROR),
            tuple(Loopback.autodiscoverUrl("mail10.contoso.test"), AttemptOutcome.SUCCESS));
    assertThat(result.endpoint().map(Endpoint::url))
        .contains(URI.create(Loopback.autodiscoverUrl("mail10.contoso.test")));
  }

  @Test
  void everyTargetOfTheLowestPriorityIsTriedWhateverItsWeightBeforeTheNextPriority() {
    network.httpsHost("heavy.contoso.test").respondWithPox(PoxResponses.error("500", "heavy"));
    network.httpsHost("light.contoso.test").respondWithPox(PoxResponses.error("500", "light"));
    network.httpsHost("backup.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv(SRV_NAME, 5, 100, 443, "backup.contoso.test");
    network.dns().addSrv(SRV_NAME, 1, 1, 443, "light.contoso.test");
    network.dns().addSrv(SRV_NAME, 1, 60, 443, "heavy.contoso.test");

    AutodiscoverResult result = Loopback.resolver(network).strategies(Strategies.srv()).build()
        .resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe()).hasSize(4);
    assertThat(result.attempts().subList(1, 3)).as(result.describe())
        .extracting(Attempt::url)
        .containsExactlyInAnyOrder(
            Loopback.autodiscoverUrl("heavy.contoso.test"), Loopback.autodiscoverUrl("light.contoso.test"));
    assertThat(result.attempts().get(3).url()).isEqualTo(Loopback.autodiscoverUrl("backup.contoso.test"));
    assertThat(result.resolved()).as(result.describe()).isTrue();
  }

  @Test
  void srvTargetDotMeansTheServiceIsNotOffered() {
    network.dns().addSrv(SRV_NAME, 0, 0, 0, ".");

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe()).last().satisfies(attempt -> {
      assertThat(attempt.method()).isEqualTo(DiscoveryMethod.SRV);
      assertThat(attempt.url()).isEqualTo(SRV_NAME);
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DNS_FAILED);
      assertThat(attempt.detail()).contains("not offered");
    });
    assertThat(result.redirects()).isEmpty();
  }

  @Test
  void srvTargetDotBesideRealTargetsIsIgnored() {
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv(SRV_NAME, 0, 0, 0, ".");
    network.dns().addSrv(SRV_NAME, 10, 0, 443, "mail.contoso.test");

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.SRV));
  }

  @Test
  void refusedSrvTargetsDoNotCountTowardTheRedirectLimit() {
    for (int i = 0; i < 12; i++) {
      network.dns().addSrv(SRV_NAME, 0, 0, 443, "mail" + i + ".fabrikam.test");
    }
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv(SRV_NAME, 1, 0, 443, "mail.contoso.test");

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.SRV));
    assertThat(result.redirects()).filteredOn(redirect -> !redirect.allowed()).hasSize(12);
  }

  @Test
  void srvTargetOnAnotherPortIsIgnoredByDefault() {
    FixtureHost mail = network.httpsHost("mail.contoso.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    network.route("mail.contoso.test", 8443, mail.httpsPort());
    network.dns().addSrv(SRV_NAME, 0, 0, 8443, "mail.contoso.test");

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe()).last().satisfies(attempt -> {
      assertThat(attempt.method()).isEqualTo(DiscoveryMethod.SRV);
      assertThat(attempt.url()).isEqualTo(SRV_NAME);
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.INVALID_REDIRECT);
      assertThat(attempt.detail()).contains("mail.contoso.test:8443", "443");
    });
    assertThat(mail.requests()).isEmpty();
  }

  @Test
  void srvTargetOnAnAllowedPortIsUsedWithThatPort() {
    FixtureHost mail = network.httpsHost("mail.contoso.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    network.route("mail.contoso.test", 8443, mail.httpsPort());
    network.dns().addSrv(SRV_NAME, 0, 0, 8443, "mail.contoso.test");
    String url = Loopback.autodiscoverUrl("mail.contoso.test:8443");

    AutodiscoverResult result = Loopback.resolver(network)
        .strategies(Strategies.aRecord(), Strategies.prefixedHost(), Strategies.httpRedirect(),
            Strategies.srv(443, 8443))
        .build()
        .resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(url), DiscoveryMethod.SRV));
    assertThat(result.redirects()).containsExactly(new Redirect(RedirectType.SRV, SRV_NAME, url, true));
    assertThat(mail.requests()).singleElement()
        .satisfies(request -> assertThat(request.method()).isEqualTo("POST"));
  }

  @Test
  void aDomainWithNoRecordsFailsEveryStepAndOnlyItsOwnNamesAreLookedUp() {
    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::method, Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(DiscoveryMethod.A_RECORD, Loopback.autodiscoverUrl("contoso.test"),
                AttemptOutcome.DNS_FAILED),
            tuple(DiscoveryMethod.PREFIXED_HOST, Loopback.autodiscoverUrl("autodiscover.contoso.test"),
                AttemptOutcome.DNS_FAILED),
            tuple(DiscoveryMethod.HTTP_REDIRECT,
                "http://autodiscover.contoso.test/autodiscover/autodiscover.xml",
                AttemptOutcome.DNS_FAILED),
            tuple(DiscoveryMethod.SRV, SRV_NAME, AttemptOutcome.DNS_FAILED));
    assertThat(result.redirects()).isEmpty();
    assertThat(network.dns().queries()).extracting(DnsQuery::name)
        .isNotEmpty()
        .allSatisfy(name -> assertThat(name).satisfiesAnyOf(
            n -> assertThat(n).isEqualTo("contoso.test"),
            n -> assertThat(n).endsWith(".contoso.test")))
        .doesNotContain("autodiscover.test", "test")
        .contains("contoso.test", "autodiscover.contoso.test", SRV_NAME);
  }
}

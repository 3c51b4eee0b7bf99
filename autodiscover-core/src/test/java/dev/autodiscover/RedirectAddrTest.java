package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.PoxResponses;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** {@code Action=redirectAddr}: the resolution restarts for the mailbox's real address. */
class RedirectAddrTest extends LoopbackTest {
  private static final String CONTOSO_URL = Loopback.autodiscoverUrl("autodiscover.contoso.test");
  private static final String FABRIKAM_URL = Loopback.autodiscoverUrl("autodiscover.fabrikam.test");

  @Test
  void redirectAddrRestartsTheResolutionForTheNewAddressWithoutAskingConsent() {
    network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(PoxResponses.redirectAddr("alice@fabrikam.test"));
    FixtureHost fabrikam = network.httpsHost("autodiscover.fabrikam.test")
        .respondWithPox(Loopback.settings("alice@fabrikam.test"));
    RecordingConsent consent = new RecordingConsent(RedirectConsent.DENY_ALL);

    AutodiscoverResult result = Loopback.resolver(network).redirectConsent(consent).build()
        .resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(FABRIKAM_URL), DiscoveryMethod.PREFIXED_HOST));
    assertThat(result.email()).isEqualTo("alice@contoso.test");
    assertThat(result.finalEmail()).isEqualTo("alice@fabrikam.test");
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(Loopback.autodiscoverUrl("contoso.test"), AttemptOutcome.DNS_FAILED),
            tuple(CONTOSO_URL, AttemptOutcome.REDIRECTED),
            tuple(Loopback.autodiscoverUrl("fabrikam.test"), AttemptOutcome.DNS_FAILED),
            tuple(FABRIKAM_URL, AttemptOutcome.SUCCESS));
    assertThat(result.redirects()).as(result.describe()).containsExactly(
        new Redirect(RedirectType.REDIRECT_ADDR, "alice@contoso.test", "alice@fabrikam.test", true));
    assertThat(consent.asked()).isEmpty();
    assertThat(fabrikam.requests()).singleElement().satisfies(request -> {
      assertThat(request.body()).contains("<EMailAddress>alice@fabrikam.test</EMailAddress>");
      assertThat(request.body()).doesNotContain("alice@contoso.test");
    });
  }

  @Test
  void theNewAddressIsResolvedUnderTheSameRulesConsentsIncluded() {
    network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(PoxResponses.redirectAddr("alice@fabrikam.test"));
    network.httpsHost("mail.fabrikam.test").respondWithPox(Loopback.settings("alice@fabrikam.test"));
    network.dns().addSrv("_autodiscover._tcp.fabrikam.test", 0, 0, 443, "mail.fabrikam.test");
    RecordingConsent consent = new RecordingConsent(RedirectConsent.SAME_DOMAIN);
    String mailUrl = Loopback.autodiscoverUrl("mail.fabrikam.test");

    AutodiscoverResult result = Loopback.resolver(network).redirectConsent(consent).build()
        .resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(mailUrl), DiscoveryMethod.SRV));
    assertThat(consent.asked()).containsExactly(new RedirectRequest(RedirectType.SRV,
        "alice@fabrikam.test", "_autodiscover._tcp.fabrikam.test", URI.create(mailUrl), true));
    assertThat(result.redirects()).as(result.describe()).extracting(Redirect::type)
        .containsExactly(RedirectType.REDIRECT_ADDR, RedirectType.SRV);
  }

  @Test
  void redirectAddrBackToAnAddressAlreadyResolvedIsALoop() {
    network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(PoxResponses.redirectAddr("alice@fabrikam.test"));
    network.httpsHost("autodiscover.fabrikam.test")
        .respondWithPox(PoxResponses.redirectAddr("alice@contoso.test"));
    FixtureHost mail = network.httpsHost("mail.fabrikam.test")
        .respondWithPox(Loopback.settings("alice@fabrikam.test"));
    network.dns().addSrv("_autodiscover._tcp.fabrikam.test", 0, 0, 443, "mail.fabrikam.test");

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe()).hasValueSatisfying(error -> {
      assertThat(error.code()).isEqualTo(ErrorCode.REDIRECT_LOOP);
      assertThat(error.message()).contains("alice@contoso.test", "alice@fabrikam.test");
    });
    assertThat(result.redirects()).as(result.describe()).containsExactly(
        new Redirect(RedirectType.REDIRECT_ADDR, "alice@contoso.test", "alice@fabrikam.test", true),
        new Redirect(RedirectType.REDIRECT_ADDR, "alice@fabrikam.test", "alice@contoso.test", false));
    assertThat(result.attempts()).as(result.describe()).last().satisfies(attempt -> {
      assertThat(attempt.url()).isEqualTo(FABRIKAM_URL);
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.INVALID_REDIRECT);
    });
    assertThat(mail.requests()).as("no candidate is tried after the loop").isEmpty();
  }

  @Test
  void redirectAddrToSomethingThatIsNotAnAddressIsInvalidAndTheResolutionGoesOn() {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.redirectAddr("alice"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .contains(tuple(CONTOSO_URL, AttemptOutcome.INVALID_REDIRECT));
    assertThat(result.attempts()).extracting(Attempt::method).as(result.describe())
        .endsWith(DiscoveryMethod.HTTP_REDIRECT, DiscoveryMethod.SRV);
    assertThat(result.redirects()).isEmpty();
  }

  @Test
  void redirectAddrToTheSameAddressIsInvalidAndTheResolutionGoesOn() {
    network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(PoxResponses.redirectAddr("Alice@Contoso.test"));
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe()).contains(
        new Endpoint(URI.create(Loopback.autodiscoverUrl("mail.contoso.test")), DiscoveryMethod.SRV));
    assertThat(result.finalEmail()).isEqualTo("alice@contoso.test");
    assertThat(result.attempts()).as(result.describe())
        .filteredOn(attempt -> attempt.url().equals(CONTOSO_URL))
        .singleElement()
        .satisfies(attempt -> {
          assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.INVALID_REDIRECT);
          assertThat(attempt.detail()).contains("alice@contoso.test");
        });
    assertThat(result.redirects()).as(result.describe()).extracting(Redirect::type)
        .containsExactly(RedirectType.SRV);
  }
}

package dev.autodiscover.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Endpoint;
import dev.autodiscover.ErrorCode;
import dev.autodiscover.Redirect;
import dev.autodiscover.RedirectType;
import dev.autodiscover.ResolutionError;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.FixtureNetworkExtension;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.ReceivedRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FixtureNetworkExtension.class)
class RedirectConsentPromptTest {
  private static final String SRV_NAME = "_autodiscover._tcp.contoso.test";
  private static final String MAIL_URL = LoopbackResolvers.autodiscoverUrl("mail.contoso.test");
  private static final String SETTINGS =
      PoxResponses.settings("Alice", "alice@contoso.test", LoopbackResolvers.EWS_URL);

  /**
   * autodiscover.contoso.test presents a certificate without its name, and an SRV record points
   * to mail.contoso.test, which answers.
   */
  private static FixtureHost srvRecordToTheMailServer(FixtureNetwork network) {
    network.httpsHost("autodiscover.contoso.test", network.certificateAuthority().issue("legacy.contoso.test"))
        .respondWithPox(SETTINGS);
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "mail.contoso.test");
    return network.httpsHost("mail.contoso.test").respondWithPox(SETTINGS);
  }

  private static AutodiscoverResult resolve(FixtureNetwork network, Console console) {
    return RedirectConsentPrompt.resolve(
        LoopbackResolvers.builder(network), "alice@contoso.test", console.in(), console.out());
  }

  @Test
  void answeringNoRefusesTheSrvTarget(FixtureNetwork network) {
    FixtureHost mail = srvRecordToTheMailServer(network);
    Console console = new Console("n");

    AutodiscoverResult result = resolve(network, console);

    assertThat(result.error()).as(result.describe()).map(ResolutionError::code).contains(ErrorCode.NO_ENDPOINT);
    assertThat(result.attempts()).as(result.describe()).last()
        .extracting(Attempt::method, Attempt::url, Attempt::outcome)
        .containsExactly(DiscoveryMethod.SRV, MAIL_URL, AttemptOutcome.REDIRECT_DENIED);
    assertThat(result.redirects()).containsExactly(new Redirect(RedirectType.SRV, SRV_NAME, MAIL_URL, false));
    assertThat(mail.requests()).isEmpty();
    assertThat(console.output())
        .contains("alice@contoso.test: follow " + SRV_NAME + " to " + MAIL_URL + "?")
        .contains("the DNS SRV record " + SRV_NAME + " names that server")
        .doesNotContain("outside the domain");
  }

  @Test
  void answeringYesFollowsTheSrvTarget(FixtureNetwork network) {
    FixtureHost mail = srvRecordToTheMailServer(network);
    Console console = new Console("y");

    AutodiscoverResult result = resolve(network, console);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.SRV));
    assertThat(mail.requests()).extracting(ReceivedRequest::method).containsExactly("POST");
    assertThat(console.output()).contains("Follow it? [y/N] ")
        .endsWith("Autodiscover: " + MAIL_URL + System.lineSeparator());
  }

  @Test
  void endOfInputRefusesTheSrvTarget(FixtureNetwork network) {
    FixtureHost mail = srvRecordToTheMailServer(network);

    AutodiscoverResult result = resolve(network, new Console());

    assertThat(result.resolved()).as(result.describe()).isFalse();
    assertThat(result.attempts()).last().extracting(Attempt::outcome).isEqualTo(AttemptOutcome.REDIRECT_DENIED);
    assertThat(mail.requests()).isEmpty();
  }

  @Test
  void plainHttpRedirectIsExplainedAsUnencryptedAndFollowedOnYes(FixtureNetwork network) {
    network.httpHost("autodiscover.contoso.test").redirect(302, MAIL_URL);
    network.httpsHost("mail.contoso.test").respondWithPox(SETTINGS);
    Console console = new Console("yes");

    AutodiscoverResult result = resolve(network, console);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), DiscoveryMethod.HTTP_REDIRECT));
    assertThat(console.output())
        .contains("follow http://autodiscover.contoso.test/autodiscover/autodiscover.xml to " + MAIL_URL + "?")
        .contains("an unencrypted HTTP answer named that server");
  }

  @Test
  void redirectToAnotherDomainIsExplainedAndRefusedOnNo(FixtureNetwork network) {
    String fabrikamUrl = LoopbackResolvers.autodiscoverUrl("mail.fabrikam.test");
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.redirectUrl(fabrikamUrl));
    FixtureHost fabrikam = network.httpsHost("mail.fabrikam.test").respondWithPox(SETTINGS);
    Console console = new Console("n");

    AutodiscoverResult result = resolve(network, console);

    assertThat(result.resolved()).as(result.describe()).isFalse();
    assertThat(result.redirects()).extracting(Redirect::type, Redirect::to, Redirect::allowed)
        .containsExactly(tuple(RedirectType.REDIRECT_URL, fabrikamUrl, false));
    assertThat(fabrikam.requests()).isEmpty();
    assertThat(console.output())
        .contains("the Autodiscover server redirects to another domain")
        .contains("Careful: mail.fabrikam.test is outside the domain of alice@contoso.test.");
  }

  @Test
  void nobodyIsAskedWhileAHigherCandidateAnswers(FixtureNetwork network) {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(SETTINGS);
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "mail.contoso.test");
    Console console = new Console("n");

    AutodiscoverResult result = resolve(network, console);

    assertThat(result.endpoint()).as(result.describe()).map(Endpoint::method).contains(DiscoveryMethod.PREFIXED_HOST);
    assertThat(console.output()).doesNotContain("follow").doesNotContain("Follow");
  }
}

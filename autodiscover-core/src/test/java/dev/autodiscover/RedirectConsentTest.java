package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The ready-made consent policies. */
class RedirectConsentTest {
  private static RedirectRequest to(String url, boolean withinEmailDomain) {
    return new RedirectRequest(RedirectType.REDIRECT_URL, "alice@contoso.test",
        "https://outlook.office365.com/autodiscover/autodiscover.xml", URI.create(url), withinEmailDomain);
  }

  @Test
  void sameDomainAndAllowsTheListedDomainsAndTheirSubdomainsBesidesTheEmailsOwn() {
    RedirectConsent microsoft = RedirectConsent.sameDomainAnd("outlook.com", "office365.com");

    assertThat(microsoft.decide(to("https://autodiscover-s.outlook.com/autodiscover/autodiscover.json", false)))
        .isEqualTo(RedirectDecision.ALLOW);
    assertThat(microsoft.decide(to("https://OUTLOOK.office365.com/autodiscover/autodiscover.xml", false)))
        .isEqualTo(RedirectDecision.ALLOW);
    assertThat(microsoft.decide(to("https://outlook.com/autodiscover/autodiscover.xml", false)))
        .isEqualTo(RedirectDecision.ALLOW);
    assertThat(microsoft.decide(to("https://mail.contoso.test/autodiscover/autodiscover.xml", true)))
        .isEqualTo(RedirectDecision.ALLOW);
  }

  @Test
  void sameDomainAndRefusesLookAlikesAndEverythingElse() {
    RedirectConsent microsoft = RedirectConsent.sameDomainAnd("outlook.com");

    assertThat(microsoft.decide(to("https://evil-outlook.com/autodiscover/autodiscover.xml", false)))
        .isEqualTo(RedirectDecision.DENY);
    assertThat(microsoft.decide(to("https://outlook.com.evil.test/autodiscover/autodiscover.xml", false)))
        .isEqualTo(RedirectDecision.DENY);
    assertThat(microsoft.decide(to("https://mail.fabrikam.test/autodiscover/autodiscover.xml", false)))
        .isEqualTo(RedirectDecision.DENY);
  }

  @Test
  void sameDomainAndRefusesPublicSuffixesAndNamesThatAreNotHostNames() {
    assertThatThrownBy(() -> RedirectConsent.sameDomainAnd("com"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public suffix").hasMessageContaining("com");
    assertThatThrownBy(() -> RedirectConsent.sameDomainAnd("co.uk"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public suffix");
    assertThatThrownBy(() -> RedirectConsent.sameDomainAnd("outlook .com"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host name");
    assertThatThrownBy(() -> RedirectConsent.sameDomainAnd("127.0.0.1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

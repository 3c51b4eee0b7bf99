package dev.autodiscover.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainRulesTest {

  @ParameterizedTest
  @CsvSource({
      "mail.contoso.com, contoso.com, true",
      "contoso.com, contoso.com, true",
      "autodiscover.eu.contoso.com, contoso.com, true",
      "mail.contoso.test, contoso.test, true",
      "mail.fabrikam.com, contoso.com, false",
      "contoso.com.evil.net, contoso.com, false",
      "mail.contoso.co.uk, contoso.co.uk, true",
      "mail.fabrikam.co.uk, contoso.co.uk, false",
      "outlook.office365.com, contoso.com, false"
  })
  void decidesWhetherAHostIsInsideTheEmailsRegistrableDomain(String host, String domain, boolean within) {
    assertThat(DomainRules.withinDomain(host, domain)).isEqualTo(within);
  }

  @ParameterizedTest
  @CsvSource({
      "mail.contoso.co.uk, contoso.co.uk",
      "a.b.contoso.com, contoso.com",
      "co.uk, co.uk",
      "127.0.0.1, 127.0.0.1"
  })
  void findsTheRegistrableDomainFromThePublicSuffixList(String host, String registrable) {
    assertThat(DomainRules.registrableDomain(host)).isEqualTo(registrable);
  }
}

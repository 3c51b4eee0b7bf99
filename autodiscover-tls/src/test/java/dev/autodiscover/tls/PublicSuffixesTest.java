package dev.autodiscover.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicSuffixesTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "com", "COM", "uk", "co.uk", "com.ua", "github.io", "github.IO",
      "anything.ck", // "*.ck" covers every name one label under ck...
      "test", // ...and the default rule "*" covers every single label, listed or not.
      "xn--lgrd-poac.no"}) // ålgård.no, listed in U-labels and asked for in A-labels.
  void listedRulesAndWildcardRulesArePublicSuffixes(String domain) {
    assertThat(PublicSuffixes.isPublicSuffix(domain)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "contoso.com", "www.contoso.co.uk", "octocat.github.io",
      "www.ck", // The exception rule "!www.ck" beats "*.ck".
      "a.b.ck", "city.kobe.jp", "contoso.test", "", "com.", ".com", "co..uk"})
  void registrableNamesAndExceptionsAreNotPublicSuffixes(String domain) {
    assertThat(PublicSuffixes.isPublicSuffix(domain)).isFalse();
  }

  @Test
  void theListIsBundledWithThisModule() {
    assertThat(PublicSuffixes.class.getResource(PublicSuffixes.RESOURCE)).isNotNull();
  }
}

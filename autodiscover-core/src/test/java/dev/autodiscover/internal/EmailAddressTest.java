package dev.autodiscover.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "alice@contoso.com | alice@contoso.com | contoso.com",
      "Alice@Contoso.COM | Alice@contoso.com | contoso.com",
      "' bob@fabrikam.com ' | bob@fabrikam.com | fabrikam.com",
      "bob@fabrikam.com. | bob@fabrikam.com | fabrikam.com",
      "user@bücher.example | user@xn--bcher-kva.example | xn--bcher-kva.example",
      "user@BÜCHER.example | user@xn--bcher-kva.example | xn--bcher-kva.example",
      "first.last+tag@contoso.com | first.last+tag@contoso.com | contoso.com",
      "o'brien&co=1{x}~!#$%*/?^`@contoso.com | o'brien&co=1{x}~!#$%*/?^`@contoso.com | contoso.com",
      "\"a b\"@contoso.com | \"a b\"@contoso.com | contoso.com",
      "\"a@b\"@contoso.com | \"a@b\"@contoso.com | contoso.com",
      "\"<tag> & \\\"quoted\\\"\"@contoso.com | \"<tag> & \\\"quoted\\\"\"@contoso.com | contoso.com",
      "jürgen@münchen.example | jürgen@xn--mnchen-3ya.example | xn--mnchen-3ya.example",
      "alice@sales.contoso.co.uk | alice@sales.contoso.co.uk | sales.contoso.co.uk",
  })
  void acceptsAddressesAndNormalisesTheDomain(String input, String address, String domain) {
    EmailAddress.Parsed parsed = EmailAddress.parse(input);

    assertThat(parsed.email()).as(parsed.problem()).hasValueSatisfying(email -> {
      assertThat(email.address()).isEqualTo(address);
      assertThat(email.domain()).isEqualTo(domain);
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'' | the address is empty",
      "'   ' | the address is empty",
      "alice | has no '@'",
      "alice@ | has no domain after the '@'",
      "@contoso.com | has nothing before the '@'",
      "alice@contoso..com | is not a valid domain name",
      "alice@-contoso.com | is not a valid domain name",
      "alice@contoso_com.com | is not a valid domain name",
      "alice@.com | is not a valid domain name",
      "ali ce@contoso.com | ' ' may stand before the '@' only inside quotes",
      "a<b@contoso.com | '<' may stand before the '@' only inside quotes",
      "a\"b\"@contoso.com | '\"' may stand before the '@' only inside quotes",
      ".alice@contoso.com | starts or ends with a dot",
      "alice.@contoso.com | starts or ends with a dot",
      "al..ice@contoso.com | has two in a row",
      "\"alice@contoso.com | never closes",
      "\"al\"ice@contoso.com | text between its quoted local part and the '@'",
      "alice@[192.0.2.1] | names an address literal",
      "alice@com | 'com' is a public suffix",
      "alice@co.uk | 'co.uk' is a public suffix",
      "alice@localhost | 'localhost' is a public suffix",
  })
  void refusesWhatIsNotAnAddressSayingWhy(String input, String problem) {
    EmailAddress.Parsed parsed = EmailAddress.parse(input);

    assertThat(parsed.email()).isEmpty();
    assertThat(parsed.problem()).contains(problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice@contoso.com\r\nBcc: x@y.com", "alice@contoso.com\n", "\"a\rb\"@contoso.com", "al\u0000ice@contoso.com"})
  void refusesLineBreaksAndControlCharactersEvenInsideQuotesOrAtTheEnd(String input) {
    EmailAddress.Parsed parsed = EmailAddress.parse(input);

    assertThat(parsed.email()).isEmpty();
    assertThat(parsed.problem()).containsAnyOf("a line break (CR)", "a line break (LF)", "the control character U+0000");
  }

  @Test
  void refusesInvisibleCharactersThatCouldDisguiseTheAddress() {
    assertThat(EmailAddress.parse("alice\u202E@contoso.com").problem())
        .isEqualTo("the address contains the invisible format character U+202E at position 6");
    assertThat(EmailAddress.parse("\"a\u2028b\"@contoso.com").problem())
        .isEqualTo("the address contains the line break U+2028 at position 3");
    assertThat(EmailAddress.parse("al\u200Bice@contoso.com").email()).isEmpty();
  }

  @Test
  void refusesALoneSurrogateWhichNoXmlRequestCouldCarry() {
    assertThat(EmailAddress.parse("al\uD800ice@contoso.com").problem()).contains("the non-character U+D800 at position 3");
    assertThat(EmailAddress.parse("al\uD83D\uDE00ice@contoso.com").email()).as("a paired surrogate is a character").isPresent();
  }

  @Test
  void refusesAnOverlongAddressSayingWhy() {
    assertThat(EmailAddress.parse("a".repeat(400) + "@contoso.com").problem()).contains("longer than 320");
    assertThat(EmailAddress.parse("a".repeat(10_000_000) + "@contoso.com").problem()).contains("longer than 320");
  }

  @Test
  void refusesALocalPartLongerThan64Octets() {
    assertThat(EmailAddress.parse("a".repeat(64) + "@contoso.com").email()).isPresent();
    assertThat(EmailAddress.parse("a".repeat(65) + "@contoso.com").problem()).contains("longer than 64 octets");
    assertThat(EmailAddress.parse("ü".repeat(33) + "@contoso.com").problem()).as("counted in UTF-8")
        .contains("longer than 64 octets");
  }

  @Test
  void saysThatAnAddressWithoutAtHasNoDomain() {
    assertThat(EmailAddress.parse("alice").problem()).contains("no '@'");
  }
}

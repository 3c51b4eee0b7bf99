package dev.autodiscover.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  @ParameterizedTest
  @CsvSource({
      "alice@contoso.com, alice@contoso.com, contoso.com",
      "Alice@Contoso.COM, Alice@contoso.com, contoso.com",
      "' bob@fabrikam.com ', bob@fabrikam.com, fabrikam.com",
      "bob@fabrikam.com., bob@fabrikam.com, fabrikam.com",
      "user@bücher.example, user@xn--bcher-kva.example, xn--bcher-kva.example",
      "\"a b\"@contoso.com, \"a b\"@contoso.com, contoso.com"
  })
  void acceptsAddressesAndNormalisesTheDomain(String input, String address, String domain) {
    EmailAddress.Parsed parsed = EmailAddress.parse(input);

    assertThat(parsed.email()).hasValueSatisfying(email -> {
      assertThat(email.address()).isEqualTo(address);
      assertThat(email.domain()).isEqualTo(domain);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "   ", "alice", "alice@", "@contoso.com", "alice@contoso..com", "alice@-contoso.com",
      "alice@contoso.com\r\nBcc: x@y", "ali ce@contoso.com", "alice@contoso_com.com", "alice@.com"
  })
  void refusesWhatIsNotAnAddress(String input) {
    EmailAddress.Parsed parsed = EmailAddress.parse(input);

    assertThat(parsed.email()).isEmpty();
    assertThat(parsed.problem()).isNotBlank();
  }

  @org.junit.jupiter.api.Test
  void refusesAnOverlongAddressSayingWhy() {
    EmailAddress.Parsed parsed = EmailAddress.parse("a".repeat(400) + "@contoso.com");

    assertThat(parsed.problem()).contains("longer than 320");
  }

  @org.junit.jupiter.api.Test
  void saysThatAnAddressWithoutAtHasNoDomain() {
    assertThat(EmailAddress.parse("alice").problem()).contains("no '@'");
  }
}

package dev.autodiscover.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the address parser and the DNS name normalizer behind it with properties any correct
 * version of them keeps: they never throw, a domain comes out as lower-case A-labels that
 * normalize to themselves, and an accepted address carries no control characters and no space
 * outside a quoted word.
 *
 * <p>Each seed ({@code EmailAddressFuzzTestInputs/<method>/}) is the text given to the method, as
 * it is: UTF-8 for characters up to U+FFFF (Jazzer's FuzzedDataProvider reads modified UTF-8).
 */
class EmailAddressFuzzTest {

  /** Dot-separated labels of ASCII lower-case letters, digits and inner hyphens, 1 to 63 each. */
  private static final Pattern LDH_NAME = Pattern.compile(
      "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");

  /** The longest address the parser accepts, as its messages say. */
  private static final int MAX_ADDRESS_LENGTH = 320;

  @FuzzTest
  @Timeout(5)
  void asciiDomain(FuzzedDataProvider data) {
    String name = data.consumeRemainingAsString();

    Optional<String> ascii = EmailAddress.asciiDomain(name);

    ascii.ifPresent(EmailAddressFuzzTest::assertNormalizedDomain);
  }

  @FuzzTest
  @Timeout(5)
  void parse(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();

    EmailAddress.Parsed parsed = EmailAddress.parse(text);

    assertThat(parsed).isNotNull();
    assertThat(parsed.email()).isNotNull();
    if (parsed.email().isEmpty()) {
      assertThat(parsed.problem()).isNotBlank();
      return;
    }
    assertThat(parsed.problem()).isEmpty();
    EmailAddress email = parsed.email().get();
    String address = email.address();
    assertNormalizedDomain(email.domain());
    assertThat(address).endsWith("@" + email.domain());
    assertThat(address.length()).isLessThanOrEqualTo(MAX_ADDRESS_LENGTH);
    assertThat(address.codePoints()).noneMatch(Character::isISOControl);
    assertThat(address).isEqualTo(address.strip());
    String local = address.substring(0, address.length() - email.domain().length() - 1);
    assertThat(local).isNotEmpty();
    if (local.contains(" ")) {
      // RFC 6532 lets other scripts' spaces into an atom, but an ASCII space needs quotes.
      assertThat(spacesOnlyInQuotedWords(local)).as("spaces of %s are quoted", local).isTrue();
    }
    // A parsed address is its own normal form.
    assertThat(EmailAddress.parse(address).email()).contains(email);
  }

  /**
   * Whether every space of {@code local} lies in a quoted word: {@code "a b"}, or in the obsolete
   * syntax a dot-separated one ({@code a."b c".d}).
   */
  private static boolean spacesOnlyInQuotedWords(String local) {
    boolean quoted = false;
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (quoted && c == '\\') {
        i++; // a quoted pair
      } else if (c == '"') {
        boolean atWordEdge = quoted
            ? i + 1 == local.length() || local.charAt(i + 1) == '.'
            : i == 0 || local.charAt(i - 1) == '.';
        if (!atWordEdge) {
          return false;
        }
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        return false;
      }
    }
    return !quoted;
  }

  private static void assertNormalizedDomain(String domain) {
    assertThat(domain).matches(LDH_NAME);
    assertThat(domain.length()).isLessThanOrEqualTo(253);
    assertThat(EmailAddress.asciiDomain(domain)).contains(domain);
  }
}

package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodiscover.spi.CachedEndpoint;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a cache entry holds, and the values it refuses. */
class CachedEndpointTest {
  private static final Instant LEARNED = Instant.parse("2024-05-01T10:00:00Z");
  private static final Endpoint ENDPOINT = new Endpoint(
      URI.create("https://autodiscover.contoso.com/autodiscover/autodiscover.xml"), DiscoveryMethod.PREFIXED_HOST);

  @Test
  void aFoundEntryIsFreshUntilItExpires() {
    CachedEndpoint entry = CachedEndpoint.found("contoso.com", ENDPOINT, LEARNED, Duration.ofHours(1));

    assertThat(entry.found()).isTrue();
    assertThat(entry.endpoint()).contains(ENDPOINT);
    assertThat(entry.expires()).isEqualTo(LEARNED.plus(Duration.ofHours(1)));
    assertThat(entry.reason()).isEmpty();
    assertThat(entry.freshAt(LEARNED)).isTrue();
    assertThat(entry.freshAt(entry.expires().minusNanos(1))).isTrue();
    assertThat(entry.freshAt(entry.expires())).isFalse();
  }

  @Test
  void aFailureEntryKeepsItsReason() {
    CachedEndpoint entry = CachedEndpoint.failed(
        "contoso.com", "every step failed: no SRV record, TLS refused", LEARNED, Duration.ofMinutes(5));

    assertThat(entry.found()).isFalse();
    assertThat(entry.endpoint()).isEmpty();
    assertThat(entry.reason()).isEqualTo("every step failed: no SRV record, TLS refused");
  }

  @Test
  void theDomainIsKeptInLowerCaseWithoutTheTrailingDot() {
    CachedEndpoint entry = CachedEndpoint.found("Contoso.COM.", ENDPOINT, LEARNED, Duration.ofHours(1));

    assertThat(entry.domain()).isEqualTo("contoso.com");
  }

  @Test
  void aDomainThatIsBlankHoldsASpaceOrIsTooLongIsRefusedNamingTheDomain() {
    assertThatThrownBy(() -> CachedEndpoint.failed(" ", "", LEARNED, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domain");
    assertThatThrownBy(() -> CachedEndpoint.failed("contoso .com", "", LEARNED, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domain")
        .hasMessageContaining("'contoso .com'");
    assertThatThrownBy(() -> CachedEndpoint.failed("contoso\u0000.com", "", LEARNED, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domain")
        .hasMessageContaining("U+0000");
    String tooLong = "a".repeat(250) + ".com";
    assertThatThrownBy(() -> CachedEndpoint.failed(tooLong, "", LEARNED, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domain")
        .hasMessageContaining("253");
  }

  @Test
  void aDomainOf253CharactersIsAccepted() {
    String longest = "a".repeat(249) + ".com";

    assertThat(CachedEndpoint.failed(longest + ".", "", LEARNED, Duration.ofHours(1)).domain()).isEqualTo(longest);
  }

  @Test
  void aReasonOnSeveralLinesIsRefusedNamingTheReason() {
    assertThatThrownBy(() -> CachedEndpoint.failed("contoso.com", "first\nsecond", LEARNED, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason")
        .hasMessageContaining("U+000A at position 6");
    assertThatThrownBy(() -> CachedEndpoint.failed("contoso.com", "tab\there", LEARNED, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
  }

  @Test
  void aLongReasonIsCutTo500Characters() {
    CachedEndpoint entry = CachedEndpoint.failed("contoso.com", "x".repeat(800), LEARNED, Duration.ofHours(1));

    assertThat(entry.reason()).hasSize(CachedEndpoint.MAX_REASON_LENGTH).isEqualTo("x".repeat(500));
  }

  @Test
  void aReasonIsNotCutInsideACharacterOutsideTheBasicPlane() {
    String reason = "x".repeat(499) + "\uD83D\uDCE7" + "tail";

    assertThat(CachedEndpoint.failed("contoso.com", reason, LEARNED, Duration.ofHours(1)).reason())
        .isEqualTo("x".repeat(499));
  }

  @Test
  void aFoundEntryWithAReasonIsRefused() {
    assertThatThrownBy(() -> new CachedEndpoint(
        "contoso.com", Optional.of(ENDPOINT), LEARNED, LEARNED.plusSeconds(60), "because"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
  }

  @Test
  void anEntryThatExpiresWhenItIsLearnedIsRefusedNamingExpires() {
    assertThatThrownBy(() -> new CachedEndpoint("contoso.com", Optional.empty(), LEARNED, LEARNED, ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("expires must be after learned");
  }

  @Test
  void aTtlThatIsNotPositiveIsRefusedNamingTtl() {
    assertThatThrownBy(() -> CachedEndpoint.found("contoso.com", ENDPOINT, LEARNED, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ttl must be positive: PT0S");
    assertThatThrownBy(() -> CachedEndpoint.failed("contoso.com", "", LEARNED, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ttl must be positive");
    assertThatThrownBy(() -> CachedEndpoint.failed("contoso.com", "", LEARNED, Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ttl ");
  }

  @Test
  void missingValuesAreRefusedNamingTheParameter() {
    assertThatThrownBy(() -> CachedEndpoint.found("contoso.com", null, LEARNED, Duration.ofHours(1)))
        .isInstanceOf(NullPointerException.class).hasMessage("endpoint");
    assertThatThrownBy(() -> CachedEndpoint.failed("contoso.com", null, LEARNED, Duration.ofHours(1)))
        .isInstanceOf(NullPointerException.class).hasMessage("reason");
    assertThatThrownBy(() -> CachedEndpoint.failed(null, "", LEARNED, Duration.ofHours(1)))
        .isInstanceOf(NullPointerException.class).hasMessage("domain");
  }
}

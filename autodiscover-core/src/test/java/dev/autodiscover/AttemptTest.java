package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How an attempt reads in the story for people. */
class AttemptTest {

  @Test
  void readsAsMethodUrlOutcomeStatusAndDetail() {
    Attempt attempt = new Attempt(DiscoveryMethod.PREFIXED_HOST,
        "https://autodiscover.contoso.com/autodiscover/autodiscover.xml", AttemptOutcome.HTTP_ERROR,
        OptionalInt.of(503), Duration.ofMillis(5), Optional.empty(), "HTTP 503");

    assertThat(attempt).hasToString(
        "PREFIXED_HOST https://autodiscover.contoso.com/autodiscover/autodiscover.xml: HTTP_ERROR (HTTP 503) - HTTP 503");
  }

  @Test
  void anAttemptWithoutUrlReadsWithoutAStraySpace() {
    Attempt skipped = new Attempt(DiscoveryMethod.SCP, "", AttemptOutcome.SKIPPED, OptionalInt.empty(),
        Duration.ZERO, Optional.empty(), "no Active Directory configured");

    assertThat(skipped).hasToString("SCP: SKIPPED - no Active Directory configured");
  }
}

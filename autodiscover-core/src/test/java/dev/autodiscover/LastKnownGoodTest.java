package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.spi.CachedEndpoint;
import dev.autodiscover.spi.EndpointCache;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.PoxResponses;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The domain's last known good endpoint is tried first, and a domain that failed is not tried again at once. */
class LastKnownGoodTest extends LoopbackTest {
  private static final String PREFIXED_URL = Loopback.autodiscoverUrl("autodiscover.contoso.test");
  private static final Endpoint PREFIXED = new Endpoint(URI.create(PREFIXED_URL), DiscoveryMethod.PREFIXED_HOST);

  @Test
  void aSecondAddressOfTheDomainGoesStraightToTheRememberedEndpoint() {
    FixtureHost prefixed = network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    AutodiscoverResolver resolver = Loopback.resolver(network).build();

    AutodiscoverResult alice = resolver.resolve("alice@contoso.test");
    AutodiscoverResult bob = resolver.resolve("bob@contoso.test");

    assertThat(alice.attempts()).extracting(Attempt::method)
        .containsExactly(DiscoveryMethod.A_RECORD, DiscoveryMethod.PREFIXED_HOST);
    assertThat(bob.endpoint()).contains(PREFIXED);
    assertThat(bob.attempts()).as(bob.describe()).singleElement().satisfies(attempt -> {
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.SUCCESS);
      assertThat(attempt.detail())
          .isEqualTo("last known good endpoint (learned less than a minute ago): Autodiscover settings received");
    });
    assertThat(prefixed.requests()).hasSize(2);
  }

  @Test
  void aRememberedEndpointThatFailsFallsBackToFullDiscoveryAndIsReplaced() {
    network.unreachableHost("old.contoso.test");
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    EndpointCache cache = EndpointCache.inMemory();
    Instant now = Instant.now();
    cache.put(CachedEndpoint.found("contoso.test",
        new Endpoint(URI.create(Loopback.autodiscoverUrl("old.contoso.test")), DiscoveryMethod.A_RECORD),
        now, Duration.ofHours(1)));

    AutodiscoverResult result = Loopback.resolver(network).endpointCache(cache).build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe()).contains(PREFIXED);
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(Loopback.autodiscoverUrl("old.contoso.test"), AttemptOutcome.CONNECT_FAILED),
            tuple(Loopback.autodiscoverUrl("contoso.test"), AttemptOutcome.DNS_FAILED),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
    assertThat(result.attempts().get(0).detail()).startsWith("last known good endpoint (learned");
    assertThat(cache.get("contoso.test", Instant.now())).flatMap(CachedEndpoint::endpoint).contains(PREFIXED);
  }

  @Test
  void aDomainWhereEveryCandidateFailedIsNotTriedAgainForFiveMinutes() {
    MovableClock clock = new MovableClock();
    AutodiscoverResolver resolver = Loopback.resolver(network).clock(clock).build();

    AutodiscoverResult first = resolver.resolve("alice@contoso.test");
    AutodiscoverResult second = resolver.resolve("bob@contoso.test");
    clock.advance(Duration.ofMinutes(5));
    AutodiscoverResult later = resolver.resolve("carol@contoso.test");

    assertThat(first.attempts()).hasSize(4);
    assertThat(second.error()).map(ResolutionError::code).contains(ErrorCode.NO_ENDPOINT);
    assertThat(second.attempts()).as(second.describe()).singleElement().satisfies(attempt -> {
      assertThat(attempt.method()).isEqualTo(DiscoveryMethod.of("CACHE"));
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.SKIPPED);
      assertThat(attempt.detail()).startsWith("discovery for contoso.test failed at ")
          .contains("(no candidate answered: 4 DNS_FAILED)")
          .contains("not tried again before");
    });
    assertThat(later.attempts()).as(later.describe()).hasSize(4);
  }

  @Test
  void aFailureThatDependsOnTheAddressIsNotRemembered() {
    FixtureHost prefixed = network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(PoxResponses.error("500", "The email address can't be found."));
    AutodiscoverResolver resolver = Loopback.resolver(network).build();

    resolver.resolve("nobody@contoso.test");
    AutodiscoverResult second = resolver.resolve("alice@contoso.test");

    assertThat(second.attempts()).as(second.describe()).extracting(Attempt::method)
        .contains(DiscoveryMethod.A_RECORD, DiscoveryMethod.PREFIXED_HOST);
    assertThat(prefixed.requests()).hasSize(2);
  }

  @Test
  void aRememberedSrvEndpointIsPutToTheConsentPolicyAgain() {
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    EndpointCache cache = EndpointCache.inMemory();
    String mailUrl = Loopback.autodiscoverUrl("mail.contoso.test");
    cache.put(CachedEndpoint.found("contoso.test", new Endpoint(URI.create(mailUrl), DiscoveryMethod.SRV),
        Instant.now(), Duration.ofHours(1)));
    RecordingConsent consent = new RecordingConsent(RedirectConsent.DENY_ALL);

    AutodiscoverResult result = Loopback.resolver(network).endpointCache(cache).redirectConsent(consent).build()
        .resolve("alice@contoso.test");

    assertThat(consent.asked()).singleElement().satisfies(request -> {
      assertThat(request.type()).isEqualTo(RedirectType.SRV);
      assertThat(request.from()).isEqualTo("the last known good endpoint of contoso.test");
    });
    assertThat(result.attempts().get(0).outcome()).isEqualTo(AttemptOutcome.REDIRECT_DENIED);
    assertThat(result.resolved()).isFalse();
  }

  @Test
  void aFileCacheKeepsTheEndpointForAboutAnHourAcrossResolvers(@TempDir Path directory) throws Exception {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    Path file = directory.resolve("endpoints.txt");

    Loopback.resolver(network).endpointCache(EndpointCache.file(file)).build().resolve("alice@contoso.test");
    AutodiscoverResult again = Loopback.resolver(network).endpointCache(EndpointCache.file(file)).build()
        .resolve("bob@contoso.test");

    CachedEndpoint entry = EndpointCache.file(file).get("contoso.test", Instant.now()).orElseThrow();
    assertThat(entry.endpoint()).contains(PREFIXED);
    assertThat(Duration.between(entry.learned(), entry.expires()))
        .isBetween(Duration.ofMinutes(54), Duration.ofMinutes(60));
    assertThat(again.attempts()).singleElement().extracting(Attempt::outcome).isEqualTo(AttemptOutcome.SUCCESS);
    assertThat(Files.readString(file)).contains("contoso.test", "found PREFIXED_HOST " + PREFIXED_URL);
  }

  @Test
  void addressesOfOneDomainResolvedAtOnceShareOneDiscovery() {
    FixtureHost prefixed = network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    AutodiscoverResolver resolver = Loopback.resolver(network).build();

    List<AutodiscoverResult> results = IntStream.range(0, 8)
        .mapToObj(i -> resolver.resolveAsync("user" + i + "@contoso.test"))
        .toList().stream().map(CompletableFuture::join).toList();

    assertThat(results).allSatisfy(result -> assertThat(result.endpoint()).contains(PREFIXED));
    assertThat(results).filteredOn(result -> result.attempts().size() > 1).singleElement()
        .satisfies(discovery -> assertThat(discovery.attempts()).extracting(Attempt::method)
            .containsExactly(DiscoveryMethod.A_RECORD, DiscoveryMethod.PREFIXED_HOST));
    assertThat(prefixed.requests()).hasSize(8);
  }
}

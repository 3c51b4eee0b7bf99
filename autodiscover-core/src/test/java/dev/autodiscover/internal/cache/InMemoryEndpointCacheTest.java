package dev.autodiscover.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Endpoint;
import dev.autodiscover.spi.CachedEndpoint;
import dev.autodiscover.spi.EndpointCache;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-memory cache: freshness, recency and how domains are matched. */
class InMemoryEndpointCacheTest {
  static final Instant LEARNED = Instant.parse("2024-05-01T10:00:00Z");
  static final Duration TTL = Duration.ofHours(1);

  static CachedEndpoint found(String domain) {
    return CachedEndpoint.found(domain, new Endpoint(
        URI.create("https://autodiscover." + domain + "/autodiscover/autodiscover.xml"),
        DiscoveryMethod.PREFIXED_HOST), LEARNED, TTL);
  }

  private final EndpointCache cache = new InMemoryEndpointCache();

  @Test
  void aFreshEntryIsReturned() {
    CachedEndpoint entry = found("contoso.com");
    cache.put(entry);

    assertThat(cache.get("contoso.com", LEARNED.plusSeconds(60))).contains(entry);
  }

  @Test
  void aStaleEntryIsNotReturnedAndIsDropped() {
    CachedEndpoint entry = found("contoso.com");
    cache.put(entry);

    assertThat(cache.get("contoso.com", entry.expires())).isEmpty();
    assertThat(cache.get("contoso.com", LEARNED)).as("asked again at a time it was fresh").isEmpty();
  }

  @Test
  void domainsAreMatchedIgnoringCase() {
    CachedEndpoint entry = found("contoso.com");
    cache.put(entry);

    assertThat(cache.get("Contoso.COM", LEARNED)).contains(entry);
    assertThat(cache.get("contoso.com.", LEARNED)).contains(entry);
    cache.remove("CONTOSO.com.");
    assertThat(cache.get("contoso.com", LEARNED)).isEmpty();
  }

  @Test
  void aPutReplacesTheDomainsEntry() {
    cache.put(found("contoso.com"));
    CachedEndpoint failure = CachedEndpoint.failed("CONTOSO.com", "no step answered", LEARNED, TTL);
    cache.put(failure);

    assertThat(cache.get("contoso.com", LEARNED)).contains(failure);
  }

  @Test
  void removingADomainThatIsNotThereDoesNothing() {
    cache.put(found("contoso.com"));
    cache.remove("fabrikam.com");

    assertThat(cache.get("contoso.com", LEARNED)).isPresent();
  }

  @Test
  void leastRecentlyUsedDomainIsDroppedFirst() {
    EndpointCache small = new InMemoryEndpointCache(3);
    small.put(found("a.test"));
    small.put(found("b.test"));
    small.put(found("c.test"));
    small.get("a.test", LEARNED);
    small.put(found("d.test"));

    assertThat(small.get("b.test", LEARNED)).as("least recently used").isEmpty();
    assertThat(small.get("a.test", LEARNED)).isPresent();
    assertThat(small.get("c.test", LEARNED)).isPresent();
    assertThat(small.get("d.test", LEARNED)).isPresent();
  }

  @Test
  void anInvalidDomainIsRefusedNamingTheDomain() {
    assertThatThrownBy(() -> cache.get(" ", LEARNED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("domain");
    assertThatThrownBy(() -> cache.get(null, LEARNED))
        .isInstanceOf(NullPointerException.class).hasMessage("domain");
    assertThatThrownBy(() -> cache.get("contoso.com", null))
        .isInstanceOf(NullPointerException.class).hasMessage("now");
  }

  @Test
  void noneRemembersNothing() {
    EndpointCache.NONE.put(found("contoso.com"));

    assertThat(EndpointCache.NONE.get("contoso.com", LEARNED)).isEmpty();
  }

  @Test
  void inMemoryGivesANewEmptyCacheEachTime() {
    EndpointCache first = EndpointCache.inMemory();
    first.put(found("contoso.com"));

    assertThat(EndpointCache.inMemory().get("contoso.com", LEARNED)).isEmpty();
    assertThat(first.get("contoso.com", LEARNED)).isPresent();
  }
}

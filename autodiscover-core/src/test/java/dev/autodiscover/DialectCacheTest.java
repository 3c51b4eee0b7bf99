package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.spi.EndpointCache;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.JsonResponses;
import dev.autodiscover.testkit.ReceivedRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the endpoint cache keeps of an Autodiscover v2 answer, and how a second address of the domain uses it. */
class DialectCacheTest extends LoopbackTest {
  private static final String EWS = "https://mail.contoso.test/EWS/Exchange.asmx";

  @Test
  void secondAddressOfTheDomainIsAskedForItselfAtTheRememberedHost() {
    FixtureHost host = network.httpsHost("autodiscover.contoso.test")
        .respondWithJson("Ews", JsonResponses.answer("Ews", EWS));
    EndpointCache cache = EndpointCache.inMemory();
    AutodiscoverResolver resolver = Loopback.resolver(network).dialect(Dialect.JSON).endpointCache(cache).build();

    AutodiscoverResult alice = resolver.resolve("alice@contoso.test");
    AutodiscoverResult bob = resolver.resolve("bob@contoso.test");

    assertThat(alice.resolved()).as(alice.describe()).isTrue();
    assertThat(bob.endpoint()).as(bob.describe()).hasValueSatisfying(endpoint -> {
      assertThat(endpoint.url()).hasToString(
          "https://autodiscover.contoso.test/autodiscover/autodiscover.json/v1.0/bob@contoso.test?Protocol=Ews");
      assertThat(endpoint.dialect()).isEqualTo(Dialect.JSON);
    });
    assertThat(bob.attempts()).as("the remembered host is asked first, and answers")
        .singleElement().satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.SUCCESS));
    assertThat(host.requests()).extracting(ReceivedRequest::path).containsExactly(
        "/autodiscover/autodiscover.json/v1.0/alice@contoso.test",
        "/autodiscover/autodiscover.json/v1.0/bob@contoso.test");
    assertThat(cache.get("contoso.test", Instant.now())).hasValueSatisfying(entry ->
        assertThat(entry.endpoint().orElseThrow().url()).as("the cache never holds an address")
            .hasToString("https://autodiscover.contoso.test/autodiscover/autodiscover.xml"));
  }
}

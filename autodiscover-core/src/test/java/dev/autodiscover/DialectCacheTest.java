package dev.autodiscover;

import static dev.autodiscover.DialectFixtures.ALICE;
import static dev.autodiscover.DialectFixtures.answering;
import static dev.autodiscover.DialectFixtures.jsonPath;
import static dev.autodiscover.DialectFixtures.jsonUrl;
import static dev.autodiscover.DialectFixtures.received;
import static dev.autodiscover.DialectFixtures.xmlUrl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.spi.EndpointCache;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.JsonResponses;
import dev.autodiscover.testkit.ReceivedRequest;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The endpoint cache that resolvers of different dialects share (a resolver and the variants
 * {@link AutodiscoverResolver#newBuilder()} makes of it, or a file): an endpoint one dialect found
 * is asked first by another at its own path, and a failure one dialect learned says nothing to
 * another.
 */
class DialectCacheTest extends LoopbackTest {
  private static final String PREFIXED = "autodiscover.contoso.test";
  private static final String BOB = "bob@contoso.test";
  private static final String EWS = "https://mail.contoso.test/EWS/Exchange.asmx";

  @Test
  void failureRememberedInOneDialectDoesNotEndAResolutionInAnother() {
    FixtureHost prefixed = answering(network.httpsHost(PREFIXED), Dialect.JSON);
    AutodiscoverResolver pox = Loopback.resolver(network).build();
    AutodiscoverResolver json = pox.newBuilder().dialect(Dialect.JSON).build();

    AutodiscoverResult inPox = pox.resolve(ALICE);
    AutodiscoverResult inJson = json.resolve(BOB);

    assertThat(inPox.error()).as(inPox.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(inJson.endpoint()).as(inJson.describe()).contains(new Endpoint(
        URI.create(jsonUrl(PREFIXED, BOB, "Ews")), DiscoveryMethod.PREFIXED_HOST, Dialect.JSON));
    assertThat(received(prefixed)).containsExactly(
        "POST " + FixtureHost.AUTODISCOVER_PATH,
        "GET " + jsonPath(BOB) + "?Protocol=Ews");
  }

  @Test
  void failureRememberedInADialectEndsTheNextResolutionInThatDialect() {
    FixtureHost prefixed = answering(network.httpsHost(PREFIXED), Dialect.POX);
    AutodiscoverResolver json = Loopback.resolver(network).dialect(Dialect.JSON).build();

    AutodiscoverResult first = json.resolve(ALICE);
    AutodiscoverResult second = json.newBuilder().build().resolve(BOB);

    assertThat(first.error()).as(first.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(second.error()).as(second.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(second.attempts()).as(second.describe()).singleElement().satisfies(attempt -> {
      assertThat(attempt.method()).isEqualTo(DiscoveryMethod.of("CACHE"));
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.SKIPPED);
      assertThat(attempt.detail()).contains("discovery for contoso.test failed", "JSON");
    });
    assertThat(received(prefixed)).as("asked once, by the first resolution")
        .containsExactly("GET " + jsonPath(ALICE) + "?Protocol=Ews");
  }

  @Test
  void endpointFoundInOneDialectIsAskedFirstInAnotherAtThatDialectsPath() {
    FixtureHost prefixed = answering(answering(network.httpsHost(PREFIXED), Dialect.POX), Dialect.SOAP);
    AutodiscoverResolver pox = Loopback.resolver(network).build();
    AutodiscoverResolver soap = pox.newBuilder().dialect(Dialect.SOAP).build();

    AutodiscoverResult inPox = pox.resolve(ALICE);
    AutodiscoverResult inSoap = soap.resolve(BOB);

    assertThat(inPox.endpoint()).as(inPox.describe()).contains(
        new Endpoint(URI.create(xmlUrl(PREFIXED)), DiscoveryMethod.PREFIXED_HOST, Dialect.POX));
    String soapUrl = DialectFixtures.soapUrl(PREFIXED);
    assertThat(inSoap.endpoint()).as(inSoap.describe()).contains(
        new Endpoint(URI.create(soapUrl), DiscoveryMethod.PREFIXED_HOST, Dialect.SOAP));
    assertThat(inSoap.attempts()).as(inSoap.describe()).singleElement().satisfies(attempt -> {
      assertThat(DialectFixtures.story(attempt)).isEqualTo(DialectFixtures.attempt(
          DiscoveryMethod.PREFIXED_HOST, soapUrl, AttemptOutcome.SUCCESS, Dialect.SOAP));
      assertThat(attempt.detail()).startsWith("last known good endpoint");
    });
    assertThat(received(prefixed)).containsExactly(
        "POST " + FixtureHost.AUTODISCOVER_PATH, "POST " + FixtureHost.SOAP_PATH);
    assertThat(prefixed.requests().get(1).body()).contains("<a:Mailbox>bob@contoso.test</a:Mailbox>");
  }

  @Test
  void poxEndpointAnAutodiscoverV1AnswerLedToIsAskedInPoxNextTime() {
    String mailUrl = xmlUrl("mail.contoso.test");
    FixtureHost prefixed = network.httpsHost(PREFIXED)
        .respondWithJson("AutodiscoverV1", JsonResponses.answer("AutodiscoverV1", mailUrl));
    FixtureHost mail = answering(network.httpsHost("mail.contoso.test"), Dialect.POX);
    AutodiscoverResolver v1 = Loopback.resolver(network).dialect(Dialect.JSON).jsonProtocol("AutodiscoverV1").build();

    AutodiscoverResult first = v1.resolve(ALICE);
    AutodiscoverResult second = v1.resolve(BOB);

    Endpoint found = new Endpoint(URI.create(mailUrl), DiscoveryMethod.PREFIXED_HOST, Dialect.POX);
    assertThat(first.endpoint()).as(first.describe()).contains(found);
    assertThat(second.endpoint()).as(second.describe()).contains(found);
    assertThat(second.attempts()).as(second.describe()).singleElement().satisfies(attempt -> {
      assertThat(DialectFixtures.story(attempt)).isEqualTo(DialectFixtures.attempt(
          DiscoveryMethod.PREFIXED_HOST, mailUrl, AttemptOutcome.SUCCESS, Dialect.POX));
      assertThat(attempt.detail()).startsWith("last known good endpoint");
    });
    assertThat(received(prefixed)).containsExactly("GET " + jsonPath(ALICE) + "?Protocol=AutodiscoverV1");
    assertThat(received(mail)).containsExactly(
        "POST " + FixtureHost.AUTODISCOVER_PATH, "POST " + FixtureHost.AUTODISCOVER_PATH);
    assertThat(mail.requests().get(1).body()).contains("<EMailAddress>bob@contoso.test</EMailAddress>");
  }

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

package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.testkit.DnsQuery;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.ReceivedRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Addresses a user, an input file or a hostile server may hand the resolver: each is resolved
 * correctly end to end or refused with {@code INVALID_EMAIL} before anything is looked up; and the
 * hosts tried are only ever {@code <domain>} and {@code autodiscover.<domain>}, never a name
 * higher up.
 */
class HostileAddressTest extends LoopbackTest {

  @Test
  void quotedLocalPartWithMarkupCharactersReachesTheServerExactlyAsWritten() throws Exception {
    String address = "\"o'brien <&> \\\"ceo\\\"\"@contoso.test";
    FixtureHost host = network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings(address));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve(address);

    assertThat(result.endpoint()).as(result.describe()).isPresent();
    assertThat(host.requests()).hasSize(1);
    assertThat(requestedAddress(host.requests().get(0))).isEqualTo(address);
  }

  @Test
  void internationalizedDomainIsLookedUpAndAskedForOnlyInALabels() {
    FixtureHost host = network.httpsHost("autodiscover.xn--bcher-kva.test")
        .respondWithPox(Loopback.settings("jürgen@xn--bcher-kva.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("jürgen@Bücher.test");

    assertThat(result.endpoint()).as(result.describe()).contains(new Endpoint(
        URI.create(Loopback.autodiscoverUrl("autodiscover.xn--bcher-kva.test")), DiscoveryMethod.PREFIXED_HOST));
    assertThat(network.dns().queries()).extracting(DnsQuery::name)
        .isNotEmpty()
        .allSatisfy(name -> assertThat(name).matches("[a-z0-9._-]+").contains("xn--bcher-kva.test"));
    assertThat(host.requests()).singleElement()
        .satisfies(request -> assertThat(request.host()).isEqualTo("autodiscover.xn--bcher-kva.test"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "alice@contoso.test\r\nX-Injected: 1",
      "alice@contoso.test\n",
      "",
      "alice@co.uk",
      "alice@test",
      "alice@[127.0.1.1]",
      "<alice@contoso.test>",
  })
  void addressThatCannotBeResolvedSafelyIsRefusedBeforeAnythingIsLookedUp(String address) {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve(address);

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.INVALID_EMAIL));
    assertThat(result.attempts()).isEmpty();
    assertThat(network.dns().queries()).isEmpty();
    assertThat(network.hosts()).allSatisfy(host -> assertThat(host.requests()).isEmpty());
  }

  @Test
  void hugeInputIsRefusedWithoutBeingEchoed() {
    String huge = "a".repeat(5_000_000) + "@contoso.test";

    AutodiscoverResult result = Loopback.resolver(network).build().resolve(huge);

    assertThat(result.error()).hasValueSatisfying(error -> {
      assertThat(error.code()).isEqualTo(ErrorCode.INVALID_EMAIL);
      assertThat(error.message()).hasSizeLessThan(200).contains("longer than 320 characters");
    });
    assertThat(network.dns().queries()).isEmpty();
  }

  /**
   * The 2021 leak: clients that walked up the labels of a domain ended at
   * {@code autodiscover.<public suffix>} and sent credentials to whoever had registered it.
   * Under a multi-label public suffix every name above the address's domain is somebody else's.
   */
  @Test
  void onlyTheDomainAndItsAutodiscoverHostAreDerivedNeverANameHigherUp() {
    FixtureHost parent = network.httpsHost("contoso.co.uk").respondWithPox(Loopback.settings("alice@sales.contoso.co.uk"));
    FixtureHost parentPrefixed = network.httpsHost("autodiscover.contoso.co.uk")
        .respondWithPox(Loopback.settings("alice@sales.contoso.co.uk"));
    FixtureHost suffix = network.host("autodiscover.co.uk").https().http().start()
        .respondWithPox(Loopback.settings("alice@sales.contoso.co.uk"));
    network.dns().addSrv("_autodiscover._tcp.co.uk", 0, 0, 443, "autodiscover.co.uk");

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@sales.contoso.co.uk");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(network.dns().queries()).extracting(DnsQuery::name).containsOnly(
        "sales.contoso.co.uk", "autodiscover.sales.contoso.co.uk", "_autodiscover._tcp.sales.contoso.co.uk");
    assertThat(parent.requests()).isEmpty();
    assertThat(parentPrefixed.requests()).isEmpty();
    assertThat(suffix.requests()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice@co.uk", "alice@uk", "alice\r\n@contoso.test", "alice@contoso.test@evil.test"})
  void redirectAddrToAnAddressThatCannotBeResolvedSafelyIsInvalid(String target) {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(PoxResponses.redirectAddr(target));
    FixtureHost suffix = network.httpsHost("autodiscover.co.uk").respondWithPox(Loopback.settings("alice@co.uk"));

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .filteredOn(attempt -> attempt.url().equals(Loopback.autodiscoverUrl("autodiscover.contoso.test")))
        .singleElement()
        .satisfies(attempt -> {
          assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.INVALID_REDIRECT);
          assertThat(attempt.detail()).startsWith("redirectAddr to ").doesNotContain("\r", "\n");
        });
    assertThat(result.redirects()).isEmpty();
    assertThat(suffix.requests()).isEmpty();
  }

  /** The address in a POX request body, read by a parser that trusts nothing. */
  private static String requestedAddress(ReceivedRequest request) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(request.body().getBytes(StandardCharsets.UTF_8)))
        .getElementsByTagNameNS("*", "EMailAddress").item(0).getTextContent();
  }
}

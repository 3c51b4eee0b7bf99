package dev.autodiscover;

import static dev.autodiscover.DialectFixtures.ALICE;
import static dev.autodiscover.DialectFixtures.EWS_URL;
import static dev.autodiscover.DialectFixtures.attempt;
import static dev.autodiscover.DialectFixtures.attemptAt;
import static dev.autodiscover.DialectFixtures.jsonPath;
import static dev.autodiscover.DialectFixtures.jsonUrl;
import static dev.autodiscover.DialectFixtures.received;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.JsonResponses;
import dev.autodiscover.testkit.RawExchange;
import dev.autodiscover.testkit.RawHost;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Autodiscover v2 ({@link Dialect#JSON}) answers other than settings: Exchange Online's 302 with a
 * {@code RedirectCount}, error objects, bodies that are not an answer, and bodies too large to read.
 * A bad answer costs its candidate only: the next is tried.
 */
class DialectJsonTest extends LoopbackTest {
  private static final String ROOT = "contoso.test";
  private static final String PREFIXED = "autodiscover.contoso.test";
  private static final String ROOT_URL = jsonUrl(ROOT);
  private static final String PREFIXED_URL = jsonUrl(PREFIXED);
  private static final String EWS_ANSWER = JsonResponses.answer("Ews", EWS_URL);
  /** What a body that is not an Autodiscover v2 answer is called in its attempt's detail. */
  private static final String NOT_JSON_ANSWER = "not an Autodiscover v2 answer (";
  /** The head of a raw 200 JSON answer, without its framing header. */
  private static final String JSON_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: " + FixtureHost.JSON_CONTENT_TYPE + "\r\n";
  private static final byte[] OPENING = ascii("{\"Protocol\":\"Ews\",\"Url\":\"" + EWS_URL + "\",\"Padding\":\"");
  private static final byte[] CLOSING = ascii("\"}");

  private AutodiscoverResult resolve(RedirectConsent consent) {
    return DialectFixtures.resolver(network, Dialect.JSON).redirectConsent(consent).build().resolve(ALICE);
  }

  private FixtureHost prefixedAnswering() {
    return network.httpsHost(PREFIXED).respondWithJson("Ews", EWS_ANSWER);
  }

  @Test
  void addressIsOnePercentEncodedPathSegment() {
    String address = "o'hara+news@contoso.test";
    String encoded = "o%27hara%2Bnews@contoso.test";
    FixtureHost prefixed = prefixedAnswering();

    AutodiscoverResult result = DialectFixtures.resolver(network, Dialect.JSON).build().resolve(address);

    assertThat(result.endpoint()).as(result.describe()).contains(new Endpoint(
        URI.create("https://" + PREFIXED + jsonPath(encoded) + "?Protocol=Ews"), DiscoveryMethod.PREFIXED_HOST,
        Dialect.JSON));
    assertThat(received(prefixed)).containsExactly("GET " + jsonPath(encoded) + "?Protocol=Ews");
  }

  @Test
  void redirect302ToAnotherHostOfTheDomainIsAskedInJsonAsGivenWithoutConsent() {
    String location = JsonResponses.redirectLocation("mail.contoso.test", ALICE, "Ews", 1);
    FixtureHost prefixed = network.httpsHost(PREFIXED).redirectJson(302, location);
    FixtureHost mail = network.httpsHost("mail.contoso.test").respondWithJson("Ews", EWS_ANSWER);
    RecordingConsent consent = new RecordingConsent(RedirectConsent.DENY_ALL);

    AutodiscoverResult result = resolve(consent);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(location), DiscoveryMethod.PREFIXED_HOST, Dialect.JSON));
    assertThat(result.settings().flatMap(AutodiscoverSettings::ewsUrl)).hasValue(EWS_URL);
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.DNS_FAILED, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.REDIRECTED, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, location, AttemptOutcome.SUCCESS, Dialect.JSON));
    Attempt redirected = attemptAt(result, PREFIXED_URL);
    assertThat(redirected.httpStatus()).hasValue(302);
    assertThat(redirected.detail()).isEqualTo("HTTP 302 to " + location);
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.REDIRECT_URL, PREFIXED_URL, location, true));
    assertThat(consent.asked()).as("a redirect inside the domain needs no consent").isEmpty();

    assertThat(received(prefixed)).containsExactly("GET " + jsonPath(ALICE) + "?Protocol=Ews");
    assertThat(received(mail)).containsExactly(
        "GET /autodiscover/autodiscover.json?Email=alice%40contoso.test&Protocol=Ews&RedirectCount=1");
    assertThat(mail.requests()).singleElement().satisfies(request -> {
      assertThat(request.queryParameter("Email")).hasValue(ALICE);
      assertThat(request.queryParameter("RedirectCount")).hasValue("1");
      assertThat(request.body()).isEmpty();
      assertThat(request.hasHeader("Authorization")).isFalse();
    });
  }

  @Test
  void redirect302ToAnotherDomainIsRefusedByTheDefaultPolicy() {
    String location = JsonResponses.redirectLocation("autodiscover-s.fabrikam.test", ALICE, "Ews", 1);
    network.httpsHost(PREFIXED).redirectJson(302, location);
    FixtureHost fabrikam = network.httpsHost("autodiscover-s.fabrikam.test").respondWithJson("Ews", EWS_ANSWER);
    RecordingConsent consent = new RecordingConsent(RedirectConsent.SAME_DOMAIN);

    AutodiscoverResult result = resolve(consent);

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).startsWith(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.DNS_FAILED, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.REDIRECTED, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, location, AttemptOutcome.REDIRECT_DENIED, Dialect.JSON));
    assertThat(attemptAt(result, location).detail()).isEqualTo("REDIRECT_URL from " + PREFIXED_URL
        + " refused by the redirect policy (autodiscover-s.fabrikam.test is outside contoso.test)");
    assertThat(result.attempts()).as("the resolution goes on").extracting(Attempt::method)
        .endsWith(DiscoveryMethod.HTTP_REDIRECT, DiscoveryMethod.SRV);
    assertThat(consent.asked()).containsExactly(new RedirectRequest(
        RedirectType.REDIRECT_URL, ALICE, PREFIXED_URL, URI.create(location), false));
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.REDIRECT_URL, PREFIXED_URL, location, false));
    assertThat(fabrikam.requests()).isEmpty();
  }

  @Test
  void redirect302ToAnotherDomainIsFollowedWhenTheHostApplicationAllowsIt() {
    String location = JsonResponses.redirectLocation("autodiscover-s.fabrikam.test", ALICE, "Ews", 1);
    network.httpsHost(PREFIXED).redirectJson(302, location);
    FixtureHost fabrikam = network.httpsHost("autodiscover-s.fabrikam.test").respondWithJson("Ews", EWS_ANSWER);
    RecordingConsent consent = new RecordingConsent(RedirectConsent.ALLOW_ALL);

    AutodiscoverResult result = resolve(consent);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(location), DiscoveryMethod.PREFIXED_HOST, Dialect.JSON));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.DNS_FAILED, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.REDIRECTED, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, location, AttemptOutcome.SUCCESS, Dialect.JSON));
    assertThat(consent.asked()).containsExactly(new RedirectRequest(
        RedirectType.REDIRECT_URL, ALICE, PREFIXED_URL, URI.create(location), false));
    assertThat(result.redirects()).as(result.describe())
        .containsExactly(new Redirect(RedirectType.REDIRECT_URL, PREFIXED_URL, location, true));
    assertThat(received(fabrikam)).containsExactly(
        "GET /autodiscover/autodiscover.json?Email=alice%40contoso.test&Protocol=Ews&RedirectCount=1");
  }

  @Test
  void errorObjectIsAnAutodiscoverErrorWithItsCodeAndTheNextCandidateIsTried() {
    FixtureHost root = network.httpsHost(ROOT).respondWithJson(JsonResponses.error("InvalidProtocol",
        "The given protocol value 'Ews' is invalid."));
    prefixedAnswering();

    AutodiscoverResult result = resolve(RedirectConsent.SAME_DOMAIN);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(PREFIXED_URL), DiscoveryMethod.PREFIXED_HOST, Dialect.JSON));
    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.AUTODISCOVER_ERROR, Dialect.JSON, "InvalidProtocol"),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.SUCCESS, Dialect.JSON));
    Attempt error = result.attempts().get(0);
    assertThat(error.httpStatus()).hasValue(200);
    assertThat(error.detail())
        .isEqualTo("Autodiscover v2 error InvalidProtocol: The given protocol value 'Ews' is invalid.");
    assertThat(received(root)).containsExactly("GET " + jsonPath(ALICE) + "?Protocol=Ews");
  }

  @Test
  void errorObjectSentWithAnErrorStatusIsAnHttpErrorAsAnyOtherStatusIs() {
    network.httpsHost(ROOT).respondWithJson(400, JsonResponses.error("InvalidProtocol",
        "The given protocol value 'Ews' is invalid."));
    prefixedAnswering();

    AutodiscoverResult result = resolve(RedirectConsent.SAME_DOMAIN);

    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.HTTP_ERROR, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.SUCCESS, Dialect.JSON));
    assertThat(result.attempts().get(0).httpStatus()).hasValue(400);
    assertThat(result.attempts().get(0).detail()).startsWith("HTTP 400");
  }

  static Stream<Arguments> notAnswers() {
    String duplicate = "{\"Protocol\":\"Ews\",\"Url\":\"" + EWS_URL + "\",\"Url\":\"https://evil.test/EWS/Exchange.asmx\"}";
    String duplicateInCase = "{\"Protocol\":\"Ews\",\"Url\":\"" + EWS_URL + "\",\"url\":\"https://evil.test/EWS/Exchange.asmx\"}";
    return Stream.of(
        Arguments.of("truncated", "{\"Protocol\":\"Ews\",\"Url\":\"https://mail.contoso", "malformed JSON: "),
        Arguments.of("duplicate Url", duplicate, "malformed JSON: duplicate member name 'Url'"),
        Arguments.of("duplicate Url in another case", duplicateInCase,
            "duplicate member: 'Url' and 'url' differ only in case"),
        Arguments.of("another protocol", JsonResponses.answer("ActiveSync", "https://mail.contoso.test/Microsoft-Server-ActiveSync"),
            "answer for protocol 'ActiveSync', not 'Ews' as asked"),
        Arguments.of("an array", "[" + EWS_ANSWER + "]", "not an object"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notAnswers")
  void bodyThatIsNotAnAnswerIsNotAutodiscoverAndTheNextCandidateIsTried(String what, String body, String reason) {
    network.httpsHost(ROOT).respondWithJson(body);
    prefixedAnswering();

    AutodiscoverResult result = resolve(RedirectConsent.SAME_DOMAIN);

    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.NOT_AUTODISCOVER, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.SUCCESS, Dialect.JSON));
    Attempt refused = result.attempts().get(0);
    assertThat(refused.httpStatus()).hasValue(200);
    assertThat(refused.detail()).startsWith(NOT_JSON_ANSWER + FixtureHost.JSON_CONTENT_TYPE + "): ").contains(reason);
    assertThat(result.settings().flatMap(AutodiscoverSettings::ewsUrl)).hasValue(EWS_URL);
  }

  @Test
  void webPageIsNotAutodiscoverAndTheNextCandidateIsTried() {
    FixtureHost root = network.httpsHost(ROOT).serveWebSite();
    prefixedAnswering();

    AutodiscoverResult result = resolve(RedirectConsent.SAME_DOMAIN);

    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.NOT_AUTODISCOVER, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.SUCCESS, Dialect.JSON));
    assertThat(result.attempts().get(0).detail()).isEqualTo(
        NOT_JSON_ANSWER + "text/html; charset=utf-8): an HTML page, not an Autodiscover v2 answer");
    assertThat(received(root)).containsExactly("GET " + jsonPath(ALICE) + "?Protocol=Ews");
  }

  @Test
  void answerOfExactly64KiBIsRead() {
    network.httpsHost(ROOT).respondWithJson(new String(padded(64 * 1024), StandardCharsets.UTF_8));

    AutodiscoverResult result = resolve(RedirectConsent.SAME_DOMAIN);

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(ROOT_URL), DiscoveryMethod.A_RECORD, Dialect.JSON));
    assertThat(result.settings().flatMap(AutodiscoverSettings::ewsUrl)).hasValue(EWS_URL);
  }

  @Test
  void answerAnnouncingMoreThan64KiBIsNotRead() {
    byte[] body = padded(64 * 1024 + 1);
    network.rawHost(ROOT, (request, out) -> {
      out.write(ascii(JSON_HEAD + "Content-Length: " + body.length + "\r\n\r\n"));
      out.write(body);
    });
    prefixedAnswering();

    AutodiscoverResult result = resolve(RedirectConsent.SAME_DOMAIN);

    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.NOT_AUTODISCOVER, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.SUCCESS, Dialect.JSON));
    assertThat(result.attempts().get(0).detail()).isEqualTo("the response announces 65537 bytes, more than the"
        + " 64 KiB limit; not read, and the connection was closed");
  }

  @Test
  void endlessChunkedAnswerIsReadNoFurtherThanTheLimit() throws InterruptedException {
    RawHost root = network.rawHost(ROOT, chunkedJson(300_000_000L));
    prefixedAnswering();

    AutodiscoverResult result = resolve(RedirectConsent.SAME_DOMAIN);

    assertThat(result.attempts()).as(result.describe()).extracting(DialectFixtures::story).containsExactly(
        attempt(DiscoveryMethod.A_RECORD, ROOT_URL, AttemptOutcome.NOT_AUTODISCOVER, Dialect.JSON),
        attempt(DiscoveryMethod.PREFIXED_HOST, PREFIXED_URL, AttemptOutcome.SUCCESS, Dialect.JSON));
    String detail = result.attempts().get(0).detail();
    assertThat(detail).matches("the response body is larger than the 64 KiB limit: reading stopped after \\d+ bytes,"
        + " and the connection was closed");
    long read = Long.parseLong(detail.replaceAll(".*stopped after (\\d+) bytes.*", "$1"));
    assertThat(read).isBetween(64L * 1024 + 1, 128L * 1024);
    List<RawHost.Served> served = root.awaitServed(1, Duration.ofSeconds(10));
    assertThat(served).singleElement().satisfies(exchange -> {
      assertThat(exchange.request().method()).isEqualTo("GET");
      assertThat(exchange.request().path()).isEqualTo(jsonPath(ALICE));
      assertThat(exchange.ending()).isEqualTo(RawHost.Ending.CLIENT_HUNG_UP);
      assertThat(exchange.bytesWritten()).as("far less than offered").isLessThan(64L << 20);
    });
  }

  /** An Ews answer of exactly {@code length} bytes, padded with a member nobody reads. */
  private static byte[] padded(int length) {
    byte[] body = new byte[length];
    Arrays.fill(body, (byte) 'x');
    System.arraycopy(OPENING, 0, body, 0, OPENING.length);
    System.arraycopy(CLOSING, 0, body, length - CLOSING.length, CLOSING.length);
    return body;
  }

  /** An Ews answer padded to {@code length} bytes, sent chunked as the client takes it, never held whole. */
  private static RawExchange chunkedJson(long length) {
    return (request, out) -> {
      out.write(ascii(JSON_HEAD + "Transfer-Encoding: chunked\r\n\r\n"));
      chunk(out, OPENING);
      byte[] block = new byte[64 * 1024];
      Arrays.fill(block, (byte) 'x');
      for (long sent = OPENING.length + CLOSING.length; sent < length; sent += block.length) {
        chunk(out, block);
      }
      chunk(out, CLOSING);
      out.write(ascii("0\r\n\r\n"));
    };
  }

  private static void chunk(OutputStream out, byte[] bytes) throws IOException {
    out.write(ascii(Integer.toHexString(bytes.length) + "\r\n"));
    out.write(bytes);
    out.write(ascii("\r\n"));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}

package dev.autodiscover.hostile;

import static dev.autodiscover.hostile.HostileNetwork.PREFIXED_URL;
import static dev.autodiscover.hostile.HostileNetwork.ROOT_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Endpoint;
import dev.autodiscover.ErrorCode;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.RawExchange;
import dev.autodiscover.testkit.RawHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * XML built to make a parser fetch, expand or recurse, and bodies whose labels lie, end to end: the
 * body decides, a document type declaration ends the reading, and nothing is ever fetched.
 */
class HostileXmlTest extends HostileServerTest {
  private static final String DTD_REFUSED =
      "not an Autodiscover response (text/xml; charset=utf-8): document type declarations are not accepted";

  @Test
  void externalEntitiesAndDocumentTypesOverHttpAreNeverFetched() {
    RawHost attacker = network.rawHost("attacker.contoso.test",
        RawExchange.verbatim(HostileAnswers.ascii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")));
    String base = "http://127.0.0.1:" + attacker.httpPort();
    RawHost root = network.rawHost("contoso.test", HostileAnswers.okXml("""
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE Autodiscover SYSTEM "%1$s/autodiscover.dtd" [
          <!ENTITY %% remote SYSTEM "%1$s/parameter-entity"> %%remote;
          <!ENTITY general SYSTEM "%1$s/general-entity">
        ]>
        <Autodiscover xmlns="%2$s">
          <Response xmlns="%3$s">
            <Account><Action>redirectAddr</Action><RedirectAddr>&general;</RedirectAddr></Account>
          </Response>
        </Autodiscover>
        """.formatted(base, PoxResponses.ROOT_NAMESPACE, PoxResponses.OUTLOOK_NAMESPACE)));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(HostileNetwork.settings("alice@contoso.test"));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(ROOT_URL, AttemptOutcome.NOT_AUTODISCOVER),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
    assertThat(result.attempts().get(0).detail()).isEqualTo(DTD_REFUSED);
    assertThat(root.requests()).hasSize(1);
    assertThat(attacker.acceptedConnections()).isZero();
  }

  @Test
  void externalEntityNamingALocalFileLeavesNoTraceOfTheFile(@TempDir Path dir) throws IOException {
    String marker = "secret-" + UUID.randomUUID();
    Path secret = Files.writeString(dir.resolve("secret.txt"), marker + "\n");
    network.rawHost("contoso.test", HostileAnswers.okXml("""
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE Autodiscover [ <!ENTITY xxe SYSTEM "%s"> ]>
        <Autodiscover xmlns="%s">
          <Response>
            <Error><ErrorCode>600</ErrorCode><Message>&xxe;</Message><DebugData>&xxe;</DebugData></Error>
          </Response>
        </Autodiscover>
        """.formatted(secret.toUri(), PoxResponses.ROOT_NAMESPACE)));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.NO_ENDPOINT));
    assertThat(result.attempts().get(0).detail()).isEqualTo(DTD_REFUSED);
    assertThat(transcript.with(result)).isNotEmpty()
        .noneMatch(said -> said.contains(marker))
        .noneMatch(said -> said.contains(secret.getFileName().toString()));
  }

  @Test
  void billionLaughsAreRefusedUnexpanded() {
    StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      entities.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
          .append("\">\n");
    }
    network.rawHost("contoso.test", HostileAnswers.okXml("""
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE Autodiscover [ %s ]>
        <Autodiscover xmlns="%s">
          <Response xmlns="%s"><Account><Action>redirectAddr</Action><RedirectAddr>&lol9;</RedirectAddr></Account></Response>
        </Autodiscover>
        """.formatted(entities, PoxResponses.ROOT_NAMESPACE, PoxResponses.OUTLOOK_NAMESPACE)));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(HostileNetwork.settings("alice@contoso.test"));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome, Attempt::detail)
        .startsWith(tuple(ROOT_URL, AttemptOutcome.NOT_AUTODISCOVER, DTD_REFUSED));
    assertThat(result.resolved()).isTrue();
  }

  @Test
  void elementsNestedAHundredThousandDeepAreRefusedAtThirtyTwo() {
    network.rawHost("contoso.test", HostileAnswers.okXml("""
        <?xml version="1.0" encoding="utf-8"?>
        <Autodiscover xmlns="%s"><Response xmlns="%s"><Account>%s</Account></Response></Autodiscover>
        """.formatted(PoxResponses.ROOT_NAMESPACE, PoxResponses.OUTLOOK_NAMESPACE, "<y>".repeat(100_000))));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(HostileNetwork.settings("alice@contoso.test"));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome, Attempt::detail)
        .startsWith(tuple(ROOT_URL, AttemptOutcome.NOT_AUTODISCOVER,
            "not an Autodiscover response (text/xml; charset=utf-8): elements nested deeper than 32 levels"));
    assertThat(result.resolved()).isTrue();
  }

  /**
   * Every value is kept under the path of names down to it: thirty names of a thousand characters
   * over ten thousand leaves would be a quarter of a gigabyte of paths from 200 KB of XML, in a
   * heap of 32 MiB.
   */
  @Test
  void valuesUnderLongDeepPathsAreLeftOutRatherThanFillingTheHeap() {
    StringBuilder open = new StringBuilder();
    StringBuilder close = new StringBuilder();
    for (int level = 0; level < 27; level++) {
      String name = "n" + level + "x".repeat(997);
      open.append('<').append(name).append('>');
      close.insert(0, "</" + name + ">");
    }
    StringBuilder leaves = new StringBuilder();
    for (int i = 0; i < 9_900; i++) {
      leaves.append("<a").append(i).append(">x</a").append(i).append('>');
    }
    network.rawHost("contoso.test", HostileAnswers.okXml("""
        <?xml version="1.0" encoding="utf-8"?>
        <Autodiscover xmlns="%s"><Response xmlns="%s"><Account><Action>settings</Action>
        <Protocol><Type>EXPR</Type><EwsUrl>%s</EwsUrl>%s</Protocol></Account></Response></Autodiscover>
        """.formatted(PoxResponses.ROOT_NAMESPACE, PoxResponses.OUTLOOK_NAMESPACE, HostileNetwork.EWS_URL,
            open.toString() + leaves + close)));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(ROOT_URL), DiscoveryMethod.A_RECORD));
    assertThat(result.settings().orElseThrow().protocols().get(0).values()).hasSize(1);
  }

  /** The body decides: servers and proxies mislabel Autodiscover answers, and the parser is bounded whatever it reads. */
  @ParameterizedTest(name = "Content-Type: {0}")
  @NullSource
  @ValueSource(strings = {"text/html; charset=utf-8", "application/octet-stream", "image/png", "text/plain"})
  void autodiscoverAnswerIsReadWhateverItsContentTypeSays(String contentType) {
    network.rawHost("contoso.test", HostileAnswers.ok(contentType,
        HostileNetwork.settings("alice@contoso.test").getBytes(StandardCharsets.UTF_8)));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(ROOT_URL), DiscoveryMethod.A_RECORD));
  }

  @Test
  void binaryGarbageLabelledAsAnImageIsNotAutodiscover() {
    ByteArrayOutputStream garbage = new ByteArrayOutputStream();
    garbage.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    byte[] noise = new byte[64 * 1024];
    new Random(20261122).nextBytes(noise);
    garbage.writeBytes(noise);
    network.rawHost("contoso.test", HostileAnswers.ok("image/png", garbage.toByteArray()));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(HostileNetwork.settings("alice@contoso.test"));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(ROOT_URL, AttemptOutcome.NOT_AUTODISCOVER),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
    assertThat(result.attempts().get(0).detail())
        .startsWith("not an Autodiscover response (image/png): malformed XML: ")
        .doesNotContainPattern("\\p{Cntrl}");
  }

  @Test
  void invalidUtf8DeclaredAsUtf8IsNotAutodiscover() {
    byte[] settings = HostileNetwork.settings("alice@contoso.test").getBytes(StandardCharsets.UTF_8);
    String text = new String(settings, StandardCharsets.ISO_8859_1);
    int name = text.indexOf("Alice");
    settings[name] = (byte) 0xC3; // a lead byte followed by an ASCII letter: not UTF-8
    network.rawHost("contoso.test", HostileAnswers.ok("text/xml; charset=utf-8", settings));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(HostileNetwork.settings("alice@contoso.test"));

    AutodiscoverResult result = resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(ROOT_URL, AttemptOutcome.NOT_AUTODISCOVER),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
    assertThat(result.attempts().get(0).detail())
        .startsWith("not an Autodiscover response (text/xml; charset=utf-8): malformed XML: ")
        .containsIgnoringCase("UTF-8");
  }
}

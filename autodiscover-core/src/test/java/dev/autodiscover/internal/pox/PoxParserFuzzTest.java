package dev.autodiscover.internal.pox;

import static dev.autodiscover.internal.xml.XmlOracle.documentTexts;
import static dev.autodiscover.internal.xml.XmlOracle.expandingEverything;
import static dev.autodiscover.internal.xml.XmlOracle.parseIndependently;
import static org.assertj.core.api.Assertions.assertThat;


import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.ProtocolSettings;
import dev.autodiscover.UserSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Fuzzes {@link PoxParser#parse}: whatever the body, the parser returns a response in bounded
 * time, and a response other than {@code NotAutodiscover} says only what the body's Autodiscover
 * document says.
 *
 * <p>The seeds ({@code PoxParserFuzzTestInputs/parse/}, one response body per file) are real
 * Exchange responses, the testkit's documents, and hostile ones: DOCTYPEs with external and
 * parameter entities, billion laughs, other encodings, HTML pages. The {@code xxe-*} seeds point
 * their entities at {@link #SECRET_FILE}, so a parser that expanded them would put {@link #SECRET}
 * in the result.
 */
class PoxParserFuzzTest {

  /** The content of a local file the XXE seeds name; it must never reach a response. */
  static final String SECRET = "pox-fuzz-secret-7Qm2";

  /**
   * Where {@link #SECRET} is written, relative to the module directory the tests run in; the
   * seeds name it as {@code file:target/pox-fuzz-secret.txt} and {@code target/pox-fuzz-secret.txt}.
   */
  static final Path SECRET_FILE = Path.of("target", "pox-fuzz-secret.txt");

  @BeforeAll
  static void writeSecret() throws IOException {
    Files.createDirectories(SECRET_FILE.getParent());
    Files.writeString(SECRET_FILE, SECRET);
  }

  @FuzzTest
  @Timeout(5) // per input; Jazzer passes it to the fuzzer as -timeout
  void parse(byte[] body) throws Exception {
    PoxResponse response = PoxParser.parse(body);

    assertThat(response).isNotNull();
    assertThat(response.describe()).satisfies(PoxParserFuzzTest::isOneLine);
    List<String> texts = texts(response);
    assertThat(String.join("\n", texts)).doesNotContain(SECRET);
    assertThat(response.describe()).doesNotContain(SECRET);
    if (response instanceof PoxResponse.NotAutodiscover) {
      return;
    }
    // Anything else needs the Autodiscover root, and its every text is a text of the document.
    Document document = parseIndependently(body);
    Element root = document.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("Autodiscover");
    assertThat(root.getNamespaceURI()).isEqualTo(PoxParser.ROOT_NAMESPACE);
    assertThat(document.getDoctype()).isNull();
    assertThat(documentTexts(document)).containsAll(texts);
    if (response instanceof PoxResponse.Settings settings) {
      AutodiscoverSettings values = settings.settings();
      assertThat(values.protocols()).hasSizeLessThanOrEqualTo(PoxParser.MAX_PROTOCOLS);
      values.ttl();
      values.ewsUrl();
      values.protocols().forEach(ProtocolSettings::ttl);
    }
  }

  /**
   * The XXE seeds really do reach {@link #SECRET_FILE}: a parser that expands external entities
   * reads the secret from them, so {@link #parse} checks something.
   */
  @Test
  void xxeSeedsReadTheSecretWhenEntitiesAreExpanded() throws Exception {
    writeSecret();
    Path seeds = Path.of("src/test/resources/dev/autodiscover/internal/pox/PoxParserFuzzTestInputs/parse");
    List<Path> xxe;
    try (var files = Files.list(seeds)) {
      xxe = files.filter(f -> f.getFileName().toString().startsWith("xxe-")).sorted().toList();
    }

    assertThat(xxe).isNotEmpty();
    for (Path seed : xxe) {
      assertThat(expandingEverything(Files.readAllBytes(seed))).as(seed.toString()).contains(SECRET);
      assertThat(PoxParser.parse(Files.readAllBytes(seed))).isInstanceOf(PoxResponse.NotAutodiscover.class);
    }
  }

  // ---- What the response says ----

  /** Every non-empty string the response carries, as the parser returns it. */
  private static List<String> texts(PoxResponse response) {
    List<String> texts = new ArrayList<>();
    if (response instanceof PoxResponse.Settings settings) {
      AutodiscoverSettings values = settings.settings();
      UserSettings user = values.user();
      for (Optional<String> text : List.of(user.displayName(), user.legacyDn(),
          user.autodiscoverSmtpAddress(), user.deploymentId(), values.accountType())) {
        text.ifPresent(texts::add);
      }
      for (ProtocolSettings protocol : values.protocols()) {
        texts.add(protocol.type());
        texts.addAll(protocol.values().values());
      }
    } else if (response instanceof PoxResponse.RedirectAddr redirect) {
      texts.add(redirect.address());
    } else if (response instanceof PoxResponse.RedirectUrl redirect) {
      texts.add(redirect.url());
    } else if (response instanceof PoxResponse.Error error) {
      texts.add(error.code());
      texts.add(error.message());
      error.debugData().ifPresent(texts::add);
    } else if (response instanceof PoxResponse.NotAutodiscover notAutodiscover) {
      texts.add(notAutodiscover.reason());
    }
    texts.removeIf(String::isEmpty);
    return texts;
  }

  private static void isOneLine(String text) {
    assertThat(text).isNotBlank();
    assertThat(text.codePoints())
        .as("characters of %s", text)
        .noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
  }
}

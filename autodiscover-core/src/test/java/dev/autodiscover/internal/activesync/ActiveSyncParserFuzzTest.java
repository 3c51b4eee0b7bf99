package dev.autodiscover.internal.activesync;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.autodiscover.ProtocolSettings;
import dev.autodiscover.internal.dialect.Reply;
import dev.autodiscover.internal.xml.XmlOracle;
import dev.autodiscover.internal.xml.XmlTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Fuzzes {@link ActiveSyncParser#parse}: whatever the body, the parser returns a reply in bounded
 * time, its lines for people are single lines, and a reply other than {@code NotAutodiscover}
 * comes from an Autodiscover document and says only what its elements say: the redirect address,
 * an error's code, every server's type and values and the user are texts of the document.
 *
 * <p>The seeds ({@code ActiveSyncParserFuzzTestInputs/parse/}, one body per file) are the answers
 * [MS-ASCMD] shows (settings with MobileSync and CertEnroll servers, a redirect, both kinds of
 * error) and hostile bodies: DOCTYPEs with external and parameter entities, billion laughs, HTML,
 * the Outlook schema's answer, a truncated one. The {@code xxe-*} seeds point their entities at
 * {@link #SECRET_FILE}, so a parser that expanded them would put {@link #SECRET} in the reply.
 */
class ActiveSyncParserFuzzTest {

  /** The content of a local file the XXE seeds name; it must never reach a reply. */
  static final String SECRET = "activesync-fuzz-secret-Vx3p";

  /** Where {@link #SECRET} is written: the seeds name {@code file:target/activesync-fuzz-secret.txt}. */
  static final Path SECRET_FILE = Path.of("target", "activesync-fuzz-secret.txt");

  private static final Path SEEDS = Path.of(
      "src/test/resources/dev/autodiscover/internal/activesync/ActiveSyncParserFuzzTestInputs/parse");

  @BeforeAll
  static void writeSecret() throws IOException {
    XmlOracle.writeSecret(SECRET_FILE, SECRET);
  }

  @FuzzTest
  @Timeout(5) // per input; Jazzer passes it to the fuzzer as -timeout
  void parse(byte[] body) throws Exception {
    Reply reply = ActiveSyncParser.parse(body);

    assertThat(reply).isNotNull();
    for (String line : XmlOracle.lines(reply)) {
      XmlOracle.assertOneLine(line);
      assertThat(line).doesNotContain(SECRET);
    }
    List<String> texts = new ArrayList<>(XmlOracle.bodyTexts(reply));
    if (reply instanceof Reply.Settings settings) {
      settings.settings().protocols().stream().map(ProtocolSettings::type)
          .filter(type -> !type.isEmpty()).forEach(texts::add);
    }
    assertThat(String.join("\n", texts)).doesNotContain(SECRET);
    if (reply instanceof Reply.NotAutodiscover) {
      return;
    }
    // Anything else needs the Autodiscover root, and each text it took is a text of the document.
    Document document = XmlOracle.parseIndependently(body);
    Element root = document.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("Autodiscover");
    assertThat(root.getNamespaceURI()).isEqualTo(ActiveSyncParser.ROOT_NAMESPACE);
    assertThat(document.getDoctype()).isNull();
    assertThat(XmlOracle.documentTexts(document)).containsAll(texts);
    assertThat(reply).isNotInstanceOf(Reply.RedirectUrl.class);
    if (reply instanceof Reply.Settings settings) {
      assertThat(settings.settings().protocols()).isNotEmpty();
      assertThat(settings.notes()).isEmpty();
      assertThat(XmlOracle.valuePaths(settings)).allSatisfy(
          path -> assertThat(path.length()).isLessThanOrEqualTo(XmlTree.MAX_PATH_CHARS));
    }
  }

  /**
   * The XXE seeds really do reach {@link #SECRET_FILE}: a parser that expands external entities
   * reads the secret from them, so {@link #parse} checks something.
   */
  @Test
  void xxeSeedsReadTheSecretWhenEntitiesAreExpanded() throws Exception {
    writeSecret();
    XmlOracle.assertXxeSeedsReachTheSecretAndAreRefused(SEEDS, SECRET, ActiveSyncParser::parse);
  }


  /** The seeds of real answers are read as what they are, so the fuzzer starts from every case. */
  @Test
  void realAnswerSeedsGiveEveryKindOfReply() throws Exception {
    assertThat(parseSeed("settings-mobilesync-certenroll.xml")).isInstanceOf(Reply.Settings.class);
    assertThat(parseSeed("settings-latin1.xml")).isInstanceOf(Reply.Settings.class);
    assertThat(parseSeed("redirect.xml")).isInstanceOf(Reply.RedirectAddr.class);
    assertThat(parseSeed("action-error-status-2.xml")).isInstanceOf(Reply.Error.class);
    assertThat(parseSeed("response-error-600.xml")).isInstanceOf(Reply.Error.class);
    assertThat(parseSeed("response-error-601.xml")).isInstanceOf(Reply.Error.class);
  }

  private static Reply parseSeed(String name) throws IOException {
    return ActiveSyncParser.parse(Files.readAllBytes(SEEDS.resolve(name)));
  }
}

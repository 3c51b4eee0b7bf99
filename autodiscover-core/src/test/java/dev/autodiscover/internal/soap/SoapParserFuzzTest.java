package dev.autodiscover.internal.soap;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.autodiscover.Dialect;
import dev.autodiscover.ProtocolSettings;
import dev.autodiscover.internal.dialect.Reply;
import dev.autodiscover.internal.xml.XmlOracle;
import dev.autodiscover.internal.xml.XmlTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Fuzzes {@link SoapParser#parse}: whatever the body, the parser returns a reply in bounded time,
 * its lines for people are single lines, and a reply other than {@code NotAutodiscover} comes
 * from a SOAP envelope and says only what the envelope's elements say: a redirect's target, an
 * error's code and every setting's value are texts of the document.
 *
 * <p>The seeds ({@code SoapParserFuzzTestInputs/parse/}, one body per file) are Exchange Online and
 * Exchange 2013 answers, redirects, faults in SOAP 1.1 and 1.2, errors, and hostile bodies: DOCTYPEs
 * with external and parameter entities, billion laughs, HTML, another dialect's answer. The
 * {@code xxe-*} seeds point their entities at {@link #SECRET_FILE}, so a parser that expanded them
 * would put {@link #SECRET} in the reply.
 */
class SoapParserFuzzTest {

  /** The content of a local file the XXE seeds name; it must never reach a reply. */
  static final String SECRET = "soap-fuzz-secret-4Kd9";

  /** Where {@link #SECRET} is written: the seeds name {@code file:target/soap-fuzz-secret.txt}. */
  static final Path SECRET_FILE = Path.of("target", "soap-fuzz-secret.txt");

  private static final Path SEEDS =
      Path.of("src/test/resources/dev/autodiscover/internal/soap/SoapParserFuzzTestInputs/parse");

  @BeforeAll
  static void writeSecret() throws IOException {
    XmlOracle.writeSecret(SECRET_FILE, SECRET);
  }

  @FuzzTest
  @Timeout(5) // per input; Jazzer passes it to the fuzzer as -timeout
  void parse(byte[] body) throws Exception {
    Reply reply = SoapParser.parse(body);

    assertThat(reply).isNotNull();
    for (String line : XmlOracle.lines(reply)) {
      XmlOracle.assertOneLine(line);
      assertThat(line).doesNotContain(SECRET);
    }
    List<String> texts = XmlOracle.bodyTexts(reply);
    assertThat(String.join("\n", texts)).doesNotContain(SECRET);
    if (reply instanceof Reply.NotAutodiscover) {
      return;
    }
    // Anything else needs a SOAP envelope, and each text it took is a text of the document.
    Document document = XmlOracle.parseIndependently(body);
    Element root = document.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("Envelope");
    assertThat(root.getNamespaceURI()).isIn(SoapParser.SOAP11_NAMESPACE, SoapParser.SOAP12_NAMESPACE);
    assertThat(document.getDoctype()).isNull();
    assertThat(XmlOracle.documentTexts(document)).containsAll(texts);
    if (reply instanceof Reply.RedirectUrl redirect) {
      assertThat(redirect.next()).isEqualTo(Dialect.SOAP);
    }
    if (reply instanceof Reply.Settings settings) {
      assertThat(settings.settings().protocols()).extracting(ProtocolSettings::type)
          .containsExactly(SoapParser.PROTOCOL_TYPE);
      assertThat(settings.notes()).hasSizeLessThanOrEqualTo(SoapParser.MAX_NOTES);
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
    XmlOracle.assertXxeSeedsReachTheSecretAndAreRefused(SEEDS, SECRET, SoapParser::parse);
  }


  /** The seeds of real answers are read as what they are, so the fuzzer starts from every case. */
  @Test
  void realAnswerSeedsGiveEveryKindOfReply() throws Exception {
    assertThat(parseSeed("exchange-online-settings.xml")).isInstanceOf(Reply.Settings.class);
    assertThat(((Reply.Settings) parseSeed("exchange-2013-collections-and-setting-errors.xml")).notes()).hasSize(2);
    assertThat(parseSeed("redirect-address.xml")).isInstanceOf(Reply.RedirectAddr.class);
    assertThat(parseSeed("redirect-url.xml")).isInstanceOf(Reply.RedirectUrl.class);
    assertThat(parseSeed("fault-soap11.xml")).isInstanceOf(Reply.Error.class);
    assertThat(parseSeed("fault-soap12.xml")).isInstanceOf(Reply.Error.class);
    assertThat(parseSeed("invalid-user.xml")).isInstanceOf(Reply.Error.class);
    assertThat(parseSeed("server-busy.xml")).isInstanceOf(Reply.Error.class);
    assertThat(parseSeed("settings-utf16le-bom.xml")).isInstanceOf(Reply.Settings.class);
  }

  private static Reply parseSeed(String name) throws IOException {
    return SoapParser.parse(Files.readAllBytes(SEEDS.resolve(name)));
  }
}

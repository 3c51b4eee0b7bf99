package dev.autodiscover.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.ProtocolSettings;
import dev.autodiscover.UserSettings;
import dev.autodiscover.internal.dialect.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What the fuzz tests of the XML dialects' readers compare a {@link Reply} with: the same body
 * read by the JDK's DOM parser, which knows nothing of the readers, and by a StAX parser that
 * expands every entity, to prove the hostile seeds hostile.
 */
public final class XmlOracle {

  private XmlOracle() {}

  /** Writes {@code secret} to {@code file}, relative to the module directory the tests run in. */
  public static void writeSecret(Path file, String secret) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, secret);
  }

  /** The seeds whose file names start with {@code xxe-} in {@code directory}. */
  public static List<Path> xxeSeeds(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().startsWith("xxe-")).sorted().toList();
    }
  }

  /**
   * Asserts that the XXE seeds in {@code seeds} really reach {@code secret} when a parser expands
   * their entities, so that a fuzz test's "no secret" check means something, and that
   * {@code parser} refuses every one of them.
   */
  public static void assertXxeSeedsReachTheSecretAndAreRefused(
      Path seeds, String secret, Function<byte[], Reply> parser) throws IOException, XMLStreamException {
    List<Path> xxe = xxeSeeds(seeds);
    assertThat(xxe).isNotEmpty();
    for (Path seed : xxe) {
      byte[] body = Files.readAllBytes(seed);
      assertThat(expandingEverything(body)).as(seed.toString()).contains(secret);
      assertThat(parser.apply(body)).as(seed.toString()).isInstanceOf(Reply.NotAutodiscover.class);
    }
  }

  /**
   * Every non-empty string the reply took from the body as it was: addresses, URLs, codes, the
   * user's details and every setting's value. Protocol types are left to the caller, as a reader
   * may name a protocol itself.
   */
  public static List<String> bodyTexts(Reply reply) {
    List<String> texts = new ArrayList<>();
    if (reply instanceof Reply.Settings settings) {
      AutodiscoverSettings values = settings.settings();
      UserSettings user = values.user();
      for (Optional<String> text : List.of(user.displayName(), user.legacyDn(),
          user.autodiscoverSmtpAddress(), user.deploymentId(), values.accountType())) {
        text.ifPresent(texts::add);
      }
      for (ProtocolSettings protocol : values.protocols()) {
        texts.addAll(protocol.values().values());
      }
    } else if (reply instanceof Reply.RedirectAddr redirect) {
      texts.add(redirect.address());
    } else if (reply instanceof Reply.RedirectUrl redirect) {
      texts.add(redirect.url());
    } else if (reply instanceof Reply.Error error) {
      texts.add(error.code());
    }
    texts.removeIf(String::isEmpty);
    return texts;
  }

  /** The lines the reply holds for people: a reason, an error's description, the notes. */
  public static List<String> lines(Reply reply) {
    if (reply instanceof Reply.NotAutodiscover notAutodiscover) {
      return List.of(notAutodiscover.reason());
    }
    if (reply instanceof Reply.Error error) {
      return List.of(error.description());
    }
    if (reply instanceof Reply.Settings settings) {
      return settings.notes();
    }
    return List.of();
  }

  /** Asserts {@code text} is one line that is not blank: no control characters or separators. */
  public static void assertOneLine(String text) {
    assertThat(text).isNotBlank();
    assertThat(text.codePoints())
        .as("characters of %s", text)
        .noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
  }

  /** Every key of every protocol's values, to check their bound. */
  public static List<String> valuePaths(Reply.Settings settings) {
    return settings.settings().protocols().stream()
        .flatMap(p -> p.values().keySet().stream())
        .toList();
  }

  // ---- The same body through the JDK's DOM parser ----

  /**
   * Reads {@code body} with a namespace-aware DOM parser that refuses document types, from the
   * same characters {@link XmlText} decodes: which encodings are accepted is XmlText's decision,
   * tested on its own; the document's structure is what is compared here.
   */
  public static Document parseIndependently(byte[] body)
      throws ParserConfigurationException, SAXException, IOException, XmlText.Undecodable {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(new DefaultHandler()); // fatal errors throw; nothing is printed
    return builder.parse(new InputSource(new StringReader(XmlText.decode(body))));
  }

  /** The trimmed text of every element without child elements, and every attribute value. */
  public static Set<String> documentTexts(Document document) {
    Set<String> texts = new HashSet<>();
    NodeList elements = document.getElementsByTagName("*");
    for (int i = 0; i < elements.getLength(); i++) {
      Element element = (Element) elements.item(i);
      if (!hasChildElements(element)) {
        texts.add(element.getTextContent().trim());
      }
      NamedNodeMap attributes = element.getAttributes();
      for (int j = 0; j < attributes.getLength(); j++) {
        texts.add(attributes.item(j).getNodeValue().trim());
      }
    }
    return texts;
  }

  private static boolean hasChildElements(Element element) {
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.ELEMENT_NODE) {
        return true;
      }
    }
    return false;
  }

  /** All text of {@code body} read by a StAX parser that resolves and expands every entity. */
  public static String expandingEverything(byte[] body) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, true);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, true);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
    StringBuilder text = new StringBuilder();
    while (reader.hasNext()) {
      if (reader.next() == XMLStreamConstants.CHARACTERS) {
        text.append(reader.getText());
      }
    }
    reader.close();
    return text.toString();
  }
}

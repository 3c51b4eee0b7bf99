package dev.autodiscover.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.autodiscover.internal.xml.XmlTree.Element;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlTreeTest {

  private static final String NS = "urn:example:root";
  private static final String OTHER_NS = "urn:example:other";
  private static final int LIMIT = 1 << 20;

  @Test
  void readsElementsAttributesAndLeafTextMatchingChildrenByLocalName() throws Exception {
    Element root = read("""
        <?xml version="1.0" encoding="utf-8"?>
        <r:Root xmlns:r="urn:example:root" xmlns:o="urn:example:other" Version=" 2 ">
          <o:User>
            <Name>  Zoë  </Name>
            <Name>second</Name>
            <Empty/>
          </o:User>
          <Mixed>dropped<Kept>kept</Kept>also dropped</Mixed>
          <Data><![CDATA[a < b]]> &amp; c</Data>
        </r:Root>
        """);

    assertThat(root.name()).isEqualTo("Root");
    assertThat(root.namespace()).isEqualTo(NS);
    assertThat(root.attributes()).containsExactly(entry("Version", "2"));
    Element user = root.child("User").orElseThrow();
    assertThat(user.namespace()).isEqualTo(OTHER_NS);
    assertThat(user.childText("Name")).contains("Zoë");
    assertThat(user.children("Name")).extracting(Element::text).containsExactly("  Zoë  ", "second");
    assertThat(user.childText("Empty")).isEmpty();
    assertThat(user.childText("Missing")).isEmpty();
    assertThat(root.child("Mixed").orElseThrow().text()).isEmpty();
    assertThat(root.childText("Data")).contains("a < b & c");
    assertThat(root.children()).extracting(Element::name).containsExactly("User", "Mixed", "Data");
    assertThat(root.count("Name")).isEqualTo(2);
  }

  @Test
  void collectsLeavesByPathKeepingTheFirstValue() throws Exception {
    Element root = read("""
        <Root xmlns="urn:example:root">
          <Internal>
            <Url> https://first.contoso.com/ </Url>
            <Url>https://second.contoso.com/</Url>
            <Blank>  </Blank>
            <Nested><Port>443</Port></Nested>
          </Internal>
        </Root>
        """);
    Map<String, String> values = new LinkedHashMap<>();

    root.child("Internal").orElseThrow().collectLeaves("Web", values);

    assertThat(values).containsExactly(
        entry("Web/Url", "https://first.contoso.com/"),
        entry("Web/Nested/Port", "443"));
  }

  @Test
  void leavesWhosePathIsLongerThan256CharactersAreLeftOut() throws Exception {
    String fits = "f".repeat(254); // P/ and 254 characters: 256
    String tooLong = "t".repeat(255);
    String deep = "d".repeat(130); // P/d.../d.../x: 265
    Element root = read("<Root xmlns='urn:example:root'><%1$s>a</%1$s><%2$s>b</%2$s><%3$s><%3$s><x>c</x></%3$s></%3$s><y>e</y></Root>"
        .formatted(fits, tooLong, deep));
    Map<String, String> values = new LinkedHashMap<>();

    for (Element child : root.children()) {
      child.collectLeaves("P/" + child.name(), values);
    }

    assertThat(values).containsExactly(entry("P/" + fits, "a"), entry("P/y", "e"));
  }

  @Test
  void rootMustHaveTheExpectedNameInAnAcceptedNamespace() throws Exception {
    List<String> both = List.of(NS, OTHER_NS);

    assertThat(XmlTree.read(utf8("<Root xmlns='urn:example:other'/>"), LIMIT, "Root", both).namespace())
        .isEqualTo(OTHER_NS);
    assertRefused(refusal("<Root xmlns='urn:example:third'/>", both),
        "root element is Root in namespace urn:example:third, "
            + "expected Root in namespace urn:example:root or urn:example:other");
    assertRefused(refusal("<Other xmlns='urn:example:root'/>", both),
        "root element is Other in namespace urn:example:root, "
            + "expected Root in namespace urn:example:root or urn:example:other");
    assertRefused(refusal("<Root/>", List.of(NS)),
        "root element is Root (no namespace), expected Root in namespace urn:example:root");
  }

  @Test
  void namespaceInAReasonIsOnOneLineAndShort() {
    String namespace = "urn:x:" + "\u0085\u2028".repeat(3) + "y".repeat(400);

    Throwable refused = refusal("<Root xmlns='" + namespace + "'/>", List.of(NS));

    assertThat(refused).isInstanceOf(XmlTree.Refused.class);
    assertThat(refused.getMessage()).startsWith("root element is Root in namespace urn:x: y")
        .doesNotContain("\u0085", "\u2028")
        .hasSizeLessThan(300);
  }

  @Test
  void htmlIsNamedAsSuch() {
    String html = "an HTML page, not Autodiscover XML";

    assertRefused(refusal("<!DOCTYPE html><html><body/></html>", List.of(NS)), html);
    assertRefused(refusal("\uFEFF \n <HTML><body>hi</body></HTML>", List.of(NS)), html);
    assertRefused(refusal("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'/>", List.of(NS)), html);
    assertRefused(refusal("""
        <?xml version="1.0"?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml"/>
        """, List.of(NS)), html);
  }

  @Test
  void documentTypeDeclarationsAreRefusedWithoutReadingWhatTheyName(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "tree-secret-81");
    String internal = """
        <!DOCTYPE Root [ <!ENTITY name "Zoë"> ]>
        <Root xmlns="urn:example:root"><Name>&name;</Name></Root>
        """;
    String external = """
        <!DOCTYPE Root [ <!ENTITY xxe SYSTEM "%s"> ]>
        <Root xmlns="urn:example:root"><Name>&xxe;</Name></Root>
        """.formatted(secret.toUri());

    assertRefused(refusal(internal, List.of(NS)), "document type declarations are not accepted");
    Throwable refused = refusal(external, List.of(NS));
    assertRefused(refused, "document type declarations are not accepted");
    assertThat(refused.getMessage()).doesNotContain("tree-secret");
  }

  @Test
  void billionLaughsIsRefusedQuickly() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE Root [\n<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    String xml = dtd + "]>\n<Root xmlns=\"urn:example:root\">&lol9;</Root>";

    Throwable refused = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refusal(xml, List.of(NS)));

    assertRefused(refused, "document type declarations are not accepted");
  }

  @Test
  void entityReferenceWithoutADeclarationIsRefused() {
    assertRefused(refusal("<Root xmlns='urn:example:root'>&secret;</Root>", List.of(NS)),
        "entity references are not accepted");
    assertRefused(refusal("<Root xmlns='urn:example:root'><a>x&secret;</a></Root>", List.of(NS)),
        "entity references are not accepted");
  }

  @Test
  void malformedXmlGivesTheParsersReasonOnOneLineWithItsPlace() {
    Throwable refused = refusal("<Root xmlns='urn:example:root'>\n  <Open>\n</Root>", List.of(NS));

    assertThat(refused).isInstanceOf(XmlTree.Refused.class);
    assertThat(refused.getMessage()).startsWith("malformed XML: ").contains("(line ").doesNotContain("\n");
    assertThat(refused.getMessage().length()).isLessThan(250);
    assertThat(refusal("  ", List.of(NS)).getMessage()).startsWith("malformed XML: ");
    assertThat(refusal("{\"json\": true}", List.of(NS)).getMessage()).startsWith("malformed XML: ");
  }

  @Test
  void emptyAndOversizedBodiesAreRefusedUnread() {
    assertThatThrownBy(() -> XmlTree.read(new byte[0], LIMIT, "Root", List.of(NS)))
        .isInstanceOf(XmlTree.Refused.class).hasMessage("empty response body");
    assertThatThrownBy(() -> XmlTree.read(new byte[64 * 1024 + 1], 64 * 1024, "Root", List.of(NS)))
        .isInstanceOf(XmlTree.Refused.class).hasMessage("response larger than 64 KiB");
    assertThatThrownBy(() -> XmlTree.read(new byte[LIMIT + 1], LIMIT, "Root", List.of(NS)))
        .isInstanceOf(XmlTree.Refused.class).hasMessage("response larger than 1 MiB");
    assertThatThrownBy(() -> XmlTree.read(new byte[1001], 1000, "Root", List.of(NS)))
        .isInstanceOf(XmlTree.Refused.class).hasMessage("response larger than 1000 bytes");
  }

  @Test
  void bodyOfExactlyTheLimitIsRead() throws Exception {
    String open = "<Root xmlns='urn:example:root'><!--";
    String close = "--></Root>";
    String xml = open + " ".repeat(LIMIT - open.length() - close.length()) + close;

    assertThat(XmlTree.read(utf8(xml), LIMIT, "Root", List.of(NS)).name()).isEqualTo("Root");
  }

  @Test
  void nestingDeeperThan32LevelsIsRefused() throws Exception {
    // The root is level 1; 31 more reach exactly 32.
    String deepest = "<Root xmlns='urn:example:root'>" + "<x>".repeat(31) + "</x>".repeat(31) + "</Root>";
    String tooDeep = "<Root xmlns='urn:example:root'>" + "<x>".repeat(32) + "</x>".repeat(32) + "</Root>";

    assertThat(XmlTree.read(utf8(deepest), LIMIT, "Root", List.of(NS)).count("x")).isEqualTo(31);
    assertRefused(refusal(tooDeep, List.of(NS)), "elements nested deeper than 32 levels");
    assertRefused(refusal("<Root xmlns='urn:example:root'>" + "<y>".repeat(100_000), List.of(NS)),
        "elements nested deeper than 32 levels");
  }

  @Test
  void moreThan10000ElementsAreRefused() throws Exception {
    // The root is one element.
    String fits = "<Root xmlns='urn:example:root'>" + "<x/>".repeat(9_999) + "</Root>";
    String tooMany = "<Root xmlns='urn:example:root'>" + "<x/>".repeat(10_000) + "</Root>";

    assertThat(XmlTree.read(utf8(fits), LIMIT, "Root", List.of(NS)).children()).hasSize(9_999);
    assertRefused(refusal(tooMany, List.of(NS)), "more than 10000 elements");
  }

  @Test
  void elementTextLongerThan8KibIsRefusedCountingCharactersAfterReferences() throws Exception {
    String fits = "<Root xmlns='urn:example:root'><Url>" + "a".repeat(8 * 1024) + "</Url></Root>";
    String tooLong = "<Root xmlns='urn:example:root'><Url>" + "a&amp;".repeat(4 * 1024) + "a</Url></Root>";

    assertThat(XmlTree.read(utf8(fits), LIMIT, "Root", List.of(NS)).childText("Url")).get()
        .asString().hasSize(8 * 1024);
    assertRefused(refusal(tooLong, List.of(NS)), "text of <Url> longer than 8192 characters");
  }

  @Test
  void whitespaceBetweenElementsDoesNotCountAsText() throws Exception {
    String xml = "<Root xmlns='urn:example:root'>" + ("<x/>" + " ".repeat(100)).repeat(200) + "</Root>";

    assertThat(XmlTree.read(utf8(xml), LIMIT, "Root", List.of(NS)).children()).hasSize(200);
  }

  @Test
  void encodingsAreFoundAsXmlSaysWithTheHelpOfXmlText() throws Exception {
    String xml = "<?xml version=\"1.0\" encoding=\"%s\"?><Root xmlns=\"urn:example:root\"><Name>Zoë Ångström</Name></Root>";

    for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"))) {
      byte[] body = xml.formatted(charset.name()).getBytes(charset);
      assertThat(XmlTree.read(body, LIMIT, "Root", List.of(NS)).childText("Name")).as(charset.name())
          .contains("Zoë Ångström");
    }
    byte[] utf16le = ("\uFEFF" + xml.formatted("utf-16")).getBytes(StandardCharsets.UTF_16LE);
    byte[] utf16be = xml.formatted("utf-16").getBytes(StandardCharsets.UTF_16); // with a BOM
    byte[] utf8Bom = ("\uFEFF" + xml.formatted("utf-8")).getBytes(StandardCharsets.UTF_8);
    for (byte[] body : List.of(utf16le, utf16be, utf8Bom)) {
      assertThat(XmlTree.read(body, LIMIT, "Root", List.of(NS)).childText("Name")).contains("Zoë Ångström");
    }
  }

  @Test
  void bytesThatAreNotTextInTheirEncodingAreRefusedWithoutAWordOnStandardError() {
    PrintStream standardError = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertRefused(refusal(new byte[] {'<', 'R', (byte) 0xC3, 0x28, '/', '>'}),
          "malformed XML: the body is not valid UTF-8 (at byte 3)");
      assertRefused(refusal("<?xml version='1.0' encoding='x-no-such'?><Root/>", List.of(NS)),
          "malformed XML: the declared encoding x-no-such is not one this reader knows");
      assertRefused(refusal("<?xml version='1.0' encoding='utf-8 x'?><Root/>", List.of(NS)),
          "malformed XML: the declared encoding 'utf-8 x' is not an encoding name");
    } finally {
      System.setErr(standardError);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void anAcceptedNamespaceIsNeeded() {
    assertThatThrownBy(() -> XmlTree.read(utf8("<Root/>"), LIMIT, "Root", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- Helpers ----

  private static Element read(String xml) throws XmlTree.Refused {
    return XmlTree.read(utf8(xml), LIMIT, "Root", List.of(NS));
  }

  /** What reading {@code xml} throws; it must throw. */
  private static Throwable refusal(String xml, List<String> namespaces) {
    return refusal(utf8(xml), namespaces);
  }

  private static Throwable refusal(byte[] body) {
    return refusal(body, List.of(NS));
  }

  private static Throwable refusal(byte[] body, List<String> namespaces) {
    try {
      Element root = XmlTree.read(body, LIMIT, "Root", namespaces);
      throw new AssertionError("read, not refused: <" + root.name() + ">");
    } catch (XmlTree.Refused e) {
      return e;
    }
  }

  private static void assertRefused(Throwable thrown, String reason) {
    assertThat(thrown).isInstanceOf(XmlTree.Refused.class).hasMessage(reason);
    assertThat(((XmlTree.Refused) thrown).reason()).isEqualTo(reason);
  }

  private static byte[] utf8(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }
}

package dev.autodiscover.internal.pox;

import static dev.autodiscover.internal.pox.PoxParserTest.account;
import static dev.autodiscover.internal.pox.PoxParserTest.root;
import static dev.autodiscover.internal.pox.PoxParserTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoxParserHostileInputTest {

  private static final String DTD_REFUSED = "document type declarations are not accepted";

  private HttpServer server;
  private final List<String> requestedPaths = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startRecordingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requestedPaths.add(exchange.getRequestURI().getPath());
      byte[] body = utf8("<!ENTITY secret \"fetched\">");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopRecordingServer() {
    server.stop(0);
  }

  @Test
  void externalEntityPointingAtALocalFileIsRefusedUnread(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t-token");
    String xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE Autodiscover [ <!ENTITY xxe SYSTEM "%s"> ]>
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
          <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
            <Account><Action>redirectAddr</Action><RedirectAddr>&xxe;</RedirectAddr></Account>
          </Response>
        </Autodiscover>
        """.formatted(secret.toUri());

    PoxResponse response = PoxParser.parse(utf8(xml));

    assertThat(response).isEqualTo(new PoxResponse.NotAutodiscover(DTD_REFUSED));
    assertThat(response.describe()).doesNotContain("s3cr3t");
  }

  @Test
  void externalEntityAndExternalDtdAreNeverFetched() {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    String withEntity = """
        <!DOCTYPE Autodiscover [ <!ENTITY % remote SYSTEM "%s/entity"> %remote; ]>
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"/>
        """.replace("%s", base);
    String withExternalDtd = """
        <!DOCTYPE Autodiscover SYSTEM "%s/autodiscover.dtd">
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"/>
        """.formatted(base);

    assertThat(PoxParser.parse(utf8(withEntity)))
        .isEqualTo(new PoxResponse.NotAutodiscover(DTD_REFUSED));
    assertThat(PoxParser.parse(utf8(withExternalDtd)))
        .isEqualTo(new PoxResponse.NotAutodiscover(DTD_REFUSED));
    assertThat(requestedPaths).isEmpty();
  }

  @Test
  void billionLaughsIsRefusedQuickly() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    String xml = dtd + "]>\n" + account("<Action>redirectAddr</Action><RedirectAddr>&lol9;</RedirectAddr>")
        .replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n", "");

    PoxResponse response =
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> PoxParser.parse(utf8(xml)));

    assertThat(response).isEqualTo(new PoxResponse.NotAutodiscover(DTD_REFUSED));
  }

  @Test
  void nulInsideTheDoctypeIsMalformedXmlRatherThanTheJdkParsersException() {
    // The JDK's parser, skipping the DOCTYPE, throws MissingResourceException for the NUL.
    PoxResponse response = PoxParser.parse(utf8("<!DOCTYPE Autodiscover [ <!ENTITY x \u0000> ]>\n"
        + "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006\"/>"));

    assertThat(response).isInstanceOf(PoxResponse.NotAutodiscover.class);
    assertThat(response.describe()).startsWith("not an Autodiscover response: malformed XML: ");
  }

  @Test
  void htmlPageIsNotAutodiscover() {
    String page = """
        <!DOCTYPE html>
        <html lang="en"><head><title>Contoso</title></head>
        <body><p>Welcome to Contoso<br></p></body></html>
        """;

    assertThat(PoxParser.parse(utf8(page)))
        .isEqualTo(new PoxResponse.NotAutodiscover("an HTML page, not Autodiscover XML"));
    assertThat(PoxParser.parse(utf8("\uFEFF  <HTML><body>hi</body></HTML>")))
        .isEqualTo(new PoxResponse.NotAutodiscover("an HTML page, not Autodiscover XML"));
    assertThat(PoxParser.parse(utf8("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"/>")))
        .isEqualTo(new PoxResponse.NotAutodiscover("an HTML page, not Autodiscover XML"));
    assertThat(PoxParser.parse(utf8("""
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml"><body/></html>
        """)))
        .isEqualTo(new PoxResponse.NotAutodiscover("an HTML page, not Autodiscover XML"));
  }

  @Test
  void malformedXmlIsNotAutodiscoverWithTheParsersReason() {
    String truncated = PoxParserTest.EXCHANGE_2016_SETTINGS.substring(0, 600);

    PoxResponse response = PoxParser.parse(utf8(truncated));

    assertThat(response).isInstanceOf(PoxResponse.NotAutodiscover.class);
    String reason = ((PoxResponse.NotAutodiscover) response).reason();
    assertThat(reason).startsWith("malformed XML: ").contains("(line ").doesNotContain("\n");
    assertThat(reason.length()).isLessThan(250);
    assertThat(PoxParser.parse(utf8("{\"error\":\"not found\"}")).describe())
        .startsWith("not an Autodiscover response: malformed XML: ");
    assertThat(PoxParser.parse(new byte[0]))
        .isEqualTo(new PoxResponse.NotAutodiscover("empty response body"));
  }

  @Test
  void wrongRootNamespaceIsNotAutodiscover() {
    String xml = PoxParserTest.EXCHANGE_2016_SETTINGS.replace(
        "autodiscover/responseschema/2006\"", "autodiscover/responseschema/2007\"");

    assertThat(PoxParser.parse(utf8(xml))).isEqualTo(new PoxResponse.NotAutodiscover(
        "root element is Autodiscover in namespace "
            + "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2007, "
            + "expected Autodiscover in namespace "
            + "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"));
    assertThat(PoxParser.parse(utf8("<Autodiscover><Response/></Autodiscover>")).describe())
        .contains("root element is Autodiscover (no namespace)");
  }

  @Test
  void responseInAnotherSchemaIsNotAutodiscover() {
    String mobileSync = root("""
        <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006">
          <Action><Settings/></Action>
        </Response>
        """);

    assertThat(PoxParser.parse(utf8(mobileSync)).describe())
        .contains("Response element is Response in namespace "
            + "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006");
  }

  @Test
  void bodyLargerThanOneMebibyteIsNotRead() {
    byte[] body = new byte[PoxParser.MAX_BODY_BYTES + 1];

    assertThat(PoxParser.parse(body))
        .isEqualTo(new PoxResponse.NotAutodiscover("response larger than 1 MiB"));
  }

  @Test
  void nestingDeeperThan32LevelsIsRefused() {
    // Autodiscover, Response and Account are three levels; 29 more reach exactly 32.
    String deepest = "<x>".repeat(29) + "</x>".repeat(29);
    String tooDeep = "<x>".repeat(30) + "</x>".repeat(30);
    String protocol = "<Protocol><Type>EXCH</Type></Protocol>";

    assertThat(PoxParser.parse(utf8(account(protocol + deepest))))
        .isInstanceOf(PoxResponse.Settings.class);
    assertThat(PoxParser.parse(utf8(account(protocol + tooDeep))))
        .isEqualTo(new PoxResponse.NotAutodiscover("elements nested deeper than 32 levels"));
    assertThat(PoxParser.parse(utf8(account("<y>".repeat(100_000)))))
        .isEqualTo(new PoxResponse.NotAutodiscover("elements nested deeper than 32 levels"));
  }

  @Test
  void moreThan200ProtocolsAreRefused() {
    String protocol = "<Protocol><Type>EXCH</Type></Protocol>";

    PoxResponse twoHundred = PoxParser.parse(utf8(account(protocol.repeat(200))));
    PoxResponse tooMany = PoxParser.parse(utf8(account(protocol.repeat(201))));

    assertThat(((PoxResponse.Settings) twoHundred).settings().protocols()).hasSize(200);
    assertThat(tooMany).isEqualTo(new PoxResponse.NotAutodiscover("more than 200 Protocol elements"));
  }

  @Test
  void moreThan10000ElementsAreRefused() {
    // Autodiscover, Response, Account, Protocol and Type are five elements.
    String protocol = "<Protocol><Type>EXCH</Type></Protocol>";

    assertThat(PoxParser.parse(utf8(account(protocol + "<x/>".repeat(9_995)))))
        .isInstanceOf(PoxResponse.Settings.class);
    assertThat(PoxParser.parse(utf8(account(protocol + "<x/>".repeat(9_996)))))
        .isEqualTo(new PoxResponse.NotAutodiscover("more than 10000 elements"));
  }

  @Test
  void manyLeavesUnderLongNamesAreRefusedQuickly() {
    // Each value's path repeats its ancestors' names: 27 names of 1,000 characters over a
    // mebibyte of leaves took seconds to collect before the element count was bounded.
    StringBuilder open = new StringBuilder("<Action>settings</Action><Protocol><Type>EXCH</Type>");
    StringBuilder close = new StringBuilder("</Protocol>");
    for (int level = 0; level < 27; level++) {
      String name = "n" + level + "x".repeat(997);
      open.append('<').append(name).append('>');
      close.insert(0, "</" + name + ">");
    }
    int room = PoxParser.MAX_BODY_BYTES - account(open.toString() + close).length();
    String xml = account(open + "<a>x</a>".repeat(room / 8) + close);

    PoxResponse response =
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> PoxParser.parse(utf8(xml)));

    assertThat(response).isEqualTo(new PoxResponse.NotAutodiscover("more than 10000 elements"));
  }

  @Test
  void valuesUnderPathsLongerThan256CharactersAreLeftOut() {
    // 27 names of 1,000 characters over 9,900 leaves: a quarter of a gigabyte of paths if kept.
    StringBuilder open = new StringBuilder("<Action>settings</Action><Protocol><Type>EXCH</Type><EwsUrl>https://mail.contoso.com/EWS/Exchange.asmx</EwsUrl>");
    StringBuilder close = new StringBuilder("</Protocol>");
    for (int level = 0; level < 27; level++) {
      String name = "n" + level + "x".repeat(997);
      open.append('<').append(name).append('>');
      close.insert(0, "</" + name + ">");
    }
    StringBuilder leaves = new StringBuilder();
    for (int i = 0; i < 9_900; i++) {
      leaves.append("<a").append(i).append(">x</a").append(i).append('>');
    }
    String xml = account(open.toString() + leaves + close);

    PoxResponse response =
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> PoxParser.parse(utf8(xml)));

    assertThat(response).isInstanceOf(PoxResponse.Settings.class);
    assertThat(((PoxResponse.Settings) response).settings().protocols().get(0).values())
        .containsOnlyKeys("EwsUrl");
  }

  @Test
  void elementTextLongerThan8KibIsRefused() {
    String fits = "<Action>settings</Action><Protocol><Type>EXCH</Type><EwsUrl>"
        + "a".repeat(8 * 1024) + "</EwsUrl></Protocol>";
    String tooLong = "<Action>settings</Action><Protocol><Type>EXCH</Type><EwsUrl>"
        + "a&amp;".repeat(4 * 1024) + "a</EwsUrl></Protocol>";

    assertThat(PoxParser.parse(utf8(account(fits)))).isInstanceOf(PoxResponse.Settings.class);
    assertThat(PoxParser.parse(utf8(account(tooLong))))
        .isEqualTo(new PoxResponse.NotAutodiscover("text of <EwsUrl> longer than 8192 characters"));
  }

  @Test
  void whitespaceBetweenManyElementsDoesNotCountAsText() {
    String protocol = "<Protocol>\n      <Type>EXCH</Type>\n    </Protocol>\n" + " ".repeat(60);

    assertThat(PoxParser.parse(utf8(account(protocol.repeat(200)))))
        .isInstanceOf(PoxResponse.Settings.class);
  }

  @Test
  void bytesThatAreNotTextInTheirEncodingAreRefusedWithoutAWordOnStandardError() throws Exception {
    String open = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Autodiscover xmlns=\"" + PoxParser.ROOT_NAMESPACE + "\">";
    byte[] invalidUtf8 = concat(open.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28}, "</Autodiscover>".getBytes(StandardCharsets.UTF_8));
    byte[] oddUtf16 = {(byte) 0xFF, (byte) 0xFE, 0x3C, 0x00, 0x00, (byte) 0xD8, 0x41};
    PrintStream standardError = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertThat(PoxParser.parse(invalidUtf8)).isEqualTo(new PoxResponse.NotAutodiscover(
          "malformed XML: the body is not valid UTF-8 (at byte " + (open.length() + 1) + ")"));
      assertThat(PoxParser.parse(oddUtf16).describe()).contains("malformed XML: the body is not valid UTF-16LE");
      assertThat(PoxParser.parse(new byte[] {0x3C, (byte) 0x80}).describe()).contains("not valid UTF-8");
      assertThat(PoxParser.parse("<?xml version='1.0' encoding='x-no-such'?><a/>".getBytes(StandardCharsets.US_ASCII)).describe())
          .contains("the declared encoding x-no-such is not one this reader knows");
    } finally {
      System.setErr(standardError);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void declaredEncodingThatIsNotAnEncodingNameIsRefused() {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"utf-<!DOCTYPE html8\"?><Autodiscover xmlns=\""
        + PoxParser.ROOT_NAMESPACE + "\"/>").getBytes(StandardCharsets.US_ASCII);

    assertThat(PoxParser.parse(body)).isEqualTo(new PoxResponse.NotAutodiscover(
        "malformed XML: the declared encoding 'utf-<!DOCTYPE html8' is not an encoding name"));
    byte[] utf16 = ("\uFEFF<?xml version=\"1.0\" encoding=\"utf-1\u0088\"?><Autodiscover xmlns=\""
        + PoxParser.ROOT_NAMESPACE + "\"/>").getBytes(StandardCharsets.UTF_16LE);
    assertThat(PoxParser.parse(utf16).describe()).as("a byte order mark does not excuse the declaration")
        .contains("is not an encoding name");
    byte[] endInside = ("<?xml version='1.0' encoding='utf-?>8'?><Autodiscover xmlns='" + PoxParser.ROOT_NAMESPACE + "'/>")
        .getBytes(StandardCharsets.US_ASCII);
    assertThat(PoxParser.parse(endInside).describe()).contains("the declared encoding 'utf-?>8' is not an encoding name");
  }

  @Test
  void latin1DeclaredByTheDocumentIsDecodedAsLatin1() {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Autodiscover xmlns=\"" + PoxParser.ROOT_NAMESPACE
        + "\"><Response><Error><ErrorCode>500</ErrorCode><Message>Zo\u00eb</Message></Error></Response></Autodiscover>")
        .getBytes(StandardCharsets.ISO_8859_1);

    assertThat(PoxParser.parse(body).describe()).isEqualTo("Autodiscover error 500: Zo\u00eb");
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}

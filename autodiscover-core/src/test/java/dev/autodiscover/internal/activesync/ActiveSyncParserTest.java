package dev.autodiscover.internal.activesync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.ProtocolSettings;
import dev.autodiscover.UserSettings;
import dev.autodiscover.internal.dialect.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActiveSyncParserTest {

  /** Settings with a MobileSync and a CertEnroll server, as in [MS-ASCMD] 4.2.1. */
  static final String SETTINGS = """
      <?xml version="1.0" encoding="utf-8"?>
      <Autodiscover xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xmlns:xsd="http://www.w3.org/2001/XMLSchema"
                    xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
        <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006">
          <Culture>en:us</Culture>
          <User>
            <DisplayName>Zoë Ångström</DisplayName>
            <EMailAddress>zoe@contoso.com</EMailAddress>
          </User>
          <Action>
            <Settings>
              <Server>
                <Type>MobileSync</Type>
                <Url>https://mail.contoso.com/Microsoft-Server-ActiveSync</Url>
                <Name>https://mail.contoso.com/Microsoft-Server-ActiveSync</Name>
              </Server>
              <Server>
                <Type>CertEnroll</Type>
                <Url>https://cert.contoso.com/CertEnroll</Url>
                <Name />
                <ServerData>CertEnrollTemplate</ServerData>
              </Server>
            </Settings>
          </Action>
        </Response>
      </Autodiscover>
      """;

  @Test
  void settingsGiveOneProtocolPerServerAndTheUser() {
    AutodiscoverSettings settings = settings(SETTINGS);

    assertThat(settings.user()).isEqualTo(new UserSettings(
        Optional.of("Zoë Ångström"), Optional.empty(), Optional.of("zoe@contoso.com"), Optional.empty()));
    assertThat(settings.accountType()).isEmpty();
    assertThat(settings.protocols()).extracting(ProtocolSettings::type).containsExactly("MobileSync", "CertEnroll");
    assertThat(settings.protocol("mobilesync").orElseThrow().values()).containsExactly(
        entry("Url", "https://mail.contoso.com/Microsoft-Server-ActiveSync"),
        entry("Name", "https://mail.contoso.com/Microsoft-Server-ActiveSync"));
    assertThat(settings.protocol("CertEnroll").orElseThrow().values()).containsExactly(
        entry("Url", "https://cert.contoso.com/CertEnroll"),
        entry("ServerData", "CertEnrollTemplate"));
    assertThat(((Reply.Settings) ActiveSyncParser.parse(utf8(SETTINGS))).notes()).isEmpty();
  }

  @Test
  void serverWithoutATypeOrUserIsStillRead() {
    AutodiscoverSettings settings = settings(response("""
        <Action><Settings><Server><Url>https://mail.contoso.com/Microsoft-Server-ActiveSync</Url><Extra><Port>443</Port></Extra></Server></Settings></Action>
        """));

    assertThat(settings.user()).isEqualTo(UserSettings.empty());
    assertThat(settings.protocols()).singleElement().satisfies(server -> {
      assertThat(server.type()).isEmpty();
      assertThat(server.values()).containsExactly(
          entry("Url", "https://mail.contoso.com/Microsoft-Server-ActiveSync"), entry("Extra/Port", "443"));
    });
  }

  @Test
  void redirectNamesTheAddressToStartAgainWith() {
    Reply reply = ActiveSyncParser.parse(utf8(response("""
        <Culture>en:us</Culture>
        <User><EMailAddress>zoe@contoso.com</EMailAddress></User>
        <Action><Redirect>
            zoe@fabrikam.com
        </Redirect></Action>
        """)));

    assertThat(reply).isEqualTo(new Reply.RedirectAddr("zoe@fabrikam.com", "Redirect"));
  }

  @Test
  void emptyRedirectIsNotAutodiscover() {
    assertThat(ActiveSyncParser.parse(utf8(response("<Action><Redirect> </Redirect></Action>"))))
        .isEqualTo(new Reply.NotAutodiscover("Redirect without an address"));
  }

  @Test
  void actionErrorGivesItsStatusMessageAndDebugData() {
    // [MS-ASCMD] 4.2.2: the directory service could not be reached.
    Reply reply = ActiveSyncParser.parse(utf8(response("""
        <Culture>en:us</Culture>
        <User><EMailAddress>zoe@contoso.com</EMailAddress></User>
        <Action>
          <Error>
            <Status>2</Status>
            <Message>The directory service could not be reached</Message>
            <DebugData>MailUser</DebugData>
          </Error>
        </Action>
        """)));

    assertThat(reply).isEqualTo(new Reply.Error("2",
        "Autodiscover status 2 (protocol error): The directory service could not be reached (debug data: MailUser)"));
  }

  @Test
  void actionErrorWithAnotherOrNoStatus() {
    assertThat(ActiveSyncParser.parse(utf8(response("<Action><Error><Status>7</Status></Error></Action>"))))
        .isEqualTo(new Reply.Error("7", "Autodiscover status 7"));
    assertThat(ActiveSyncParser.parse(utf8(response("<Action><Error><Message>Failed</Message></Error></Action>"))))
        .isEqualTo(new Reply.Error("", "Autodiscover status: Failed"));
  }

  @Test
  void responseErrorInTheRootNamespaceGivesItsCode() {
    Reply reply = ActiveSyncParser.parse(utf8("""
        <?xml version="1.0" encoding="utf-8"?>
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
          <Response>
            <Error Time="16:56:32.6164027" Id="1054084152">
              <ErrorCode>600</ErrorCode>
              <Message>Invalid Request</Message>
              <DebugData />
            </Error>
          </Response>
        </Autodiscover>
        """));

    assertThat(reply).isEqualTo(new Reply.Error("600", "Autodiscover error 600: Invalid Request"));
  }

  @Test
  void responseErrorForAnUnknownSchemaKeepsTheMessageOnOneLine() {
    Reply reply = ActiveSyncParser.parse(utf8(response("""
        <Error>
          <ErrorCode>601</ErrorCode>
          <Message>Provider could not
            provide&#x85;the requested&#x2028;response schema</Message>
          <DebugData>Schema&#x9B;2J</DebugData>
        </Error>
        """)));

    assertThat(reply).isEqualTo(new Reply.Error("601",
        "Autodiscover error 601: Provider could not provide the requested response schema (debug data: Schema 2J)"));
  }

  @Test
  void settingsWithoutAServerAreNotAutodiscover() {
    assertThat(ActiveSyncParser.parse(utf8(response("<Action><Settings/></Action>"))))
        .isEqualTo(new Reply.NotAutodiscover("settings without a server"));
  }

  @Test
  void documentWithNothingUsableIsNotAutodiscover() {
    assertThat(ActiveSyncParser.parse(utf8(response("<Culture>en:us</Culture>"))))
        .isEqualTo(new Reply.NotAutodiscover("no Action or Error in the response"));
    assertThat(ActiveSyncParser.parse(utf8(response("<Action><Dance/></Action>"))))
        .isEqualTo(new Reply.NotAutodiscover("Action without Error, Redirect or Settings"));
    assertThat(ActiveSyncParser.parse(utf8(
            "<Autodiscover xmlns='http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006'/>")))
        .isEqualTo(new Reply.NotAutodiscover("no Response in the Autodiscover document"));
  }

  @Test
  void outlookResponseIsNotAnActiveSyncAnswer() {
    String outlook = """
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
          <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
            <Account><Action>redirectAddr</Action><RedirectAddr>zoe@fabrikam.com</RedirectAddr></Account>
          </Response>
        </Autodiscover>
        """;

    assertThat(ActiveSyncParser.parse(utf8(outlook))).isEqualTo(new Reply.NotAutodiscover(
        "Response element is Response in namespace http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a, "
            + "expected namespace http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006"));
  }

  @Test
  void wrongRootIsNotAutodiscover() {
    assertThat(ActiveSyncParser.parse(utf8(SETTINGS.replace("autodiscover/responseschema/2006\"", "autodiscover/responseschema/2007\""))))
        .isEqualTo(new Reply.NotAutodiscover(
            "root element is Autodiscover in namespace http://schemas.microsoft.com/exchange/autodiscover/responseschema/2007, "
                + "expected Autodiscover in namespace http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"));
  }

  @Test
  void hostileAndBrokenBodiesAreNotAutodiscover(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "activesync-s3cr3t");
    String xxe = """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE Autodiscover [ <!ENTITY xxe SYSTEM "%s"> ]>
        %s""".formatted(secret.toUri(), response("<Action><Redirect>&xxe;</Redirect></Action>").replaceFirst("<\\?xml[^>]*>\\s*", ""));

    assertThat(ActiveSyncParser.parse(utf8(xxe)))
        .isEqualTo(new Reply.NotAutodiscover("document type declarations are not accepted"));
    assertThat(ActiveSyncParser.parse(utf8("<!DOCTYPE html><html><body>Sign in</body></html>")))
        .isEqualTo(new Reply.NotAutodiscover("an HTML page, not Autodiscover XML"));
    assertThat(ActiveSyncParser.parse(new byte[ActiveSyncParser.MAX_BODY_BYTES + 1]))
        .isEqualTo(new Reply.NotAutodiscover("response larger than 1 MiB"));
    assertThat(ActiveSyncParser.parse(utf8(response("<Action>" + "<x>".repeat(40)))))
        .isEqualTo(new Reply.NotAutodiscover("elements nested deeper than 32 levels"));
    Reply truncated = ActiveSyncParser.parse(utf8(SETTINGS.substring(0, 700)));
    assertThat(truncated).isInstanceOf(Reply.NotAutodiscover.class);
    assertThat(((Reply.NotAutodiscover) truncated).reason()).startsWith("malformed XML: ");
  }

  // ---- Helpers ----

  /** An answer whose mobilesync Response holds {@code inner}. */
  static String response(String inner) {
    return """
        <?xml version="1.0" encoding="utf-8"?>
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
          <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006">
        %s  </Response>
        </Autodiscover>
        """.formatted(inner);
  }

  static byte[] utf8(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private static AutodiscoverSettings settings(String xml) {
    Reply reply = ActiveSyncParser.parse(utf8(xml));
    assertThat(reply).isInstanceOf(Reply.Settings.class);
    return ((Reply.Settings) reply).settings();
  }
}

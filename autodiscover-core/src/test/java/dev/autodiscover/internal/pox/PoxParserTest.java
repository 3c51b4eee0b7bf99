package dev.autodiscover.internal.pox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.ProtocolSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoxParserTest {

  static final String EXCHANGE_2016_SETTINGS = """
      <?xml version="1.0" encoding="utf-8"?>
      <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
        <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
          <User>
            <DisplayName>Zoë Ångström</DisplayName>
            <LegacyDN>/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=zoe</LegacyDN>
            <AutoDiscoverSMTPAddress>zoe@contoso.com</AutoDiscoverSMTPAddress>
            <DeploymentId>9a1b2c3d-0000-4000-8000-000000000001</DeploymentId>
          </User>
          <Account>
            <AccountType>email</AccountType>
            <Action>settings</Action>
            <MicrosoftOnline>False</MicrosoftOnline>
            <Protocol>
              <Type>EXCH</Type>
              <Server>0f9e8d7c-1111-2222-3333-444455556666@contoso.com</Server>
              <ServerDN>/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=0f9e8d7c</ServerDN>
              <ServerVersion>73C18880</ServerVersion>
              <AuthPackage>Kerb</AuthPackage>
              <ASUrl>https://mail.contoso.com/EWS/Exchange.asmx</ASUrl>
              <EwsUrl>https://mail.contoso.com/EWS/Exchange.asmx</EwsUrl>
              <EmwsUrl>https://mail.contoso.com/EWS/Exchange.asmx</EmwsUrl>
              <EcpUrl>https://mail.contoso.com/owa/</EcpUrl>
              <OOFUrl>https://mail.contoso.com/EWS/Exchange.asmx</OOFUrl>
              <UMUrl>https://mail.contoso.com/EWS/UM2007Legacy.asmx</UMUrl>
              <OABUrl>https://mail.contoso.com/OAB/5f2d0c2a-aaaa-bbbb-cccc-ddddeeeeffff/</OABUrl>
              <ServerExclusiveConnect>off</ServerExclusiveConnect>
              <TTL>4</TTL>
            </Protocol>
            <Protocol>
              <Type>EXPR</Type>
              <Server>mail.contoso.com</Server>
              <SSL>On</SSL>
              <AuthPackage>Ntlm</AuthPackage>
              <ASUrl>https://mail.contoso.com/EWS/Exchange.asmx</ASUrl>
              <EwsUrl>https://external.contoso.com/EWS/Exchange.asmx</EwsUrl>
              <OOFUrl>https://external.contoso.com/EWS/Exchange.asmx</OOFUrl>
              <OABUrl>https://external.contoso.com/OAB/5f2d0c2a-aaaa-bbbb-cccc-ddddeeeeffff/</OABUrl>
              <ServerExclusiveConnect>on</ServerExclusiveConnect>
              <CertPrincipalName>None</CertPrincipalName>
              <TTL>1</TTL>
            </Protocol>
            <Protocol>
              <Type>WEB</Type>
              <Internal>
                <OWAUrl AuthenticationMethod="Basic, Fba">https://mail.contoso.com/owa/</OWAUrl>
                <Protocol>
                  <Type>EXCH</Type>
                  <ASUrl>https://mail.contoso.com/EWS/Exchange.asmx</ASUrl>
                </Protocol>
              </Internal>
              <External>
                <OWAUrl AuthenticationMethod="Fba">https://external.contoso.com/owa/</OWAUrl>
              </External>
            </Protocol>
            <Protocol Type="mapiHttp" Version="1">
              <MailStore>
                <InternalUrl>https://mail.contoso.com/mapi/emsmdb/?MailboxId=0f9e8d7c@contoso.com</InternalUrl>
                <ExternalUrl>https://external.contoso.com/mapi/emsmdb/?MailboxId=0f9e8d7c@contoso.com&amp;v=2</ExternalUrl>
              </MailStore>
              <AddressBook>
                <InternalUrl>https://mail.contoso.com/mapi/nspi/?MailboxId=0f9e8d7c@contoso.com</InternalUrl>
                <ExternalUrl><![CDATA[https://external.contoso.com/mapi/nspi/?MailboxId=0f9e8d7c@contoso.com]]></ExternalUrl>
              </AddressBook>
            </Protocol>
          </Account>
        </Response>
      </Autodiscover>
      """;

  @Test
  void exchange2016SettingsResponseYieldsUserAndEveryProtocol() {
    AutodiscoverSettings settings = settings(EXCHANGE_2016_SETTINGS);

    assertThat(settings.displayName()).contains("Zoë Ångström");
    assertThat(settings.user().legacyDn())
        .contains("/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=zoe");
    assertThat(settings.user().autodiscoverSmtpAddress()).contains("zoe@contoso.com");
    assertThat(settings.user().deploymentId()).contains("9a1b2c3d-0000-4000-8000-000000000001");
    assertThat(settings.accountType()).contains("email");
    assertThat(settings.protocols())
        .extracting(ProtocolSettings::type)
        .containsExactly("EXCH", "EXPR", "WEB", "mapiHttp");
    assertThat(settings.ewsUrl()).contains("https://mail.contoso.com/EWS/Exchange.asmx");
    assertThat(settings.ttl()).contains(Duration.ofHours(1));
  }

  @Test
  void everyUrlOfTheExchProtocolIsRead() {
    ProtocolSettings exch = settings(EXCHANGE_2016_SETTINGS).protocol("exch").orElseThrow();

    assertThat(exch.server()).contains("0f9e8d7c-1111-2222-3333-444455556666@contoso.com");
    assertThat(exch.asUrl()).contains("https://mail.contoso.com/EWS/Exchange.asmx");
    assertThat(exch.ewsUrl()).contains("https://mail.contoso.com/EWS/Exchange.asmx");
    assertThat(exch.value("EmwsUrl")).contains("https://mail.contoso.com/EWS/Exchange.asmx");
    assertThat(exch.ecpUrl()).contains("https://mail.contoso.com/owa/");
    assertThat(exch.oofUrl()).contains("https://mail.contoso.com/EWS/Exchange.asmx");
    assertThat(exch.umUrl()).contains("https://mail.contoso.com/EWS/UM2007Legacy.asmx");
    assertThat(exch.oabUrl())
        .contains("https://mail.contoso.com/OAB/5f2d0c2a-aaaa-bbbb-cccc-ddddeeeeffff/");
    assertThat(exch.value("AuthPackage")).contains("Kerb");
    assertThat(exch.ttl()).contains(Duration.ofHours(4));
    assertThat(exch.values()).doesNotContainKey("Type");
    assertThat(exch.values().keySet())
        .startsWith("Server", "ServerDN", "ServerVersion", "AuthPackage", "ASUrl", "EwsUrl");
  }

  @Test
  void exprProtocolHasItsOwnExternalUrls() {
    ProtocolSettings expr = settings(EXCHANGE_2016_SETTINGS).protocol("EXPR").orElseThrow();

    assertThat(expr.server()).contains("mail.contoso.com");
    assertThat(expr.ewsUrl()).contains("https://external.contoso.com/EWS/Exchange.asmx");
    assertThat(expr.oofUrl()).contains("https://external.contoso.com/EWS/Exchange.asmx");
    assertThat(expr.oabUrl())
        .contains("https://external.contoso.com/OAB/5f2d0c2a-aaaa-bbbb-cccc-ddddeeeeffff/");
    assertThat(expr.value("SSL")).contains("On");
    assertThat(expr.ttl()).contains(Duration.ofHours(1));
    assertThat(expr.umUrl()).isEmpty();
  }

  @Test
  void webProtocolKeepsNestedPathsWithoutCountingItsInnerProtocol() {
    AutodiscoverSettings settings = settings(EXCHANGE_2016_SETTINGS);
    ProtocolSettings web = settings.protocol("web").orElseThrow();

    assertThat(web.values())
        .containsExactly(
            entry("Internal/OWAUrl", "https://mail.contoso.com/owa/"),
            entry("Internal/Protocol/Type", "EXCH"),
            entry("Internal/Protocol/ASUrl", "https://mail.contoso.com/EWS/Exchange.asmx"),
            entry("External/OWAUrl", "https://external.contoso.com/owa/"));
    assertThat(web.ewsUrl()).isEmpty();
    assertThat(web.ttl()).isEmpty();
    assertThat(settings.protocols()).hasSize(4);
  }

  @Test
  void mapiHttpProtocolTakesItsTypeAndVersionFromAttributes() {
    ProtocolSettings mapi = settings(EXCHANGE_2016_SETTINGS).protocol("MAPIHTTP").orElseThrow();

    assertThat(mapi.type()).isEqualTo("mapiHttp");
    assertThat(mapi.values())
        .containsExactly(
            entry("@Version", "1"),
            entry("MailStore/InternalUrl",
                "https://mail.contoso.com/mapi/emsmdb/?MailboxId=0f9e8d7c@contoso.com"),
            entry("MailStore/ExternalUrl",
                "https://external.contoso.com/mapi/emsmdb/?MailboxId=0f9e8d7c@contoso.com&v=2"),
            entry("AddressBook/InternalUrl",
                "https://mail.contoso.com/mapi/nspi/?MailboxId=0f9e8d7c@contoso.com"),
            entry("AddressBook/ExternalUrl",
                "https://external.contoso.com/mapi/nspi/?MailboxId=0f9e8d7c@contoso.com"));
    assertThat(mapi.server()).isEmpty();
  }

  @Test
  void settingsDescribeThemselvesOnOneLine() {
    assertThat(PoxParser.parse(utf8(EXCHANGE_2016_SETTINGS)).describe())
        .isEqualTo("settings with 4 protocols (EXCH, EXPR, WEB, mapiHttp), "
            + "EWS at https://mail.contoso.com/EWS/Exchange.asmx");
  }

  @Test
  void descriptionsKeepC1ControlsAndLineSeparatorsOffTheLine() {
    PoxResponse response = PoxParser.parse(utf8(account("""
        <Error><ErrorCode>500</ErrorCode><Message>not&#x85;found&#x2028;here&#x9B;2J</Message></Error>
        """)));

    assertThat(response.describe()).isEqualTo("Autodiscover error 500: not found here 2J");
  }

  @Test
  void repeatedPathKeepsTheFirstValueAndBadTtlIsIgnored() {
    AutodiscoverSettings settings = settings(account("""
        <Action>SETTINGS</Action>
        <Protocol>
          <Type>EXHTTP</Type>
          <EwsUrl>  https://first.contoso.com/EWS/Exchange.asmx
          </EwsUrl>
          <EwsUrl>https://second.contoso.com/EWS/Exchange.asmx</EwsUrl>
          <OABUrl/>
          <TTL>soon</TTL>
        </Protocol>
        <Protocol><Type>EXCH</Type><TTL>-3</TTL></Protocol>
        """));

    ProtocolSettings exhttp = settings.protocols().get(0);
    assertThat(exhttp.ewsUrl()).contains("https://first.contoso.com/EWS/Exchange.asmx");
    assertThat(exhttp.oabUrl()).isEmpty();
    assertThat(exhttp.ttl()).isEmpty();
    assertThat(settings.protocols().get(1).ttl()).isEmpty();
    assertThat(settings.ttl()).isEmpty();
    assertThat(settings.displayName()).isEmpty();
  }

  @Test
  void accountLevelTtlCountsTowardsTheSmallestTtl() {
    AutodiscoverSettings settings = settings(account("""
        <Action>settings</Action>
        <TTL>0</TTL>
        <Protocol><Type>EXPR</Type><TTL>2</TTL></Protocol>
        """));

    assertThat(settings.accountTtl()).contains(Duration.ZERO);
    assertThat(settings.ttl()).contains(Duration.ZERO);
  }

  @Test
  void protocolsWithoutAnActionCountAsSettings() {
    AutodiscoverSettings settings = settings(account("""
        <Protocol><Type>EXPR</Type><EwsUrl>https://mail.contoso.com/EWS/Exchange.asmx</EwsUrl></Protocol>
        """));

    assertThat(settings.ewsUrl()).contains("https://mail.contoso.com/EWS/Exchange.asmx");
  }

  @Test
  void childElementsInAnotherNamespaceAreMatchedByLocalName() {
    AutodiscoverSettings settings = settings(root("""
        <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
                  xmlns:x="urn:other">
          <x:Account>
            <x:Action>settings</x:Action>
            <Protocol><x:Type>EXCH</x:Type><x:EwsUrl>https://mail.contoso.com/ews</x:EwsUrl></Protocol>
          </x:Account>
        </Response>
        """));

    assertThat(settings.protocol("EXCH").flatMap(ProtocolSettings::ewsUrl))
        .contains("https://mail.contoso.com/ews");
  }

  @Test
  void redirectAddrNamesTheNewAddress() {
    PoxResponse response = PoxParser.parse(utf8(account("""
        <AccountType>email</AccountType>
        <Action>redirectAddr</Action>
        <RedirectAddr>
            zoe@contoso.mail.onmicrosoft.com
        </RedirectAddr>
        """)));

    assertThat(response).isEqualTo(new PoxResponse.RedirectAddr("zoe@contoso.mail.onmicrosoft.com"));
    assertThat(response.describe())
        .isEqualTo("redirect to the address zoe@contoso.mail.onmicrosoft.com");
  }

  @Test
  void redirectUrlNamesTheNewUrlWhateverTheActionsCase() {
    PoxResponse response = PoxParser.parse(utf8(account("""
        <AccountType>email</AccountType>
        <Action>RedirectURL</Action>
        <RedirectUrl>https://autodiscover.fabrikam.com/autodiscover/autodiscover.xml</RedirectUrl>
        """)));

    assertThat(response).isEqualTo(new PoxResponse.RedirectUrl(
        "https://autodiscover.fabrikam.com/autodiscover/autodiscover.xml"));
  }

  @Test
  void redirectWithoutATargetIsNotAutodiscover() {
    assertThat(PoxParser.parse(utf8(account("<Action>redirectAddr</Action><RedirectAddr> </RedirectAddr>"))))
        .isEqualTo(new PoxResponse.NotAutodiscover("redirectAddr without an address"));
    assertThat(PoxParser.parse(utf8(account("<Action>redirectUrl</Action>"))))
        .isEqualTo(new PoxResponse.NotAutodiscover("redirectUrl without a URL"));
  }

  @Test
  void invalidRequestErrorInTheRootNamespace() {
    PoxResponse response = PoxParser.parse(utf8("""
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

    assertThat(response).isEqualTo(new PoxResponse.Error("600", "Invalid Request", Optional.empty()));
    assertThat(response.describe()).isEqualTo("Autodiscover error 600: Invalid Request");
  }

  @Test
  void addressNotFoundErrorInsideAccount() {
    PoxResponse response = PoxParser.parse(utf8(account("""
        <Error Time="10:12:01.1234567" Id="2315443216">
          <ErrorCode>500</ErrorCode>
          <Message>The email address can't be found.</Message>
          <DebugData>MailUser&#10;  not found</DebugData>
        </Error>
        """)));

    assertThat(response).isEqualTo(new PoxResponse.Error(
        "500", "The email address can't be found.", Optional.of("MailUser\n  not found")));
    assertThat(response.describe()).isEqualTo(
        "Autodiscover error 500: The email address can't be found. (debug data: MailUser not found)");
  }

  @Test
  void internalServerErrorWithoutCode() {
    assertThat(PoxParser.parse(utf8(account(
            "<Action>settings</Action><Error><Message>Internal error</Message></Error>"))))
        .isEqualTo(new PoxResponse.Error("", "Internal error", Optional.empty()));
    assertThat(PoxParser.parse(utf8(account(
            "<Error><ErrorCode>603</ErrorCode><Message>The Autodiscover service threw an internal error.</Message></Error>"))))
        .extracting(r -> ((PoxResponse.Error) r).code())
        .isEqualTo("603");
  }

  @Test
  void autodiscoverDocumentWithNothingUsableIsNotAutodiscover() {
    assertThat(PoxParser.parse(utf8(account("<AccountType>email</AccountType>"))))
        .isEqualTo(new PoxResponse.NotAutodiscover("no Account, Action or Error in the response"));
    assertThat(PoxParser.parse(utf8(root(""))))
        .isEqualTo(new PoxResponse.NotAutodiscover("no Account, Action or Error in the response"));
  }

  @Test
  void unknownActionIsNotAutodiscover() {
    assertThat(PoxParser.parse(utf8(account("<Action>dance</Action><Protocol><Type>EXCH</Type></Protocol>"))))
        .isEqualTo(new PoxResponse.NotAutodiscover("unknown Action \"dance\""));
  }

  @Test
  void utf16ResponseWithByteOrderMarkIsDecoded() {
    String xml = EXCHANGE_2016_SETTINGS.replace("encoding=\"utf-8\"", "encoding=\"utf-16\"");
    byte[] bigEndian = xml.getBytes(StandardCharsets.UTF_16); // writes a big-endian BOM
    ByteBuffer littleEndian = ByteBuffer.allocate(2 + xml.length() * 2)
        .put((byte) 0xFF).put((byte) 0xFE).put(xml.getBytes(StandardCharsets.UTF_16LE));

    assertThat(bigEndian[0]).isEqualTo((byte) 0xFE);
    assertThat(settings(bigEndian).displayName()).contains("Zoë Ångström");
    assertThat(settings(littleEndian.array()).displayName()).contains("Zoë Ångström");
    assertThat(settings(littleEndian.array()).ewsUrl())
        .contains("https://mail.contoso.com/EWS/Exchange.asmx");
  }

  @Test
  void utf8ByteOrderMarkIsAccepted() {
    byte[] xml = utf8("\uFEFF" + EXCHANGE_2016_SETTINGS);

    assertThat(settings(xml).displayName()).contains("Zoë Ångström");
  }

  static String root(String inner) {
    return """
        <?xml version="1.0" encoding="utf-8"?>
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
        %s</Autodiscover>
        """.formatted(inner);
  }

  static String account(String inner) {
    return root("""
        <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
          <Account>
        %s  </Account>
        </Response>
        """.formatted(inner));
  }

  static byte[] utf8(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private static AutodiscoverSettings settings(String xml) {
    return settings(utf8(xml));
  }

  private static AutodiscoverSettings settings(byte[] body) {
    PoxResponse response = PoxParser.parse(body);
    assertThat(response).isInstanceOf(PoxResponse.Settings.class);
    return ((PoxResponse.Settings) response).settings();
  }
}

package dev.autodiscover.internal.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.Dialect;
import dev.autodiscover.ProtocolSettings;
import dev.autodiscover.internal.dialect.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoapParserTest {

  /** An Exchange Online answer to the default settings, as its envelope is written. */
  static final String EXCHANGE_ONLINE_SETTINGS = """
      <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="http://www.w3.org/2005/08/addressing">
        <s:Header>
          <a:Action s:mustUnderstand="1">http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettingsResponse</a:Action>
          <h:ServerVersionInfo xmlns:h="http://schemas.microsoft.com/exchange/2010/Autodiscover" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
            <h:MajorVersion>15</h:MajorVersion>
            <h:MinorVersion>20</h:MinorVersion>
            <h:MajorBuildNumber>7228</h:MajorBuildNumber>
            <h:MinorBuildNumber>21</h:MinorBuildNumber>
            <h:Version>Exchange2015</h:Version>
          </h:ServerVersionInfo>
        </s:Header>
        <s:Body>
          <GetUserSettingsResponseMessage xmlns="http://schemas.microsoft.com/exchange/2010/Autodiscover">
            <Response xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
              <ErrorCode>NoError</ErrorCode>
              <ErrorMessage/>
              <UserResponses>
                <UserResponse>
                  <ErrorCode>NoError</ErrorCode>
                  <ErrorMessage>No error.</ErrorMessage>
                  <RedirectTarget i:nil="true"/>
                  <UserSettingErrors/>
                  <UserSettings>
                    <UserSetting i:type="StringSetting">
                      <Name>UserDisplayName</Name>
                      <Value>Zoë Ångström</Value>
                    </UserSetting>
                    <UserSetting i:type="StringSetting">
                      <Name>UserDN</Name>
                      <Value>/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=5d6f7a8b9c0d4e1f-zoe</Value>
                    </UserSetting>
                    <UserSetting i:type="StringSetting">
                      <Name>UserDeploymentId</Name>
                      <Value>1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d</Value>
                    </UserSetting>
                    <UserSetting i:type="StringSetting">
                      <Name>AutoDiscoverSMTPAddress</Name>
                      <Value>zoe@contoso.onmicrosoft.com</Value>
                    </UserSetting>
                    <UserSetting i:type="StringSetting">
                      <Name>InternalMailboxServer</Name>
                      <Value>0f9e8d7c-1111-2222-3333-444455556666@contoso.com</Value>
                    </UserSetting>
                    <UserSetting i:type="StringSetting">
                      <Name>ExternalMailboxServer</Name>
                      <Value>outlook.office365.com</Value>
                    </UserSetting>
                    <UserSetting i:type="StringSetting">
                      <Name>InternalEwsUrl</Name>
                      <Value>https://outlook.office365.com/EWS/Exchange.asmx</Value>
                    </UserSetting>
                    <UserSetting i:type="StringSetting">
                      <Name>ExternalEwsUrl</Name>
                      <Value>https://outlook.office365.com/EWS/Exchange.asmx</Value>
                    </UserSetting>
                    <UserSetting i:type="StringSetting">
                      <Name>EwsSupportedSchemas</Name>
                      <Value>Exchange2007, Exchange2007_SP1, Exchange2010, Exchange2010_SP1, Exchange2010_SP2, Exchange2013, Exchange2013_SP1, Exchange2015, Exchange2016</Value>
                    </UserSetting>
                    <UserSetting i:type="StringSetting">
                      <Name>CasVersion</Name>
                      <Value>15.20.7228.021</Value>
                    </UserSetting>
                    <UserSetting i:type="StringSetting">
                      <Name>MobileMailboxPolicy</Name>
                      <Value>Default</Value>
                    </UserSetting>
                  </UserSettings>
                </UserResponse>
              </UserResponses>
            </Response>
          </GetUserSettingsResponseMessage>
        </s:Body>
      </s:Envelope>
      """;

  /** An on-premises Exchange 2013 answer with collection settings and settings it could not give. */
  static final String EXCHANGE_2013_COLLECTIONS = """
      <?xml version="1.0" encoding="utf-8"?>
      <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="http://www.w3.org/2005/08/addressing">
        <s:Header>
          <a:Action s:mustUnderstand="1">http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettingsResponse</a:Action>
        </s:Header>
        <s:Body>
          <GetUserSettingsResponseMessage xmlns="http://schemas.microsoft.com/exchange/2010/Autodiscover">
            <Response xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
              <ErrorCode>NoError</ErrorCode>
              <ErrorMessage/>
              <UserResponses>
                <UserResponse>
                  <ErrorCode>InvalidSetting</ErrorCode>
                  <ErrorMessage>One or more settings were invalid.</ErrorMessage>
                  <RedirectTarget i:nil="true"/>
                  <UserSettingErrors>
                    <UserSettingError>
                      <ErrorCode>InvalidSetting</ErrorCode>
                      <ErrorMessage>The requested setting isn't valid.</ErrorMessage>
                      <SettingName>NoSuchSetting</SettingName>
                    </UserSettingError>
                    <UserSettingError>
                      <ErrorCode>SettingIsNotAvailable</ErrorCode>
                      <ErrorMessage/>
                      <SettingName>ExternalEwsUrl</SettingName>
                    </UserSettingError>
                  </UserSettingErrors>
                  <UserSettings>
                    <UserSetting i:type="StringSetting">
                      <Name>InternalEwsUrl</Name>
                      <Value>https://mail.contoso.com/EWS/Exchange.asmx</Value>
                    </UserSetting>
                    <UserSetting i:type="WebClientUrlCollectionSetting">
                      <Name>ExternalWebClientUrls</Name>
                      <WebClientUrls>
                        <WebClientUrl>
                          <AuthenticationMethods>Fba</AuthenticationMethods>
                          <Url>https://mail.contoso.com/owa/</Url>
                        </WebClientUrl>
                        <WebClientUrl>
                          <AuthenticationMethods>Basic</AuthenticationMethods>
                          <Url>https://legacy.contoso.com/owa/</Url>
                        </WebClientUrl>
                      </WebClientUrls>
                    </UserSetting>
                    <UserSetting i:type="ProtocolConnectionCollectionSetting">
                      <Name>ExternalImap4Connections</Name>
                      <ProtocolConnections>
                        <ProtocolConnection>
                          <EncryptionMethod>SSL</EncryptionMethod>
                          <Hostname>imap.contoso.com</Hostname>
                          <Port>993</Port>
                        </ProtocolConnection>
                      </ProtocolConnections>
                    </UserSetting>
                    <UserSetting i:type="AlternateMailboxCollectionSetting">
                      <Name>AlternateMailboxes</Name>
                      <AlternateMailboxes>
                        <AlternateMailbox>
                          <Type>Archive</Type>
                          <DisplayName>In-Place Archive - Zoë Ångström</DisplayName>
                          <LegacyDN>/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=zoe/guid=8e7d6c5b</LegacyDN>
                          <Server>8e7d6c5b-aaaa-bbbb-cccc-ddddeeeeffff@contoso.com</Server>
                        </AlternateMailbox>
                      </AlternateMailboxes>
                    </UserSetting>
                    <UserSetting i:type="DocumentSharingLocationCollectionSetting">
                      <Name>DocumentSharingLocations</Name>
                      <DocumentSharingLocations/>
                    </UserSetting>
                    <UserSetting i:type="StringSetting">
                      <Name>UserDisplayName</Name>
                      <Value i:nil="true"/>
                    </UserSetting>
                  </UserSettings>
                </UserResponse>
              </UserResponses>
            </Response>
          </GetUserSettingsResponseMessage>
        </s:Body>
      </s:Envelope>
      """;

  @Test
  void exchangeOnlineSettingsBecomeOneProtocolAndTheUser() {
    Reply.Settings reply = settings(EXCHANGE_ONLINE_SETTINGS);
    AutodiscoverSettings settings = reply.settings();

    assertThat(settings.displayName()).contains("Zoë Ångström");
    assertThat(settings.user().legacyDn())
        .contains("/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=5d6f7a8b9c0d4e1f-zoe");
    assertThat(settings.user().autodiscoverSmtpAddress()).contains("zoe@contoso.onmicrosoft.com");
    assertThat(settings.user().deploymentId()).contains("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    assertThat(settings.accountType()).isEmpty();
    assertThat(settings.protocols()).extracting(ProtocolSettings::type).containsExactly("GetUserSettings");
    ProtocolSettings values = settings.protocol("GetUserSettings").orElseThrow();
    assertThat(values.values().keySet()).containsExactly(
        "UserDisplayName", "UserDN", "UserDeploymentId", "AutoDiscoverSMTPAddress", "InternalMailboxServer",
        "ExternalMailboxServer", "InternalEwsUrl", "ExternalEwsUrl", "EwsSupportedSchemas", "CasVersion",
        "MobileMailboxPolicy");
    assertThat(values.value("ExternalEwsUrl")).contains("https://outlook.office365.com/EWS/Exchange.asmx");
    assertThat(values.value("CasVersion")).contains("15.20.7228.021");
    assertThat(values.value("MobileMailboxPolicy")).contains("Default");
    assertThat(reply.notes()).isEmpty();
  }

  @Test
  void collectionSettingsAreFlattenedUnderTheirNameKeepingTheFirstValue() {
    ProtocolSettings values = settings(EXCHANGE_2013_COLLECTIONS).settings().protocols().get(0);

    assertThat(values.values()).containsExactly(
        entry("InternalEwsUrl", "https://mail.contoso.com/EWS/Exchange.asmx"),
        entry("ExternalWebClientUrls/WebClientUrls/WebClientUrl/AuthenticationMethods", "Fba"),
        entry("ExternalWebClientUrls/WebClientUrls/WebClientUrl/Url", "https://mail.contoso.com/owa/"),
        entry("ExternalImap4Connections/ProtocolConnections/ProtocolConnection/EncryptionMethod", "SSL"),
        entry("ExternalImap4Connections/ProtocolConnections/ProtocolConnection/Hostname", "imap.contoso.com"),
        entry("ExternalImap4Connections/ProtocolConnections/ProtocolConnection/Port", "993"),
        entry("AlternateMailboxes/AlternateMailboxes/AlternateMailbox/Type", "Archive"),
        entry("AlternateMailboxes/AlternateMailboxes/AlternateMailbox/DisplayName", "In-Place Archive - Zoë Ångström"),
        entry("AlternateMailboxes/AlternateMailboxes/AlternateMailbox/LegacyDN",
            "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=zoe/guid=8e7d6c5b"),
        entry("AlternateMailboxes/AlternateMailboxes/AlternateMailbox/Server",
            "8e7d6c5b-aaaa-bbbb-cccc-ddddeeeeffff@contoso.com"));
  }

  @Test
  void settingsTheServerCouldNotGiveAreNotesOneLineEach() {
    Reply.Settings reply = settings(EXCHANGE_2013_COLLECTIONS);

    assertThat(reply.notes()).containsExactly(
        "NoSuchSetting: InvalidSetting (The requested setting isn't valid.)",
        "ExternalEwsUrl: SettingIsNotAvailable");
    assertThat(reply.settings().displayName()).as("a nil value is no value").isEmpty();
  }

  @Test
  void settingIsNotAvailableWithSomeSettingsIsStillSettings() {
    String xml = userResponse("""
        <ErrorCode>SettingIsNotAvailable</ErrorCode>
        <ErrorMessage>Some settings are not available.</ErrorMessage>
        <UserSettingErrors>
          <UserSettingError><ErrorCode>SettingIsNotAvailable</ErrorCode><ErrorMessage>Not&#x85;here&#x2028;now</ErrorMessage><SettingName>ExternalEwsUrl</SettingName></UserSettingError>
        </UserSettingErrors>
        <UserSettings>
          <UserSetting i:type="StringSetting"><Name>InternalEwsUrl</Name><Value>https://mail.contoso.com/EWS/Exchange.asmx</Value></UserSetting>
        </UserSettings>
        """);

    Reply.Settings reply = settings(xml);

    assertThat(reply.settings().protocols().get(0).values())
        .containsExactly(entry("InternalEwsUrl", "https://mail.contoso.com/EWS/Exchange.asmx"));
    assertThat(reply.notes()).containsExactly("ExternalEwsUrl: SettingIsNotAvailable (Not here now)");
  }

  @Test
  void settingErrorsBeyondTwentyAreCounted() {
    String errors = "<UserSettingError><ErrorCode>InvalidSetting</ErrorCode><SettingName>Bad%d</SettingName></UserSettingError>";
    StringBuilder many = new StringBuilder();
    for (int i = 1; i <= 50; i++) {
      many.append(errors.formatted(i));
    }
    String xml = userResponse("""
        <ErrorCode>NoError</ErrorCode>
        <UserSettingErrors>%s</UserSettingErrors>
        <UserSettings><UserSetting><Name>CasVersion</Name><Value>15.1.2507.39</Value></UserSetting></UserSettings>
        """.formatted(many));

    Reply.Settings reply = settings(xml);

    assertThat(reply.notes()).hasSize(SoapParser.MAX_NOTES).startsWith("Bad1: InvalidSetting")
        .endsWith("Bad19: InvalidSetting", "31 more setting errors");
  }

  @Test
  void redirectAddressNamesTheNewAddress() {
    Reply reply = SoapParser.parse(utf8(userResponse("""
        <ErrorCode>RedirectAddress</ErrorCode>
        <ErrorMessage>Redirection address.</ErrorMessage>
        <RedirectTarget>
            zoe@contoso.mail.onmicrosoft.com
        </RedirectTarget>
        <UserSettingErrors/>
        <UserSettings/>
        """)));

    assertThat(reply).isEqualTo(new Reply.RedirectAddr("zoe@contoso.mail.onmicrosoft.com", "RedirectAddress"));
  }

  @Test
  void redirectUrlNamesTheNextSoapUrl() {
    Reply reply = SoapParser.parse(utf8(userResponse("""
        <ErrorCode>RedirectUrl</ErrorCode>
        <ErrorMessage>Redirection URL.</ErrorMessage>
        <RedirectTarget>https://autodiscover-s.outlook.com/autodiscover/autodiscover.svc</RedirectTarget>
        <UserSettingErrors/>
        <UserSettings/>
        """)));

    assertThat(reply).isEqualTo(new Reply.RedirectUrl(
        "https://autodiscover-s.outlook.com/autodiscover/autodiscover.svc", "RedirectUrl", Dialect.SOAP));
  }

  @Test
  void redirectWithoutATargetIsNotAutodiscover() {
    assertThat(SoapParser.parse(utf8(userResponse(
            "<ErrorCode>RedirectAddress</ErrorCode><RedirectTarget i:nil=\"true\"/>"))))
        .isEqualTo(new Reply.NotAutodiscover("RedirectAddress without an address"));
    assertThat(SoapParser.parse(utf8(userResponse("<ErrorCode>RedirectUrl</ErrorCode><RedirectTarget>  </RedirectTarget>"))))
        .isEqualTo(new Reply.NotAutodiscover("RedirectUrl without a URL"));
  }

  @Test
  void userErrorsAreErrorsWithTheServersCodeAndMessage() {
    assertThat(SoapParser.parse(utf8(userResponse("""
        <ErrorCode>InvalidUser</ErrorCode>
        <ErrorMessage>Invalid user: 'nobody@contoso.com'</ErrorMessage>
        <RedirectTarget i:nil="true"/>
        <UserSettingErrors/>
        <UserSettings/>
        """))))
        .isEqualTo(new Reply.Error("InvalidUser", "Autodiscover error InvalidUser: Invalid user: 'nobody@contoso.com'"));
    for (String code : new String[] {"InvalidRequest", "ServerBusy", "InvalidDomain", "NotFederated",
        "InternalServerError", "SomethingNew"}) {
      assertThat(SoapParser.parse(utf8(userResponse("<ErrorCode>" + code + "</ErrorCode><ErrorMessage>Went wrong.</ErrorMessage>"))))
          .isEqualTo(new Reply.Error(code, "Autodiscover error " + code + ": Went wrong."));
    }
  }

  @Test
  void invalidSettingOrUnavailableSettingWithoutAnySettingIsAnError() {
    assertThat(SoapParser.parse(utf8(userResponse("""
        <ErrorCode>InvalidSetting</ErrorCode>
        <ErrorMessage>The requested setting isn't valid.</ErrorMessage>
        <UserSettingErrors><UserSettingError><ErrorCode>InvalidSetting</ErrorCode><SettingName>Nope</SettingName></UserSettingError></UserSettingErrors>
        <UserSettings/>
        """))))
        .isEqualTo(new Reply.Error("InvalidSetting", "Autodiscover error InvalidSetting: The requested setting isn't valid."));
    assertThat(SoapParser.parse(utf8(userResponse("<ErrorCode>SettingIsNotAvailable</ErrorCode>"))))
        .isEqualTo(new Reply.Error("SettingIsNotAvailable", "Autodiscover error SettingIsNotAvailable"));
  }

  @Test
  void topLevelErrorComesBeforeAnyUserResponse() {
    String xml = EXCHANGE_ONLINE_SETTINGS.replaceFirst("<ErrorCode>NoError</ErrorCode>\\s*<ErrorMessage/>",
        "<ErrorCode>ServerBusy</ErrorCode><ErrorMessage>The server is too busy to process the request.</ErrorMessage>");

    assertThat(SoapParser.parse(utf8(xml))).isEqualTo(new Reply.Error(
        "ServerBusy", "Autodiscover error ServerBusy: The server is too busy to process the request."));
  }

  @Test
  void soap11FaultGivesItsCodeAndString() {
    Reply reply = SoapParser.parse(utf8("""
        <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
          <s:Body>
            <s:Fault>
              <faultcode xmlns:a="http://schemas.microsoft.com/exchange/2010/Autodiscover">a:InvalidRequest</faultcode>
              <faultstring xml:lang="en-US">The request is invalid.</faultstring>
              <detail>
                <ErrorCode xmlns="http://schemas.microsoft.com/exchange/2010/Autodiscover">InvalidRequest</ErrorCode>
              </detail>
            </s:Fault>
          </s:Body>
        </s:Envelope>
        """));

    assertThat(reply).isEqualTo(new Reply.Error("a:InvalidRequest", "SOAP fault a:InvalidRequest: The request is invalid."));
  }

  @Test
  void soap12FaultGivesItsCodeValueAndReasonText() {
    Reply reply = SoapParser.parse(utf8("""
        <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope">
          <env:Body>
            <env:Fault>
              <env:Code>
                <env:Value>env:Sender</env:Value>
                <env:Subcode><env:Value>a:ActionNotSupported</env:Value></env:Subcode>
              </env:Code>
              <env:Reason>
                <env:Text xml:lang="en-US">The message with Action '' cannot be processed at the receiver.</env:Text>
                <env:Text xml:lang="de-DE">Die Nachricht kann nicht verarbeitet werden.</env:Text>
              </env:Reason>
            </env:Fault>
          </env:Body>
        </env:Envelope>
        """));

    assertThat(reply).isEqualTo(new Reply.Error("env:Sender",
        "SOAP fault env:Sender: The message with Action '' cannot be processed at the receiver."));
  }

  @Test
  void faultWithoutCodeOrStringIsStillAnError() {
    assertThat(SoapParser.parse(utf8(
            "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body><s:Fault/></s:Body></s:Envelope>")))
        .isEqualTo(new Reply.Error("", "SOAP fault"));
  }

  @Test
  void envelopeWithoutAnAnswerIsNotAutodiscover() {
    assertThat(SoapParser.parse(utf8("<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'/>")))
        .isEqualTo(new Reply.NotAutodiscover("no Body in the SOAP envelope"));
    assertThat(SoapParser.parse(utf8(
            "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body><GetDomainSettingsResponseMessage/></s:Body></s:Envelope>")))
        .isEqualTo(new Reply.NotAutodiscover("no GetUserSettingsResponseMessage/Response or Fault in the SOAP Body"));
    assertThat(SoapParser.parse(utf8(EXCHANGE_ONLINE_SETTINGS.replaceAll("(?s)<UserResponses>.*</UserResponses>", ""))))
        .isEqualTo(new Reply.NotAutodiscover("no UserResponse in the GetUserSettings response"));
  }

  @Test
  void wrongRootIsNotAutodiscover() {
    String pox = """
        <?xml version="1.0" encoding="utf-8"?>
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
          <Response><Error><ErrorCode>600</ErrorCode><Message>Invalid Request</Message></Error></Response>
        </Autodiscover>
        """;

    assertThat(SoapParser.parse(utf8(pox))).isEqualTo(new Reply.NotAutodiscover(
        "root element is Autodiscover in namespace http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006, "
            + "expected Envelope in namespace http://schemas.xmlsoap.org/soap/envelope/ or http://www.w3.org/2003/05/soap-envelope"));
    assertThat(SoapParser.parse(utf8(EXCHANGE_ONLINE_SETTINGS.replace(
            "http://schemas.xmlsoap.org/soap/envelope/", "http://schemas.xmlsoap.org/soap/envelope/x"))))
        .isInstanceOf(Reply.NotAutodiscover.class);
  }

  @Test
  void htmlPageIsNotAutodiscover() {
    assertThat(SoapParser.parse(utf8("""
        <!DOCTYPE html>
        <html><head><title>Service</title></head><body><h1>You have created a service.</h1></body></html>
        """)))
        .isEqualTo(new Reply.NotAutodiscover("an HTML page, not Autodiscover XML"));
  }

  @Test
  void malformedXmlIsNotAutodiscoverWithTheParsersReason() {
    Reply reply = SoapParser.parse(utf8(EXCHANGE_ONLINE_SETTINGS.substring(0, 900)));

    assertThat(reply).isInstanceOf(Reply.NotAutodiscover.class);
    assertThat(((Reply.NotAutodiscover) reply).reason()).startsWith("malformed XML: ").contains("(line ");
    assertThat(SoapParser.parse(new byte[0])).isEqualTo(new Reply.NotAutodiscover("empty response body"));
  }

  @Test
  void externalEntityPointingAtALocalFileIsRefusedUnread(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "soap-s3cr3t");
    String xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE s:Envelope [ <!ENTITY xxe SYSTEM "%s"> ]>
        %s""".formatted(secret.toUri(), userResponse("<ErrorCode>RedirectAddress</ErrorCode><RedirectTarget>&xxe;</RedirectTarget>"));

    assertThat(SoapParser.parse(utf8(xml)))
        .isEqualTo(new Reply.NotAutodiscover("document type declarations are not accepted"));
  }

  @Test
  void bodyLargerThanOneMebibyteIsNotRead() {
    assertThat(SoapParser.parse(new byte[SoapParser.MAX_BODY_BYTES + 1]))
        .isEqualTo(new Reply.NotAutodiscover("response larger than 1 MiB"));
  }

  @Test
  void settingWithoutANameIsLeftOutAndAnswerWithoutAnErrorCodeIsNoError() {
    String xml = """
        <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
          <GetUserSettingsResponseMessage xmlns="http://schemas.microsoft.com/exchange/2010/Autodiscover"><Response>
            <UserResponses><UserResponse><UserSettings>
              <UserSetting><Value>orphan</Value></UserSetting>
              <UserSetting><Name>ExternalEwsUrl</Name><Value>https://mail.contoso.com/EWS/Exchange.asmx</Value></UserSetting>
              <UserSetting><Name>ExternalEwsUrl</Name><Value>https://second.contoso.com/EWS/Exchange.asmx</Value></UserSetting>
            </UserSettings></UserResponse></UserResponses>
          </Response></GetUserSettingsResponseMessage>
        </s:Body></s:Envelope>
        """;

    assertThat(settings(xml).settings().protocols().get(0).values())
        .containsExactly(entry("ExternalEwsUrl", "https://mail.contoso.com/EWS/Exchange.asmx"));
    assertThat(settings(xml).settings().user().displayName()).isEqualTo(Optional.empty());
  }

  // ---- Helpers ----

  /** A SOAP 1.1 answer whose one UserResponse holds {@code inner}. */
  static String userResponse(String inner) {
    return """
        <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
          <s:Body>
            <GetUserSettingsResponseMessage xmlns="http://schemas.microsoft.com/exchange/2010/Autodiscover">
              <Response xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
                <ErrorCode>NoError</ErrorCode>
                <ErrorMessage/>
                <UserResponses>
                  <UserResponse>
        %s          </UserResponse>
                </UserResponses>
              </Response>
            </GetUserSettingsResponseMessage>
          </s:Body>
        </s:Envelope>
        """.formatted(inner);
  }

  static byte[] utf8(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private static Reply.Settings settings(String xml) {
    Reply reply = SoapParser.parse(utf8(xml));
    assertThat(reply).isInstanceOf(Reply.Settings.class);
    return (Reply.Settings) reply;
  }
}

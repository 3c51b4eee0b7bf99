package dev.autodiscover.testkit;

import static dev.autodiscover.testkit.XmlDocuments.at;
import static dev.autodiscover.testkit.XmlDocuments.childNames;
import static dev.autodiscover.testkit.XmlDocuments.children;
import static dev.autodiscover.testkit.XmlDocuments.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SoapResponsesTest {

  private static final String S = SoapResponses.SOAP_NAMESPACE;
  private static final String A = SoapResponses.AUTODISCOVER_NAMESPACE;
  private static final String XSI = SoapResponses.XSI_NAMESPACE;

  /** The {@code Response} of a {@code GetUserSettingsResponseMessage} envelope. */
  private static Element response(String xml) throws Exception {
    Element envelope = XmlDocuments.parse(xml).getDocumentElement();
    assertThat(envelope.getLocalName()).isEqualTo("Envelope");
    assertThat(envelope.getNamespaceURI()).isEqualTo(S);
    assertThat(childNames(envelope)).containsExactly("Header", "Body");
    Element body = at(envelope, S, "Body");
    assertThat(childNames(body)).containsExactly("GetUserSettingsResponseMessage");
    return at(body, A, "GetUserSettingsResponseMessage", "Response");
  }

  private static Element userResponse(Element response) {
    return at(response, A, "UserResponses", "UserResponse");
  }

  @Test
  void settingsAnswerHasTheExchangeShape() throws Exception {
    Element response = response(SoapResponses.settings()
        .displayName("Alice")
        .externalEwsUrl("https://mail.contoso.test/EWS/Exchange.asmx")
        .internalEwsUrl("https://cas01.corp.contoso.test/EWS/Exchange.asmx")
        .setting("CasVersion", "73C18880")
        .build());

    assertThat(childNames(response)).containsExactly("ErrorCode", "ErrorMessage", "UserResponses");
    assertThat(text(response, A, "ErrorCode")).isEqualTo("NoError");
    assertThat(text(response, A, "ErrorMessage")).isEmpty();
    Element user = userResponse(response);
    assertThat(childNames(user)).containsExactly(
        "ErrorCode", "ErrorMessage", "RedirectTarget", "UserSettingErrors", "UserSettings");
    assertThat(text(user, A, "ErrorCode")).isEqualTo("NoError");
    assertThat(at(user, A, "RedirectTarget").getAttributeNS(XSI, "nil")).isEqualTo("true");
    assertThat(children(at(user, A, "UserSettingErrors"))).isEmpty();
    List<Element> settings = children(at(user, A, "UserSettings"));
    assertThat(settings).extracting(s -> text(s, A, "Name")).containsExactly(
        "UserDisplayName", "ExternalEwsUrl", "InternalEwsUrl", "CasVersion");
    assertThat(settings).extracting(s -> text(s, A, "Value")).containsExactly(
        "Alice", "https://mail.contoso.test/EWS/Exchange.asmx",
        "https://cas01.corp.contoso.test/EWS/Exchange.asmx", "73C18880");
    for (Element setting : settings) {
      assertThat(setting.getNamespaceURI()).isEqualTo(A);
      assertThat(childNames(setting)).containsExactly("Name", "Value");
      String type = setting.getAttributeNS(XSI, "type");
      assertThat(type).isEqualTo("a:StringSetting");
      assertThat(setting.lookupNamespaceURI(type.substring(0, type.indexOf(':')))).isEqualTo(A);
    }
  }

  @Test
  void headerCarriesTheResponseActionAndServerVersion() throws Exception {
    Document doc = XmlDocuments.parse(SoapResponses.settings().displayName("Alice").build());
    Element header = at(doc.getDocumentElement(), S, "Header");

    Element action = at(header, SoapResponses.ADDRESSING_NAMESPACE, "Action");
    assertThat(action.getTextContent()).isEqualTo(SoapResponses.RESPONSE_ACTION);
    assertThat(action.getAttributeNS(S, "mustUnderstand")).isEqualTo("1");
    assertThat(text(header, A, "ServerVersionInfo", "MajorVersion")).isEqualTo("15");
    assertThat(text(header, A, "ServerVersionInfo", "Version")).isEqualTo("Exchange2015");
  }

  @Test
  void settingErrorsAreListedBesideTheSettingsAndTheUserResponseStaysNoError() throws Exception {
    Element user = userResponse(response(SoapResponses.settings()
        .displayName("Alice")
        .settingError("ExternalMailboxServer", "InvalidSetting", "The requested setting is invalid.")
        .settingError("Bogus", "SettingIsNotAvailable", "Not available.")
        .build()));

    assertThat(text(user, A, "ErrorCode")).isEqualTo("NoError");
    List<Element> errors = children(at(user, A, "UserSettingErrors"));
    assertThat(errors).hasSize(2);
    assertThat(childNames(errors.get(0))).containsExactly("ErrorCode", "ErrorMessage", "SettingName");
    assertThat(text(errors.get(0), A, "ErrorCode")).isEqualTo("InvalidSetting");
    assertThat(text(errors.get(0), A, "ErrorMessage")).isEqualTo("The requested setting is invalid.");
    assertThat(text(errors.get(0), A, "SettingName")).isEqualTo("ExternalMailboxServer");
    assertThat(text(errors.get(1), A, "SettingName")).isEqualTo("Bogus");
    assertThat(children(at(user, A, "UserSettings"))).hasSize(1);
  }

  @Test
  void errorCodeReplacesNoErrorOnTheUserResponse() throws Exception {
    Element user = userResponse(response(SoapResponses.settings()
        .settingError("ExternalEwsUrl", "InvalidSetting", "The requested setting is invalid.")
        .errorCode("InvalidSetting", "One or more settings are invalid.")
        .build()));

    assertThat(text(user, A, "ErrorCode")).isEqualTo("InvalidSetting");
    assertThat(text(user, A, "ErrorMessage")).isEqualTo("One or more settings are invalid.");
    assertThat(children(at(user, A, "UserSettings"))).isEmpty();
  }

  @Test
  void redirectsNameTheirTargetInRedirectTarget() throws Exception {
    Element address = userResponse(response(
        SoapResponses.redirectAddress("alice@contoso.mail.onmicrosoft.test")));
    Element url = userResponse(response(
        SoapResponses.redirectUrl("https://mail.contoso.test/autodiscover/autodiscover.svc")));

    assertThat(text(address, A, "ErrorCode")).isEqualTo("RedirectAddress");
    assertThat(text(address, A, "RedirectTarget")).isEqualTo("alice@contoso.mail.onmicrosoft.test");
    assertThat(text(url, A, "ErrorCode")).isEqualTo("RedirectUrl");
    assertThat(text(url, A, "RedirectTarget"))
        .isEqualTo("https://mail.contoso.test/autodiscover/autodiscover.svc");
    assertThat(children(at(url, A, "UserSettings"))).isEmpty();
  }

  @Test
  void userErrorFailsTheUserResponseOnly() throws Exception {
    Element response = response(
        SoapResponses.userError("InvalidUser", "Invalid user: 'bob@contoso.test'"));

    assertThat(text(response, A, "ErrorCode")).isEqualTo("NoError");
    Element user = userResponse(response);
    assertThat(text(user, A, "ErrorCode")).isEqualTo("InvalidUser");
    assertThat(text(user, A, "ErrorMessage")).isEqualTo("Invalid user: 'bob@contoso.test'");
    assertThat(at(user, A, "RedirectTarget").getAttributeNS(XSI, "nil")).isEqualTo("true");
  }

  @Test
  void responseErrorFailsTheWholeResponseWithoutUserResponses() throws Exception {
    Element response = response(SoapResponses.responseError("ServerBusy", "The server is busy."));

    assertThat(text(response, A, "ErrorCode")).isEqualTo("ServerBusy");
    assertThat(text(response, A, "ErrorMessage")).isEqualTo("The server is busy.");
    assertThat(children(at(response, A, "UserResponses"))).isEmpty();
  }

  @Test
  void faultIsASoap11FaultWithAQualifiedCode() throws Exception {
    Element envelope = XmlDocuments.parse(SoapResponses.fault("Client", "Bad <request> & more"))
        .getDocumentElement();

    Element fault = at(envelope, S, "Body", "Fault");
    assertThat(childNames(fault)).containsExactly("faultcode", "faultstring");
    Element code = children(fault).get(0);
    assertThat(code.getNamespaceURI()).isNull();
    assertThat(code.getTextContent()).isEqualTo("s:Client");
    assertThat(code.lookupNamespaceURI("s")).isEqualTo(S);
    assertThat(children(fault).get(1).getTextContent()).isEqualTo("Bad <request> & more");
  }

  @Test
  void faultCodeWithAPrefixIsWrittenAsGiven() throws Exception {
    Element envelope = XmlDocuments.parse(SoapResponses.fault("a:ErrorSchemaValidation", "x"))
        .getDocumentElement();

    Element code = children(at(envelope, S, "Body", "Fault")).get(0);
    assertThat(code.getTextContent()).isEqualTo("a:ErrorSchemaValidation");
    assertThat(code.lookupNamespaceURI("a")).isEqualTo(A);
    assertThatThrownBy(() -> SoapResponses.fault("", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void valuesAreEscaped() throws Exception {
    String hostile = "Tom & \"Jerry\" <Co>'s ]]> </Value>";

    Element user = userResponse(response(SoapResponses.settings()
        .setting("Name<&>", hostile)
        .settingError("N", "C&", hostile)
        .build()));

    Element setting = children(at(user, A, "UserSettings")).get(0);
    assertThat(text(setting, A, "Name")).isEqualTo("Name<&>");
    assertThat(text(setting, A, "Value")).isEqualTo(hostile);
    Element error = children(at(user, A, "UserSettingErrors")).get(0);
    assertThat(text(error, A, "ErrorCode")).isEqualTo("C&");
    assertThat(text(error, A, "ErrorMessage")).isEqualTo(hostile);
    assertThat(text(userResponse(response(SoapResponses.redirectAddress("<a>@b"))), A,
        "RedirectTarget")).isEqualTo("<a>@b");
  }

  @Test
  void theParserTheseTestsUseRefusesDoctypes() {
    assertThatThrownBy(() -> XmlDocuments.parse(
        "<!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>")).isInstanceOf(Exception.class);
  }
}

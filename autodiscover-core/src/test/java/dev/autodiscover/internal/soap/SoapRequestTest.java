package dev.autodiscover.internal.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class SoapRequestTest {

  private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final String AUTODISCOVER = "http://schemas.microsoft.com/exchange/2010/Autodiscover";
  private static final String ADDRESSING = "http://www.w3.org/2005/08/addressing";
  private static final URI TO = URI.create("https://autodiscover.contoso.com/autodiscover/autodiscover.svc");

  @Test
  void envelopeIsSoap11WithTheExchange2013VersionAndAddressingHeaders() throws Exception {
    Document document = parse(SoapRequest.body(TO, "zoe@contoso.com", List.of("UserDisplayName")));

    Element envelope = document.getDocumentElement();
    assertThat(envelope.getNamespaceURI()).isEqualTo(SOAP);
    assertThat(envelope.getLocalName()).isEqualTo("Envelope");
    Element header = only(envelope, SOAP, "Header");
    assertThat(only(header, AUTODISCOVER, "RequestedServerVersion").getTextContent()).isEqualTo("Exchange2013");
    assertThat(only(header, ADDRESSING, "Action").getTextContent())
        .isEqualTo("http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettings");
    assertThat(only(header, ADDRESSING, "To").getTextContent()).isEqualTo(TO.toString());
    assertThat(childElements(envelope)).extracting(Element::getLocalName).containsExactly("Header", "Body");
  }

  @Test
  void bodyAsksForTheMailboxsSettingsInOrder() throws Exception {
    Document document = parse(SoapRequest.body(TO, "zoe@contoso.com", SoapRequest.DEFAULT_SETTINGS));

    Element request = only(only(only(document.getDocumentElement(), SOAP, "Body"),
        AUTODISCOVER, "GetUserSettingsRequestMessage"), AUTODISCOVER, "Request");
    Element user = only(only(request, AUTODISCOVER, "Users"), AUTODISCOVER, "User");
    assertThat(only(user, AUTODISCOVER, "Mailbox").getTextContent()).isEqualTo("zoe@contoso.com");
    assertThat(childElements(only(request, AUTODISCOVER, "RequestedSettings")))
        .allSatisfy(setting -> {
          assertThat(setting.getNamespaceURI()).isEqualTo(AUTODISCOVER);
          assertThat(setting.getLocalName()).isEqualTo("Setting");
        })
        .extracting(Node::getTextContent)
        .containsExactly("UserDisplayName", "UserDN", "UserDeploymentId", "AutoDiscoverSMTPAddress",
            "InternalMailboxServer", "ExternalMailboxServer", "InternalEwsUrl", "ExternalEwsUrl",
            "EwsSupportedSchemas", "CasVersion", "MobileMailboxPolicy");
  }

  @Test
  void addressAndUrlWithMarkupCharactersAreEscapedAndRoundTrip() throws Exception {
    String address = "\"o'brien <&> x\"@contoso.com";
    URI to = URI.create("https://mail.contoso.com/autodiscover/autodiscover.svc?a=1&b=%3C");

    byte[] body = SoapRequest.body(to, address, List.of("ExternalEwsUrl"));

    assertThat(new String(body, StandardCharsets.UTF_8))
        .contains("<a:Mailbox>&quot;o&apos;brien &lt;&amp;&gt; x&quot;@contoso.com</a:Mailbox>")
        .contains("<wsa:To>https://mail.contoso.com/autodiscover/autodiscover.svc?a=1&amp;b=%3C</wsa:To>");
    Document document = parse(body);
    assertThat(document.getElementsByTagNameNS(AUTODISCOVER, "Mailbox").item(0).getTextContent()).isEqualTo(address);
    assertThat(document.getElementsByTagNameNS(ADDRESSING, "To").item(0).getTextContent()).isEqualTo(to.toString());
  }

  @Test
  void nonAsciiAddressIsEncodedAsUtf8() throws Exception {
    byte[] body = SoapRequest.body(TO, "zoë@bücher.example", List.of("UserDisplayName"));

    assertThat(parse(body).getElementsByTagNameNS(AUTODISCOVER, "Mailbox").item(0).getTextContent())
        .isEqualTo("zoë@bücher.example");
  }

  @Test
  void addressWithACharacterXmlCannotCarryIsRefused() {
    assertThatThrownBy(() -> SoapRequest.body(TO, "zoe\u0007@contoso.com", List.of("UserDisplayName")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("emailAddress contains the control character U+0007 at index 3, which XML 1.0 does not allow");
  }

  @Test
  void headersAndContentTypeAreWhatSoap11Expects() {
    assertThat(SoapRequest.CONTENT_TYPE).isEqualTo("text/xml; charset=utf-8");
    assertThat(SoapRequest.SOAP_ACTION)
        .isEqualTo("\"http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettings\"");
  }

  @Test
  void settingNamesAreLettersAndDigitsUpTo64() {
    assertThat(SoapRequest.settingName("ExternalEwsUrl")).isEqualTo("ExternalEwsUrl");
    assertThat(SoapRequest.settingName("Setting2" + "x".repeat(56))).hasSize(64);

    assertThatThrownBy(() -> SoapRequest.settingName("External Ews Url"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("setting name 'External Ews Url' is not 1 to 64 ASCII letters and digits");
    assertThatThrownBy(() -> SoapRequest.settingName("x".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + "x".repeat(65) + "'");
    assertThatThrownBy(() -> SoapRequest.settingName("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("setting name '' is not 1 to 64 ASCII letters and digits");
    assertThatThrownBy(() -> SoapRequest.settingName("Ews</a:Setting>")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SoapRequest.settingName("Nämë")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SoapRequest.settingName("Ews\nUrl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("setting name 'Ews Url' is not 1 to 64 ASCII letters and digits");
    assertThatThrownBy(() -> SoapRequest.settingName(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void bodyRefusesNoSettingsAndBadSettingNames() {
    assertThatThrownBy(() -> SoapRequest.body(TO, "zoe@contoso.com", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("settings must name at least one setting");
    assertThatThrownBy(() -> SoapRequest.body(TO, "zoe@contoso.com", List.of("UserDN", "User DN")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'User DN'");
  }

  // ---- Helpers ----

  private static Document parse(byte[] body) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
  }

  private static List<Element> childElements(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element) {
        children.add(element);
      }
    }
    return children;
  }

  /** The one child element of {@code parent} with that namespace and local name. */
  private static Element only(Element parent, String namespace, String localName) {
    List<Element> matching = childElements(parent).stream()
        .filter(e -> namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName()))
        .toList();
    assertThat(matching).as("%s children of %s", localName, parent.getLocalName()).hasSize(1);
    return matching.get(0);
  }
}

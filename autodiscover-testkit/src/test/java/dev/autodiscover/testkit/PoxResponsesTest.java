package dev.autodiscover.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class PoxResponsesTest {

  @Test
  void settingsResponseHasTheOutlookShapeAndNamespaces() throws Exception {
    String xml = PoxResponses.settings()
        .displayName("Alice")
        .emailAddress("alice@contoso.test")
        .protocol("EXCH")
        .server("mail.contoso.test")
        .asUrl("https://mail.contoso.test/EWS/Exchange.asmx")
        .ewsUrl("https://mail.contoso.test/EWS/Exchange.asmx")
        .oabUrl("https://mail.contoso.test/OAB/")
        .ttlHours(1)
        .build();

    Document doc = parse(xml);
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("Autodiscover");
    assertThat(root.getNamespaceURI()).isEqualTo(PoxResponses.ROOT_NAMESPACE);
    Element response = (Element) root.getElementsByTagNameNS("*", "Response").item(0);
    assertThat(response.getNamespaceURI()).isEqualTo(PoxResponses.OUTLOOK_NAMESPACE);
    assertThat(text(doc, "DisplayName")).isEqualTo("Alice");
    assertThat(text(doc, "AutoDiscoverSMTPAddress")).isEqualTo("alice@contoso.test");
    assertThat(text(doc, "Action")).isEqualTo("settings");
    assertThat(text(doc, "Type")).isEqualTo("EXCH");
    assertThat(text(doc, "EwsUrl")).isEqualTo("https://mail.contoso.test/EWS/Exchange.asmx");
    assertThat(text(doc, "OABUrl")).isEqualTo("https://mail.contoso.test/OAB/");
    assertThat(text(doc, "TTL")).isEqualTo("1");
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
  }

  @Test
  void shortSettingsFormDerivesTheServerFromTheEwsUrl() throws Exception {
    Document doc = parse(PoxResponses.settings(
        "Bob", "bob@contoso.test", "https://mail.contoso.test/EWS/Exchange.asmx"));

    assertThat(text(doc, "Server")).isEqualTo("mail.contoso.test");
    assertThat(text(doc, "ASUrl")).isEqualTo("https://mail.contoso.test/EWS/Exchange.asmx");
  }

  @Test
  void severalProtocolsEachGetTheirOwnElement() throws Exception {
    Document doc = parse(PoxResponses.settings()
        .protocol("EXCH").ewsUrl("https://a.contoso.test/EWS/Exchange.asmx")
        .protocol("EXPR").ewsUrl("https://b.contoso.test/EWS/Exchange.asmx")
        .element("EcpUrl", "https://b.contoso.test/ecp/")
        .build());

    assertThat(doc.getElementsByTagNameNS("*", "Protocol").getLength()).isEqualTo(2);
    assertThat(doc.getElementsByTagNameNS("*", "EwsUrl").item(1).getTextContent())
        .isEqualTo("https://b.contoso.test/EWS/Exchange.asmx");
    assertThat(text(doc, "EcpUrl")).isEqualTo("https://b.contoso.test/ecp/");
  }

  @Test
  void redirectAddrAndRedirectUrlNameTheirTarget() throws Exception {
    Document addr = parse(PoxResponses.redirectAddr("alice@contoso.mail.onmicrosoft.test"));
    Document url = parse(PoxResponses.redirectUrl("https://mail.contoso.test/autodiscover/autodiscover.xml"));

    assertThat(text(addr, "Action")).isEqualTo("redirectAddr");
    assertThat(text(addr, "RedirectAddr")).isEqualTo("alice@contoso.mail.onmicrosoft.test");
    assertThat(text(url, "Action")).isEqualTo("redirectUrl");
    assertThat(text(url, "RedirectUrl"))
        .isEqualTo("https://mail.contoso.test/autodiscover/autodiscover.xml");
  }

  @Test
  void errorResponseLivesInTheRootNamespace() throws Exception {
    Document doc = parse(PoxResponses.error("600", "Invalid Request"));

    Element error = (Element) doc.getElementsByTagNameNS(PoxResponses.ROOT_NAMESPACE, "Error").item(0);
    assertThat(error).isNotNull();
    assertThat(error.getAttribute("Id")).isEqualTo("1");
    assertThat(text(doc, "ErrorCode")).isEqualTo("600");
    assertThat(text(doc, "Message")).isEqualTo("Invalid Request");
  }

  @Test
  void specialCharactersAreEscaped() throws Exception {
    String xml = PoxResponses.settings().displayName("Tom & \"Jerry\" <Co>'s").build();

    assertThat(text(parse(xml), "DisplayName")).isEqualTo("Tom & \"Jerry\" <Co>'s");
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Document doc, String localName) {
    return doc.getElementsByTagNameNS("*", localName).item(0).getTextContent();
  }
}

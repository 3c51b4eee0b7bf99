package dev.autodiscover.internal.activesync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ActiveSyncRequestTest {

  private static final String REQUEST_NAMESPACE =
      "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006";

  @Test
  void bodyIsTheMobilesyncRequestInUtf8() {
    String body = new String(ActiveSyncRequest.body("zoe@contoso.com"), StandardCharsets.UTF_8);

    assertThat(body).isEqualTo("""
        <?xml version="1.0" encoding="utf-8"?>
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006">
          <Request>
            <EMailAddress>zoe@contoso.com</EMailAddress>
            <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006</AcceptableResponseSchema>
          </Request>
        </Autodiscover>
        """);
    assertThat(ActiveSyncRequest.CONTENT_TYPE).isEqualTo("text/xml; charset=utf-8");
  }

  @Test
  void markupCharactersAreEscapedAndRoundTrip() throws Exception {
    String address = "\"o'brien <&> zoë\"@contoso.com";

    Document document = parse(ActiveSyncRequest.body(address));

    assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(REQUEST_NAMESPACE);
    assertThat(document.getDocumentElement().getLocalName()).isEqualTo("Autodiscover");
    assertThat(document.getElementsByTagNameNS(REQUEST_NAMESPACE, "EMailAddress").item(0).getTextContent())
        .isEqualTo(address);
    assertThat(document.getElementsByTagNameNS(REQUEST_NAMESPACE, "AcceptableResponseSchema").item(0).getTextContent())
        .isEqualTo("http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006");
  }

  @Test
  void refusesCharactersXmlCannotCarry() {
    assertThatThrownBy(() -> ActiveSyncRequest.body("zoe\u0000@contoso.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("emailAddress contains the control character U+0000 at index 3, which XML 1.0 does not allow");
  }

  private static Document parse(byte[] body) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
  }
}

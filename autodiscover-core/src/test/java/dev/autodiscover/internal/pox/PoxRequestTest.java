package dev.autodiscover.internal.pox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class PoxRequestTest {

  @Test
  void bodyIsTheOutlookRequestInUtf8() {
    String body = new String(PoxRequest.body("user@contoso.com"), StandardCharsets.UTF_8);

    assertThat(body).isEqualTo("""
        <?xml version="1.0" encoding="utf-8"?>
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
          <Request>
            <EMailAddress>user@contoso.com</EMailAddress>
            <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
          </Request>
        </Autodiscover>
        """);
    assertThat(PoxRequest.CONTENT_TYPE).isEqualTo("text/xml; charset=utf-8");
  }

  @Test
  void nonAsciiAddressIsEncodedAsUtf8() {
    byte[] body = PoxRequest.body("zoë@bücher.example");

    assertThat(new String(body, StandardCharsets.UTF_8)).contains("<EMailAddress>zoë@bücher.example<");
    assertThat(readBack(body).get("EMailAddress")).isEqualTo("zoë@bücher.example");
  }

  @Test
  void markupCharactersAreEscapedAndRoundTrip() {
    String address = "\"o'brien <&> x\"@contoso.com";

    byte[] body = PoxRequest.body(address);

    assertThat(new String(body, StandardCharsets.UTF_8))
        .contains("<EMailAddress>&quot;o&apos;brien &lt;&amp;&gt; x&quot;@contoso.com</EMailAddress>");
    Map<String, String> read = readBack(body);
    assertThat(read.get("EMailAddress")).isEqualTo(address);
    assertThat(read.get("AcceptableResponseSchema"))
        .isEqualTo("http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a");
  }

  @Test
  void carriageReturnSurvivesTheRoundTrip() {
    assertThat(readBack(PoxRequest.body("a\r\nb\t@contoso.com")).get("EMailAddress"))
        .isEqualTo("a\r\nb\t@contoso.com");
  }

  @Test
  void refusesControlCharacters() {
    assertThatThrownBy(() -> PoxRequest.body("user\u0007@contoso.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "emailAddress contains the control character U+0007 at index 4, which XML 1.0 does not allow");
    assertThatThrownBy(() -> PoxRequest.body("\u0000user@contoso.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+0000 at index 0");
  }

  @Test
  void refusesLoneSurrogatesButAcceptsPairs() {
    assertThatThrownBy(() -> PoxRequest.body("user\uD83D@contoso.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a lone surrogate U+D83D at index 4");
    assertThatThrownBy(() -> PoxRequest.body("user\uDE00@contoso.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+DE00");

    assertThat(readBack(PoxRequest.body("user\uD83D\uDE00@contoso.com")).get("EMailAddress"))
        .isEqualTo("user\uD83D\uDE00@contoso.com");
  }

  @Test
  void refusesNonCharactersFffeAndFfff() {
    assertThatThrownBy(() -> PoxRequest.body("user\uFFFF@contoso.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+FFFF");
  }

  /** Reads the request with a plain StAX reader: each leaf element's local name to its text. */
  private static Map<String, String> readBack(byte[] body) {
    Map<String, String> leaves = new LinkedHashMap<>();
    try {
      XMLStreamReader reader =
          XMLInputFactory.newDefaultFactory().createXMLStreamReader(new ByteArrayInputStream(body));
      assertThat(reader.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
      assertThat(reader.getNamespaceURI())
          .isEqualTo("http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006");
      assertThat(reader.getLocalName()).isEqualTo("Autodiscover");
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT
            && !reader.getLocalName().equals("Request")) {
          String name = reader.getLocalName();
          leaves.put(name, reader.getElementText());
        }
      }
      return leaves;
    } catch (XMLStreamException e) {
      throw new AssertionError("the request is not well-formed XML", e);
    }
  }
}

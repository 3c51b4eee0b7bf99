package dev.autodiscover.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonResponsesTest {

  @Test
  void answerHasExactlyProtocolAndUrl() {
    String json = JsonResponses.answer("Ews", "https://outlook.office365.com/EWS/Exchange.asmx");

    assertThat(json)
        .isEqualTo("{\"Protocol\":\"Ews\",\"Url\":\"https://outlook.office365.com/EWS/Exchange.asmx\"}");
    assertThat(TinyJson.object(json)).containsExactly(
        entry("Protocol", "Ews"), entry("Url", "https://outlook.office365.com/EWS/Exchange.asmx"));
  }

  @Test
  void errorHasExactlyErrorCodeAndErrorMessage() {
    String json = JsonResponses.error("InvalidProtocol",
        "The given protocol value 'Imap' is invalid. Supported values are 'Rest,ActiveSync,Ews'.");

    assertThat(TinyJson.object(json)).containsExactly(
        entry("ErrorCode", "InvalidProtocol"),
        entry("ErrorMessage",
            "The given protocol value 'Imap' is invalid. Supported values are 'Rest,ActiveSync,Ews'."));
  }

  @Test
  void quotesBackslashesAndControlCharactersAreEscaped() {
    String hostile = "say \"hi\" \\ C:\\dir\n\r\t\b\f\u0000\u001f / \u2028\u2029 caf\u00e9 \ud83d\ude00";

    String json = JsonResponses.error(hostile, "x");

    assertThat(TinyJson.object(json).get("ErrorCode")).isEqualTo(hostile);
    assertThat(json).contains("\\\"hi\\\"", "\\\\ C:\\\\dir", "\\n\\r\\t\\b\\f\\u0000\\u001f",
        "\\u2028\\u2029", "caf\u00e9", "\ud83d\ude00");
    assertThat(json.chars()).noneMatch(c -> c < 0x20);
  }

  @Test
  void unpairedSurrogatesAreEscapedSoTheBodyStaysValidUtf8() {
    String broken = "a\ud800b\udc00c\ud83d";

    String json = JsonResponses.answer(broken, "u");

    assertThat(json).contains("a\\ud800b\\udc00c\\ud83d");
    assertThat(TinyJson.object(json).get("Protocol")).isEqualTo(broken);
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(json);
  }

  @Test
  void redirectLocationIsTheQueryFormExchangeOnlineSends() {
    String location = JsonResponses.redirectLocation(
        "autodiscover-s.outlook.com", "user@contoso.com", "Ews", 1);

    assertThat(location).isEqualTo("https://autodiscover-s.outlook.com/autodiscover/autodiscover.json"
        + "?Email=user%40contoso.com&Protocol=Ews&RedirectCount=1");
    assertThat(URI.create(location).getPath()).isEqualTo(FixtureHost.JSON_PATH_PREFIX);
  }

  @Test
  void redirectLocationEncodesWhatAQueryCannotHoldAsIs() {
    String location = JsonResponses.redirectLocation("a.contoso.test", "al+ice&x=1@contoso.test",
        "Ews", 0);

    assertThat(location).endsWith("?Email=al%2Bice%26x%3D1%40contoso.test&Protocol=Ews&RedirectCount=0");
    assertThatThrownBy(() -> JsonResponses.redirectLocation("a.contoso.test", "a@b", "Ews", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullsAreRefused() {
    assertThatThrownBy(() -> JsonResponses.answer(null, "u"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> JsonResponses.error("c", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void theReaderTheseTestsUseRefusesWhatIsNotJson() {
    for (String bad : new String[] {
        "{\"a\":\"\n\"}", "{\"a\":\"\\x\"}", "{\"a\":1,\"a\":2}", "{\"a\":1} x", "{'a':1}",
        "{\"a\":01}", "{\"a\":\"\\u12\"}", "{\"a\":1,}"}) {
      assertThatThrownBy(() -> TinyJson.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static Map.Entry<String, Object> entry(String name, Object value) {
    return Map.entry(name, value);
  }
}

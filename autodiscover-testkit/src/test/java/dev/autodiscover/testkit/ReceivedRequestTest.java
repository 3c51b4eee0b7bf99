package dev.autodiscover.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceivedRequestTest {

  private static ReceivedRequest get(String url) {
    int mark = url.indexOf('?');
    return new ReceivedRequest("GET", "https", "autodiscover.contoso.test", "HTTP/1.1",
        mark < 0 ? url : url.substring(0, mark), url, Map.of(), "");
  }

  @Test
  void queryIsWhatFollowsTheFirstQuestionMarkStillEncoded() {
    ReceivedRequest request = get(
        "/autodiscover/autodiscover.json?Email=alice%40contoso.test&Protocol=Ews&RedirectCount=1");

    assertThat(request.query())
        .isEqualTo("Email=alice%40contoso.test&Protocol=Ews&RedirectCount=1");
    assertThat(get("/autodiscover/autodiscover.xml").query()).isEmpty();
    assertThat(get("/a?b?c").query()).isEqualTo("b?c");
  }

  @Test
  void queryParametersAreDecodedAndFoundInAnyLetterCase() {
    ReceivedRequest request = get("/autodiscover/autodiscover.json/v1.0/alice%40contoso.test"
        + "?protocol=ActiveSync&Email=bob%2Btag%40contoso.test&Note=a+b%20c&Flag");

    assertThat(request.queryParameter("Protocol")).contains("ActiveSync");
    assertThat(request.queryParameter("EMAIL")).contains("bob+tag@contoso.test");
    assertThat(request.queryParameter("note")).contains("a b c");
    assertThat(request.queryParameter("flag")).contains("");
    assertThat(request.queryParameter("RedirectCount")).isEmpty();
    assertThat(request.queryParameters()).containsOnlyKeys("protocol", "Email", "Note", "Flag");
  }

  @Test
  void repeatedParametersKeepEveryValueInOrder() {
    ReceivedRequest request = get("/x?Protocol=Ews&PROTOCOL=Rest&protocol=");

    assertThat(request.queryParameters().get("Protocol")).containsExactly("Ews", "Rest", "");
    assertThat(request.queryParameter("protocol")).contains("Ews");
  }

  @Test
  void brokenPercentEscapesAreKeptAsSent() {
    assertThat(get("/x?Email=100%&Protocol=%zz").queryParameters())
        .containsEntry("Email", List.of("100%"))
        .containsEntry("Protocol", List.of("%zz"));
  }

  @Test
  void queryParametersCannotBeChanged() {
    Map<String, List<String>> parameters = get("/x?a=1").queryParameters();

    assertThatThrownBy(() -> parameters.put("b", List.of("2")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> parameters.get("a").add("3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}

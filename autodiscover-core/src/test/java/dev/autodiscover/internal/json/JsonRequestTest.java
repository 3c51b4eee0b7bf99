package dev.autodiscover.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRequestTest {

  private static final URI CANDIDATE = URI.create("https://autodiscover.contoso.test/autodiscover/autodiscover.xml");

  // ---- The URL ----

  @Test
  void theRequestIsAskedAtTheAutodiscoverJsonPathOfTheCandidatesHost() {
    assertThat(JsonRequest.url(CANDIDATE, "bob@contoso.test", "Ews")).isEqualTo(URI.create(
        "https://autodiscover.contoso.test/autodiscover/autodiscover.json/v1.0/bob@contoso.test?Protocol=Ews"));
  }

  @Test
  void onlyTheCandidatesHostAndPortAreUsedAndTheRequestIsHttps() {
    URI candidate = URI.create("http://user:secret@autodiscover.contoso.test/some/path?x=1#top");

    assertThat(JsonRequest.url(candidate, "bob@contoso.test", "AutodiscoverV1")).isEqualTo(URI.create(
        "https://autodiscover.contoso.test/autodiscover/autodiscover.json/v1.0/bob@contoso.test?Protocol=AutodiscoverV1"));
  }

  @Test
  void theDefaultPortIsLeftOutAndAnyOtherKept() {
    assertThat(JsonRequest.url(URI.create("https://mail.contoso.test:443/"), "bob@contoso.test", "Ews"))
        .hasToString("https://mail.contoso.test/autodiscover/autodiscover.json/v1.0/bob@contoso.test?Protocol=Ews");
    assertThat(JsonRequest.url(URI.create("https://mail.contoso.test:8443/autodiscover/autodiscover.xml"), "bob@contoso.test", "Ews"))
        .hasToString("https://mail.contoso.test:8443/autodiscover/autodiscover.json/v1.0/bob@contoso.test?Protocol=Ews");
  }

  @Test
  void anInternationalHostAlreadyInAsciiIsKeptAsItIs() {
    assertThat(JsonRequest.url(URI.create("https://autodiscover.xn--mnchen-3ya.test/"), "bob@xn--mnchen-3ya.test", "Ews"))
        .hasToString("https://autodiscover.xn--mnchen-3ya.test/autodiscover/autodiscover.json/v1.0/bob@xn--mnchen-3ya.test?Protocol=Ews");
  }

  @Test
  void anIpv6CandidateKeepsItsBrackets() {
    assertThat(JsonRequest.url(URI.create("https://[2001:db8::1]:8443/"), "bob@contoso.test", "Ews"))
        .hasToString("https://[2001:db8::1]:8443/autodiscover/autodiscover.json/v1.0/bob@contoso.test?Protocol=Ews");
  }

  @Test
  void aCandidateWithoutAHostIsRefused() {
    assertThatThrownBy(() -> JsonRequest.url(URI.create("mailto:bob@contoso.test"), "bob@contoso.test", "Ews"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("candidate URL has no host: 'mailto:bob@contoso.test'");
    assertThatThrownBy(() -> JsonRequest.url(URI.create("https://under_score.test/"), "bob@contoso.test", "Ews"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- The address as one path segment ----

  @Test
  void charactersThatWouldEndOrSplitTheSegmentAreEncoded() {
    assertThat(segment("a/b?c#d%e[f]g@contoso.test")).isEqualTo("a%2Fb%3Fc%23d%25e%5Bf%5Dg@contoso.test");
  }

  @Test
  void aQuotedLocalPartHasItsQuotesAndSpacesEncoded() {
    assertThat(segment("\"bob smith\"@contoso.test")).isEqualTo("%22bob%20smith%22@contoso.test");
    assertThat(segment("o'brien@contoso.test")).isEqualTo("o%27brien@contoso.test");
  }

  @Test
  void plusSemicolonAndColonAreEncodedThoughASegmentMayHoldThem() {
    assertThat(segment("bob+tag@contoso.test")).isEqualTo("bob%2Btag@contoso.test");
    assertThat(segment("bob;x=1@contoso.test")).isEqualTo("bob%3Bx=1@contoso.test");
    assertThat(segment("\"a:b\"@contoso.test")).isEqualTo("%22a%3Ab%22@contoso.test");
  }

  @Test
  void unreservedCharactersAndHarmlessSubDelimitersAreKept() {
    assertThat(segment("A-z.0_9~!$&()*,=@contoso.test")).isEqualTo("A-z.0_9~!$&()*,=@contoso.test");
  }

  @Test
  void charactersOutsideAsciiAreEncodedAsUtf8() {
    assertThat(segment("zoë@münchen.test")).isEqualTo("zo%C3%AB@m%C3%BCnchen.test");
    assertThat(segment("\uD83D\uDE00@contoso.test")).isEqualTo("%F0%9F%98%80@contoso.test");
  }

  @Test
  void otherAsciiSymbolsAndControlsAreEncoded() {
    assertThat(segment("<>\\^`{|}\u0000\u007F@contoso.test")).isEqualTo("%3C%3E%5C%5E%60%7B%7C%7D%00%7F@contoso.test");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "bob@contoso.test",
      "bob+tag@contoso.test",
      "\"bob smith\"@contoso.test",
      "\"a/b?c#d\"@contoso.test",
      "\"100%\"@contoso.test",
      "%2F@contoso.test",
      "\"..\"@contoso.test",
      "o'brien;x=1@contoso.test",
      "!#$%&'*+-/=?^_`{|}~@contoso.test",
      "\"[]:\\\\\"@contoso.test",
      "zoë@münchen.test",
      "用户@例子.测试",
      "\uD83D\uDE00@contoso.test",
      "\u202Ebob@contoso.test",
      "a\tb\r\nc@contoso.test"})
  void javaNetUriAndOkHttpReadTheAddressBackAsOneSegment(String address) {
    URI url = JsonRequest.url(CANDIDATE, address, "Ews");
    HttpUrl requested = HttpUrl.get(url.toString());

    assertThat(url.getPath()).isEqualTo("/autodiscover/autodiscover.json/v1.0/" + address);
    assertThat(requested.pathSegments()).containsExactly("autodiscover", "autodiscover.json", "v1.0", address);
    assertThat(requested.encodedPath()).as("OkHttp requests the path as written").isEqualTo(url.getRawPath());
    assertThat(requested.queryParameter("Protocol")).isEqualTo("Ews");
    assertThat(requested.querySize()).isEqualTo(1);
    assertThat(requested.fragment()).isNull();
    assertThat(url.getQuery()).isEqualTo("Protocol=Ews");
    assertThat(url.getRawFragment()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", ".."})
  void anAddressThatIsADotSegmentOrEmptyIsRefused(String address) {
    assertThatThrownBy(() -> JsonRequest.url(CANDIDATE, address, "Ews"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("email address cannot be a path segment: ");
  }

  @Test
  void anAddressWithALoneSurrogateIsRefusedRatherThanAltered() {
    assertThatThrownBy(() -> JsonRequest.url(CANDIDATE, "bob\uD800@contoso.test", "Ews"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("email address is not valid Unicode (a lone surrogate): ");
  }

  @Test
  void theProtocolIsEncodedSoThatItStaysOneQueryValue() {
    URI url = JsonRequest.url(CANDIDATE, "bob@contoso.test", "Ews&Protocol=Rest#x y+z");

    assertThat(url.getRawQuery()).isEqualTo("Protocol=Ews%26Protocol%3DRest%23x%20y%2Bz");
    assertThat(HttpUrl.get(url.toString()).queryParameterValues("Protocol")).containsExactly("Ews&Protocol=Rest#x y+z");
  }

  // ---- Protocol names ----

  @ParameterizedTest
  @ValueSource(strings = {"Ews", "AutodiscoverV1", "ActiveSync", "Rest", "ews", "X", "Protocol2"})
  void aProtocolNameIsLettersAndDigits(String name) {
    assertThat(JsonRequest.protocolName(name)).isSameAs(name);
  }

  @Test
  void aProtocolNameOfSixtyFourCharactersIsAcceptedAndALongerOneRefused() {
    String longest = "P".repeat(64);

    assertThat(JsonRequest.protocolName(longest)).isEqualTo(longest);
    assertThatThrownBy(() -> JsonRequest.protocolName(longest + "P"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jsonProtocol must be at most 64 characters: '" + longest + "P'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "Ews ", " Ews", "E ws", "E-ws", "Ews&x=1", "Ews/../", "Éws", "Ews\u0661", "Ｅws", "Ews\n"})
  void anythingElseIsRefusedNamingTheRule(String name) {
    assertThatThrownBy(() -> JsonRequest.protocolName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("jsonProtocol must be letters and digits, such as Ews, AutodiscoverV1, ActiveSync or Rest: '")
        .hasMessageNotContaining("\n");
  }

  @Test
  void noProtocolNameIsRefusedNamingTheRule() {
    assertThatThrownBy(() -> JsonRequest.protocolName(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jsonProtocol must be letters and digits, such as Ews, AutodiscoverV1, ActiveSync or Rest: null");
  }

  // ---- Helpers ----

  /** The address as the last segment of the raw path. */
  private static String segment(String address) {
    String path = JsonRequest.url(CANDIDATE, address, "Ews").getRawPath();
    assertThat(path).startsWith(JsonRequest.PATH);
    return path.substring(JsonRequest.PATH.length());
  }
}

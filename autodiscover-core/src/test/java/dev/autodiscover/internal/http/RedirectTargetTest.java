package dev.autodiscover.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectTargetTest {
  private static final URI BASE = URI.create("https://autodiscover.contoso.test/autodiscover/autodiscover.xml");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://mail.contoso.test/autodiscover/autodiscover.xml | is not https",
      "file:///etc/passwd | uses the file: scheme; only https is followed",
      "javascript:alert(1) | uses the javascript: scheme; only https is followed",
      "ldap://dc.contoso.test/ | uses the ldap: scheme; only https is followed",
      "data:text/xml,<Autodiscover/> | uses the data: scheme; only https is followed",
      "HTTPS://user:secret@mail.contoso.test/ | carries user information",
      "https://user@mail.contoso.test/ | carries user information",
      "https://127.0.0.1/autodiscover/autodiscover.xml | names the address 127.0.0.1, not a host name",
      "https://169.254.169.254/latest/meta-data/ | names the address 169.254.169.254, not a host name",
      "https://[::1]/autodiscover/autodiscover.xml | names the address ::1, not a host name",
      "https://2130706433/autodiscover/autodiscover.xml | names the address 2130706433, not a host name",
      "https://0x7f.1/autodiscover/autodiscover.xml | names the address 0x7f.1, not a host name",
      "https://0177.0.0.1/autodiscover/autodiscover.xml | names the address 0177.0.0.1, not a host name",
      "https://mail.contoso.test:99999/ | is not a valid URL",
      "https://ev!l.contoso.test/ | names 'ev!l.contoso.test', which is not a valid host name",
      "https://mail_server.contoso.test/ | names 'mail_server.contoso.test', which is not a valid host name",
      "https://-mail.contoso.test/ | names '-mail.contoso.test', which is not a valid host name",
      "https:// | is not a valid URL",
  })
  void targetBreakingARuleIsRefusedSayingWhich(String location, String problem) {
    RedirectTarget checked = RedirectTarget.check(BASE, location);

    assertThat(checked.url()).isEmpty();
    assertThat(checked.problem()).isEqualTo(problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void emptyTargetIsRefused(String location) {
    assertThat(RedirectTarget.check(BASE, location).problem()).isEqualTo("is empty");
    assertThat(RedirectTarget.check(BASE, null).problem()).isEqualTo("is empty");
  }

  @Test
  void targetLongerThanTheLimitIsRefusedBeforeItIsParsed() {
    String location = "https://mail.contoso.test/" + "a".repeat(RedirectTarget.MAX_LENGTH);

    RedirectTarget checked = RedirectTarget.check(BASE, location);

    assertThat(checked.url()).isEmpty();
    assertThat(checked.problem()).isEqualTo(
        "is " + location.length() + " characters long; at most " + RedirectTarget.MAX_LENGTH + " are followed");
  }

  @Test
  void targetThatGrowsPastTheLimitWhenEncodedIsRefused() {
    String location = "/" + "\u028a".repeat(500);

    RedirectTarget checked = RedirectTarget.check(BASE, location);

    assertThat(checked.url()).isEmpty();
    assertThat(checked.problem()).isEqualTo("is " + ("https://autodiscover.contoso.test/".length() + 500 * 6) + " characters long once resolved and encoded; at most "
        + RedirectTarget.MAX_LENGTH + " are followed");
  }

  @Test
  void targetOfExactlyTheLimitIsFollowed() {
    String prefix = "https://mail.contoso.test/";
    String location = prefix + "a".repeat(RedirectTarget.MAX_LENGTH - prefix.length());

    assertThat(RedirectTarget.check(BASE, location).url()).hasValue(URI.create(location));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/other/autodiscover.xml | https://autodiscover.contoso.test/other/autodiscover.xml",
      "autodiscover.svc | https://autodiscover.contoso.test/autodiscover/autodiscover.svc",
      "../Autodiscover/Autodiscover.xml | https://autodiscover.contoso.test/Autodiscover/Autodiscover.xml",
      "//mail.contoso.test/autodiscover/autodiscover.xml | https://mail.contoso.test/autodiscover/autodiscover.xml",
      "?tenant=1 | https://autodiscover.contoso.test/autodiscover/autodiscover.xml?tenant=1",
  })
  void relativeTargetIsResolvedAgainstTheUrlThatAnswered(String location, String expected) {
    assertThat(RedirectTarget.check(BASE, location).url()).hasValue(URI.create(expected));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://MAIL.Contoso.TEST/autodiscover/autodiscover.xml | https://mail.contoso.test/autodiscover/autodiscover.xml",
      "https://mail.contoso.test./autodiscover/autodiscover.xml | https://mail.contoso.test/autodiscover/autodiscover.xml",
      "https://mail.contoso.test:443/autodiscover/autodiscover.xml | https://mail.contoso.test/autodiscover/autodiscover.xml",
      "https://mail.contoso.test/autodiscover/autodiscover.xml#top | https://mail.contoso.test/autodiscover/autodiscover.xml",
      "https://bücher.test/autodiscover/autodiscover.xml | https://xn--bcher-kva.test/autodiscover/autodiscover.xml",
      "  https://mail.contoso.test/autodiscover/autodiscover.xml  | https://mail.contoso.test/autodiscover/autodiscover.xml",
  })
  void acceptedTargetIsTheUrlTheHttpClientWillRequest(String location, String expected) {
    assertThat(RedirectTarget.check(BASE, location).url()).hasValue(URI.create(expected));
  }

  @Test
  void charactersAUriCannotHoldAreEncodedInTheUrlFollowed() {
    assertThat(RedirectTarget.check(BASE, "/E]/x").url())
        .hasValue(URI.create("https://autodiscover.contoso.test/E%5D/x"));
  }

  @Test
  void aLongPlainHttpTargetIsQuotedOnOneBoundedLine() {
    String problem = RedirectTarget.check(URI.create("http://autodiscover.contoso.test/autodiscover/autodiscover.xml"),
        "/" + "x".repeat(1500)).problem();

    assertThat(problem).startsWith("resolves to http://autodiscover.contoso.test/xxx").endsWith("…, which is not https")
        .hasSizeLessThan(260);
  }

  @Test
  void nonDefaultPortIsKept() {
    assertThat(RedirectTarget.check(BASE, "https://mail.contoso.test:8443/autodiscover/autodiscover.xml").url())
        .hasValue(URI.create("https://mail.contoso.test:8443/autodiscover/autodiscover.xml"));
  }

  @Test
  void shownTargetHidesUserInformation() {
    assertThat(RedirectTarget.shown("https://alice:secret@mail.contoso.test/x?y=a@b"))
        .isEqualTo("https://…@mail.contoso.test/x?y=a@b");
    assertThat(RedirectTarget.shown("//alice@mail.contoso.test/")).isEqualTo("//…@mail.contoso.test/");
    assertThat(RedirectTarget.shown("https:\\\\alice:secret@mail.contoso.test\\x")).isEqualTo("https:\\\\…@mail.contoso.test\\x");
    assertThat(RedirectTarget.shown("/autodiscover/autodiscover.xml?owner=a@b")).isEqualTo("/autodiscover/autodiscover.xml?owner=a@b");
  }
}

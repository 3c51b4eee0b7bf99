package dev.autodiscover.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the redirect-target check with the properties the redirect rules rest on: it never
 * throws; an accepted target is https, without user information, on a lower-case host name (never
 * an IP address) with no trailing dot; OkHttp, which will request it, reads the same host and port
 * from it as {@link URI} does; and checking an accepted target again accepts it unchanged.
 *
 * <p>Each seed ({@code RedirectTargetFuzzTestInputs/check/}) is the target as a server would
 * send it, resolved against {@value #BASE}.
 */
class RedirectTargetFuzzTest {
  private static final String BASE = "https://autodiscover.contoso.test/autodiscover/autodiscover.xml";
  private static final Pattern HOST_NAME = Pattern.compile(
      "(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)*[a-z](?:[a-z0-9-]*[a-z0-9])?");

  @FuzzTest
  @Timeout(5)
  void check(FuzzedDataProvider data) {
    String location = data.consumeRemainingAsString();

    RedirectTarget checked = RedirectTarget.check(URI.create(BASE), location);

    if (checked.url().isEmpty()) {
      assertThat(checked.problem()).isNotBlank();
      assertThat(RedirectTarget.shown(location)).isNotNull();
      return;
    }
    assertThat(checked.problem()).isEmpty();
    URI url = checked.url().get();
    assertThat(url.getScheme()).isEqualTo("https");
    assertThat(url.getRawUserInfo()).isNull();
    assertThat(url.getRawFragment()).isNull();
    assertThat(url.getHost()).matches(HOST_NAME);
    assertThat(url.getPort()).isNotEqualTo(443).isBetween(-1, 65535);
    HttpUrl requested = HttpUrl.get(url.toString());
    assertThat(requested.host()).as("the host OkHttp connects to").isEqualTo(url.getHost());
    assertThat(requested.port()).isEqualTo(url.getPort() == -1 ? 443 : url.getPort());
    assertThat(requested.username()).isEmpty();
    assertThat(RedirectTarget.check(URI.create(BASE), url.toString()).url()).contains(url);
  }
}

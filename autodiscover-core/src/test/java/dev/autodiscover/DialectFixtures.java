package dev.autodiscover;

import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.testkit.ActiveSyncResponses;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.JsonResponses;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.ReceivedRequest;
import dev.autodiscover.testkit.SoapResponses;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;

/**
 * What the dialect scenario tests share: the URLs each dialect asks, a resolver speaking a dialect on
 * the fixture network, and the story of a resolution and of a host's requests in a form a test can
 * compare whole.
 */
final class DialectFixtures {
  static final String ALICE = "alice@contoso.test";
  static final String EWS_URL = Loopback.EWS_URL;
  static final String ACTIVESYNC_URL = "https://mail.contoso.test/Microsoft-Server-ActiveSync";
  static final String SRV_NAME = "_autodiscover._tcp.contoso.test";
  /** The plain-HTTP step's URL for contoso.test, which no dialect changes. */
  static final String PLAIN_URL = "http://autodiscover.contoso.test" + FixtureHost.AUTODISCOVER_PATH;

  private DialectFixtures() {}

  /** A resolver on the fixture network (see {@link Loopback#resolver}) speaking {@code dialect}. */
  static AutodiscoverResolver.Builder resolver(FixtureNetwork network, Dialect dialect) {
    return Loopback.resolver(network).dialect(dialect);
  }

  /** The POX and ActiveSync URL on {@code host}. */
  static String xmlUrl(String host) {
    return Loopback.autodiscoverUrl(host);
  }

  /** The SOAP URL on {@code host}. */
  static String soapUrl(String host) {
    return "https://" + host + FixtureHost.SOAP_PATH;
  }

  /** The Autodiscover v2 URL on {@code host} for {@code email} (kept as it is: no character in it needs encoding) and {@code protocol}. */
  static String jsonUrl(String host, String email, String protocol) {
    return "https://" + host + jsonPath(email) + "?Protocol=" + protocol;
  }

  /** The Autodiscover v2 URL on {@code host} for {@link #ALICE} and Ews. */
  static String jsonUrl(String host) {
    return jsonUrl(host, ALICE, "Ews");
  }

  /** The path of an Autodiscover v2 request for {@code email}. */
  static String jsonPath(String email) {
    return FixtureHost.JSON_V1_PATH_PREFIX + email;
  }

  /** The URL a resolver speaking {@code dialect} asks on {@code host} for {@link #ALICE}. */
  static String urlOn(String host, Dialect dialect) {
    return switch (dialect) {
      case POX, ACTIVESYNC -> xmlUrl(host);
      case JSON -> jsonUrl(host);
      case SOAP -> soapUrl(host);
    };
  }

  /** The path a resolver speaking {@code dialect} asks for {@link #ALICE}, without the query. */
  static String pathOf(Dialect dialect) {
    return switch (dialect) {
      case POX, ACTIVESYNC -> FixtureHost.AUTODISCOVER_PATH;
      case JSON -> jsonPath(ALICE);
      case SOAP -> FixtureHost.SOAP_PATH;
    };
  }

  /** Makes {@code host} answer {@code dialect} with settings holding {@link #EWS_URL} or {@link #ACTIVESYNC_URL}. */
  static FixtureHost answering(FixtureHost host, Dialect dialect) {
    return switch (dialect) {
      case POX -> host.respondWithPox(PoxResponses.settings("Alice", ALICE, EWS_URL));
      case JSON -> host.respondWithJson("Ews", JsonResponses.answer("Ews", EWS_URL));
      case SOAP -> host.respondWithSoap(SoapResponses.settings().displayName("Alice").externalEwsUrl(EWS_URL).build());
      case ACTIVESYNC -> host.respondWithActiveSync(
          ActiveSyncResponses.settings().displayName("Alice").mobileSync(ACTIVESYNC_URL).build());
    };
  }

  /** An attempt as {@link #story} shows it, without an error code. */
  static Tuple attempt(DiscoveryMethod method, String url, AttemptOutcome outcome, Dialect dialect) {
    return tuple(method, url, outcome, Optional.ofNullable(dialect), Optional.empty());
  }

  /** An attempt as {@link #story} shows it, with the server's error code. */
  static Tuple attempt(DiscoveryMethod method, String url, AttemptOutcome outcome, Dialect dialect, String errorCode) {
    return tuple(method, url, outcome, Optional.ofNullable(dialect), Optional.of(errorCode));
  }

  /** The method, URL, outcome, dialect and error code of an attempt. */
  static Tuple story(Attempt attempt) {
    return tuple(attempt.method(), attempt.url(), attempt.outcome(), attempt.dialect(), attempt.errorCode());
  }

  /** The attempt at {@code url}, which must be the only one. */
  static Attempt attemptAt(AutodiscoverResult result, String url) {
    List<Attempt> at = result.attempts().stream().filter(attempt -> attempt.url().equals(url)).toList();
    if (at.size() != 1) {
      throw new AssertionError("expected one attempt at " + url + ":\n" + result.describe());
    }
    return at.get(0);
  }

  /**
   * Each request {@code host} received, as {@code METHOD path?query}, followed by
   * {@code " with <Authorization>"} when it carried credentials.
   */
  static List<String> received(FixtureHost host) {
    return host.requests().stream().map(DialectFixtures::line).toList();
  }

  private static String line(ReceivedRequest request) {
    String query = request.query().isEmpty() ? "" : "?" + request.query();
    return request.method() + " " + request.path() + query
        + request.header("Authorization").map(authorization -> " with " + authorization).orElse("");
  }
}

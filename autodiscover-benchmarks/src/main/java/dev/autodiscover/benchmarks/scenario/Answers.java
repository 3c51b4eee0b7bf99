package dev.autodiscover.benchmarks.scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.PoxResponses;

/** What the scenarios' HTTPS hosts answer. */
final class Answers {

  private Answers() {}

  /** The EWS URL every contender must find for a mailbox of {@code domain}. */
  static String ewsUrl(String domain) {
    return "https://mail." + domain + "/EWS/Exchange.asmx";
  }

  /**
   * Makes {@code server} answer a POX POST to the Autodiscover path of {@code hostName} with
   * settings for {@code domain}: an EXCH and an EXPR protocol, each with {@link #ewsUrl} as
   * its EwsUrl and ASUrl, as Exchange sends them. (ews-java-api 2.0 reads ExternalEwsUrl from
   * EXPR and InternalEwsUrl from EXCH; it looks for an element spelled {@code EWSUrl}, which
   * Exchange does not send, and so finds the EWS URL through ASUrl.)
   */
  static void autodiscover(FixtureHost server, String hostName, String domain) {
    String settings = PoxResponses.settings()
        .displayName("Benchmark mailbox")
        .protocol("EXCH").server("mail." + domain).asUrl(ewsUrl(domain)).ewsUrl(ewsUrl(domain))
        .ttlHours(1)
        .protocol("EXPR").server("mail." + domain).asUrl(ewsUrl(domain)).ewsUrl(ewsUrl(domain))
        .ttlHours(1)
        .build();
    server.wireMock().stubFor(post(urlPathMatching("(?i)/autodiscover/autodiscover\\.xml"))
        .withHost(equalToIgnoreCase(hostName))
        .willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", FixtureHost.XML_CONTENT_TYPE)
            .withBody(settings)));
  }

  /**
   * Makes {@code server} answer every request as a public web site without an Autodiscover
   * page does: 404 and a short HTML page, at once.
   */
  static void webSiteWithoutAutodiscover(FixtureHost server) {
    server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody("<!DOCTYPE html><html><head><title>Not Found</title></head>"
            + "<body><h1>Not Found</h1></body></html>\n")));
  }
}

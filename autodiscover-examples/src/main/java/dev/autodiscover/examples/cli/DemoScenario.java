package dev.autodiscover.examples.cli;

import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.TestCertificateAuthority;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.tls.HeldCertificate;

/**
 * One story the demo plays on loopback: the hosts and records it sets up, and the address it
 * resolves.
 *
 * @param name the name {@code demo NAME} runs it by
 * @param title one line saying what the story is
 * @param email the address resolved
 * @param setUp starts the story's hosts and records in a fresh network
 */
record DemoScenario(String name, String title, String email, Consumer<FixtureNetwork> setUp) {
  private static final String EWS = "https://mail.contoso.test/EWS/Exchange.asmx";

  /** The built-in stories, in the order the demo plays them. */
  static List<DemoScenario> all() {
    return List.of(
        new DemoScenario("working-domain",
            "autodiscover.contoso.test answers; the root domain has no web server",
            "alice@contoso.test",
            network -> network.httpsHost("autodiscover.contoso.test").respondWithPox(settings("alice@contoso.test"))),
        brokenRootSite("root-certificate-www-only",
            "https://contoso.test serves a certificate for www.contoso.test only",
            ca -> ca.issue("www.contoso.test")),
        brokenRootSite("expired-root-certificate",
            "https://contoso.test serves an expired certificate",
            ca -> ca.issueExpired("contoso.test")),
        brokenRootSite("wildcard-root-certificate",
            "https://contoso.test serves *.contoso.test, which never covers contoso.test itself",
            ca -> ca.issueWildcard("contoso.test")),
        new DemoScenario("srv-record-fix",
            "autodiscover.contoso.test has the wrong certificate; an SRV record points to mail.contoso.test",
            "alice@contoso.test",
            network -> {
              TestCertificateAuthority ca = network.certificateAuthority();
              network.httpsHost("autodiscover.contoso.test", ca.issue("legacy.contoso.test"));
              network.httpsHost("mail.contoso.test").respondWithPox(settings("alice@contoso.test"));
              network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");
            }),
        new DemoScenario("redirect-addr",
            "a hybrid deployment sends the mailbox's real address in the tenant domain",
            "alice@contoso.test",
            network -> {
              network.httpsHost("autodiscover.contoso.test")
                  .respondWithPox(PoxResponses.redirectAddr("alice@contoso.mail.example.test"));
              network.httpsHost("autodiscover.contoso.mail.example.test")
                  .respondWithPox(settings("alice@contoso.mail.example.test"));
            }),
        new DemoScenario("nothing-published",
            "fabrikam.test publishes no Autodiscover at all",
            "bob@fabrikam.test",
            network -> { }));
  }

  /** The root domain's web site has a bad certificate; autodiscover.contoso.test works. */
  private static DemoScenario brokenRootSite(
      String name, String title, Function<TestCertificateAuthority, HeldCertificate> certificate) {
    return new DemoScenario(name, title, "alice@contoso.test", network -> {
      network.httpsHost("contoso.test", certificate.apply(network.certificateAuthority())).serveWebSite();
      network.httpsHost("autodiscover.contoso.test").respondWithPox(settings("alice@contoso.test"));
    });
  }

  private static String settings(String email) {
    return PoxResponses.settings("Alice", email, EWS);
  }
}

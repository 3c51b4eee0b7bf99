package dev.autodiscover.examples.cli;

import dev.autodiscover.ActiveDirectory;
import dev.autodiscover.testkit.FixtureDirectory;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.TestCertificateAuthority;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.tls.HeldCertificate;

/**
 * One story the demo plays on loopback: the hosts, records and directory it sets up, the resolver
 * settings it needs, and the address it resolves.
 *
 * @param name the name {@code demo NAME} runs it by
 * @param title one line saying what the story is
 * @param email the address resolved
 * @param setUp starts the story's hosts, records and directories on a fresh stage, and adds the
 *     resolver settings the story needs
 */
record DemoScenario(String name, String title, String email, Consumer<DemoStage> setUp) {
  private static final String EWS = "https://mail.contoso.test/EWS/Exchange.asmx";

  /** The built-in stories, in the order the demo plays them. */
  static List<DemoScenario> all() {
    return List.of(
        new DemoScenario("working-domain",
            "autodiscover.contoso.test answers; the root domain has no web server",
            "alice@contoso.test",
            stage -> stage.network().httpsHost("autodiscover.contoso.test")
                .respondWithPox(settings("alice@contoso.test"))),
        brokenRootSite("root-certificate-www-only",
            "https://contoso.test serves the web site with a certificate for www.contoso.test only",
            ca -> ca.issue("www.contoso.test")),
        brokenRootSite("expired-root-certificate",
            "https://contoso.test serves the web site with an expired certificate",
            ca -> ca.issueExpired("contoso.test")),
        brokenRootSite("wildcard-root-certificate",
            "https://contoso.test serves *.contoso.test, which never covers contoso.test itself",
            ca -> ca.issueWildcard("contoso.test")),
        new DemoScenario("srv-record-fix",
            "autodiscover.contoso.test has a certificate for mail.contoso.test only;"
                + " an SRV record points to mail.contoso.test",
            "alice@contoso.test",
            stage -> {
              FixtureNetwork network = stage.network();
              network.httpsHost("autodiscover.contoso.test", network.certificateAuthority().issue("mail.contoso.test"));
              network.httpsHost("mail.contoso.test").respondWithPox(settings("alice@contoso.test"));
              network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");
            }),
        new DemoScenario("scp-netbios-name",
            "the SCP in Active Directory holds https://casserver/...; the certificate says mail.contoso.test",
            "alice@contoso.test",
            DemoScenario::scpNamingANetbiosServer),
        new DemoScenario("redirect-to-self-signed",
            "the legacy server redirects to ex2019.contoso.test, whose certificate is self-signed",
            "alice@contoso.test",
            stage -> {
              FixtureNetwork network = stage.network();
              network.httpsHost("autodiscover.contoso.test").respondWithPox(
                  PoxResponses.redirectUrl("https://ex2019.contoso.test/autodiscover/autodiscover.xml"));
              network.httpsHost("ex2019.contoso.test", TestCertificateAuthority.selfSigned("ex2019.contoso.test"))
                  .respondWithPox(settings("alice@contoso.test"));
            }),
        new DemoScenario("redirect-addr",
            "a hybrid deployment sends the mailbox's real address in the tenant domain",
            "alice@contoso.test",
            stage -> {
              stage.network().httpsHost("autodiscover.contoso.test")
                  .respondWithPox(PoxResponses.redirectAddr("alice@contoso.mail.example.test"));
              stage.network().httpsHost("autodiscover.contoso.mail.example.test")
                  .respondWithPox(settings("alice@contoso.mail.example.test"));
            }),
        new DemoScenario("office365-alias",
            "autodiscover.contoso.test is a CNAME to autodiscover.outlook.com, which serves Microsoft's certificate",
            "alice@contoso.test",
            stage -> {
              FixtureNetwork network = stage.network();
              network.httpsHost("autodiscover.outlook.com").respondWithPox(settings("alice@contoso.test"));
              network.dns().addCname("autodiscover.contoso.test", "autodiscover.outlook.com");
              network.httpsHost("outlook.office365.com").respondWithPox(settings("alice@contoso.test"));
            }),
        new DemoScenario("nothing-published",
            "fabrikam.test publishes no Autodiscover at all",
            "bob@fabrikam.test",
            stage -> { }));
  }

  /** Returns the story of that name. */
  static Optional<DemoScenario> named(String name) {
    return all().stream().filter(scenario -> scenario.name().equals(name)).findFirst();
  }

  /** The root domain's web site has a bad certificate; autodiscover.contoso.test works. */
  private static DemoScenario brokenRootSite(
      String name, String title, Function<TestCertificateAuthority, HeldCertificate> certificate) {
    return new DemoScenario(name, title, "alice@contoso.test", stage -> {
      FixtureNetwork network = stage.network();
      network.httpsHost("contoso.test", certificate.apply(network.certificateAuthority())).serveWebSite();
      network.httpsHost("autodiscover.contoso.test").respondWithPox(settings("alice@contoso.test"));
    });
  }

  /**
   * Active Directory (dc1.contoso.test) publishes the Client Access server by its NetBIOS name,
   * CASSERVER, whose certificate holds mail.contoso.test only; autodiscover.contoso.test answers.
   */
  private static void scpNamingANetbiosServer(DemoStage stage) {
    FixtureNetwork network = stage.network();
    FixtureDirectory directory = stage.directory(FixtureDirectory.forDomain("contoso.test"), "dc1.contoso.test");
    directory.addServiceUrl("CASSERVER", "https://casserver/autodiscover/autodiscover.xml",
        Instant.parse("2016-04-01T09:00:00Z"));
    network.httpsHost("casserver", network.certificateAuthority().issue("mail.contoso.test"))
        .respondWithPox(settings("alice@contoso.test"));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(settings("alice@contoso.test"));
    stage.configure(resolver ->
        resolver.activeDirectory(ActiveDirectory.server(URI.create("ldap://dc1.contoso.test"))));
  }

  private static String settings(String email) {
    return PoxResponses.settings("Alice", email, EWS);
  }
}

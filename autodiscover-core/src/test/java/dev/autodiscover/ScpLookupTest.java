package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.testkit.FixtureDirectory;
import dev.autodiscover.testkit.ReceivedLdapRequest;
import dev.autodiscover.tls.CertificateProblem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The SCP step against real LDAP servers on loopback that look like Active Directory. */
class ScpLookupTest extends LoopbackTest {
  private static final Instant OLD = Instant.parse("2015-06-01T08:00:00Z");
  private static final Instant MIDDLE = Instant.parse("2018-06-01T08:00:00Z");
  private static final Instant NEW = Instant.parse("2021-06-01T08:00:00Z");
  private static final String BIND_DN = "CN=svc-mail,CN=Users,DC=corp,DC=test";

  private final List<FixtureDirectory> directories = new ArrayList<>();

  @AfterEach
  void closeDirectories() {
    directories.forEach(FixtureDirectory::close);
  }

  /** Starts a directory for {@code adDomain} reachable as {@code ldap://<host>} (port 389). */
  private FixtureDirectory directory(String adDomain, String host) {
    return directory(FixtureDirectory.forDomain(adDomain), host, 389);
  }

  private FixtureDirectory directory(FixtureDirectory.Builder builder, String host, int port) {
    FixtureDirectory directory = builder.start();
    directories.add(directory);
    network.route(host, port, directory.port());
    return directory;
  }

  private AutodiscoverResolver.Builder resolver(ActiveDirectory activeDirectory) {
    return Loopback.resolver(network)
        .strategies(Strategies.scp(), Strategies.prefixedHost())
        .activeDirectory(activeDirectory);
  }

  private static ActiveDirectory at(String url) {
    return ActiveDirectory.server(URI.create(url));
  }

  private void answers(String host, String email) {
    network.httpsHost(host).respondWithPox(Loopback.settings(email));
  }

  @Test
  void withoutADirectoryTheStepIsSkippedAndSaysHowToConfigureIt() {
    answers("autodiscover.corp.test", "alice@corp.test");

    AutodiscoverResult result = Loopback.resolver(network).strategies(Strategies.defaults()).build()
        .resolve("alice@corp.test");

    assertThat(result.resolved()).as(result.describe()).isTrue();
    Attempt first = result.attempts().get(0);
    assertThat(first.method()).isEqualTo(DiscoveryMethod.SCP);
    assertThat(first.outcome()).isEqualTo(AttemptOutcome.SKIPPED);
    assertThat(first.detail()).contains("no Active Directory configured");
  }

  @Test
  void urlsOfTheClientsSiteComeFirstThenThoseWithoutASiteThenOtherSites() {
    FixtureDirectory directory = directory("corp.test", "dc1.corp.test");
    directory.addServiceUrl("EX-OSLO", Loopback.autodiscoverUrl("ex-oslo.corp.test"), OLD, "Site=Oslo");
    directory.addServiceUrl("EX-ANY", Loopback.autodiscoverUrl("ex-any.corp.test"), MIDDLE);
    directory.addServiceUrl("EX-BERLIN", Loopback.autodiscoverUrl("ex-berlin.corp.test"), NEW, "Site=Berlin");
    network.unreachableHost("ex-berlin.corp.test");
    network.unreachableHost("ex-any.corp.test");
    answers("ex-oslo.corp.test", "alice@corp.test");

    AutodiscoverResult result = resolver(at("ldap://dc1.corp.test").withSite("Berlin")).build()
        .resolve("alice@corp.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(Loopback.autodiscoverUrl("ex-oslo.corp.test")), DiscoveryMethod.SCP));
    assertThat(result.attempts()).extracting(Attempt::method, Attempt::url, Attempt::outcome).containsExactly(
        tuple(DiscoveryMethod.SCP, "ldap://dc1.corp.test", AttemptOutcome.REDIRECTED),
        tuple(DiscoveryMethod.SCP, Loopback.autodiscoverUrl("ex-berlin.corp.test"), AttemptOutcome.CONNECT_FAILED),
        tuple(DiscoveryMethod.SCP, Loopback.autodiscoverUrl("ex-any.corp.test"), AttemptOutcome.CONNECT_FAILED),
        tuple(DiscoveryMethod.SCP, Loopback.autodiscoverUrl("ex-oslo.corp.test"), AttemptOutcome.SUCCESS));
    assertThat(result.attempts().get(0).detail())
        .startsWith("3 serviceConnectionPoints under CN=Configuration,DC=corp,DC=test: 1. EX-BERLIN URL")
        .contains("[Site=Berlin, this site, created 2021-06-01T08:00:00Z]; 2. EX-ANY URL")
        .contains("[no site, created 2018-06-01T08:00:00Z]; 3. EX-OSLO URL")
        .endsWith("[Site=Oslo, another site, created 2015-06-01T08:00:00Z]");
  }

  @Test
  void withinAGroupTheOldestObjectIsTriedFirst() {
    FixtureDirectory directory = directory("corp.test", "dc1.corp.test");
    directory.addServiceUrl("EX-NEW", Loopback.autodiscoverUrl("ex-new.corp.test"), NEW);
    directory.addServiceUrl("EX-OLD", Loopback.autodiscoverUrl("ex-old.corp.test"), OLD);
    answers("ex-new.corp.test", "alice@corp.test");
    answers("ex-old.corp.test", "alice@corp.test");

    AutodiscoverResult result = resolver(at("ldap://dc1.corp.test")).build().resolve("alice@corp.test");

    assertThat(result.endpoint()).map(Endpoint::url).as(result.describe())
        .contains(URI.create(Loopback.autodiscoverUrl("ex-old.corp.test")));
    assertThat(network.hosts()).filteredOn(host -> host.name().equals("ex-new.corp.test"))
        .singleElement().satisfies(host -> assertThat(host.requests()).isEmpty());
  }

  @Test
  void aPointerForTheAddressDomainRestartsTheSearchOnTheServerItNames() {
    FixtureDirectory corp = directory("corp.test", "dc1.corp.test");
    corp.addServiceUrl("EX-CORP", Loopback.autodiscoverUrl("ex.corp.test"), OLD);
    corp.addPointer("contoso", "LDAP://dc1.contoso.test", MIDDLE, "Domain=contoso.test");
    FixtureDirectory contoso = directory("contoso.test", "dc1.contoso.test");
    contoso.addServiceUrl("EX-CONTOSO", Loopback.autodiscoverUrl("ex.contoso.test"), OLD);
    answers("ex.corp.test", "alice@contoso.test");
    answers("ex.contoso.test", "alice@contoso.test");

    AutodiscoverResult result = resolver(at("ldap://dc1.corp.test")).build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).map(Endpoint::url).as(result.describe())
        .contains(URI.create(Loopback.autodiscoverUrl("ex.contoso.test")));
    assertThat(result.attempts()).extracting(Attempt::url, Attempt::outcome).containsExactly(
        tuple("ldap://dc1.corp.test", AttemptOutcome.REDIRECTED),
        tuple("ldap://dc1.contoso.test", AttemptOutcome.REDIRECTED),
        tuple(Loopback.autodiscoverUrl("ex.contoso.test"), AttemptOutcome.SUCCESS));
    assertThat(result.attempts().get(0).detail())
        .contains("contoso pointer LDAP://dc1.contoso.test (for contoso.test: the search restarts there)")
        .endsWith("searching ldap://dc1.contoso.test next");
    assertThat(contoso.requests()).extracting(ReceivedLdapRequest::dn)
        .contains(contoso.configurationNamingContext());
  }

  @Test
  void aPointerForAnotherDomainIsIgnored() {
    FixtureDirectory corp = directory("corp.test", "dc1.corp.test");
    corp.addPointer("fabrikam", "LDAP://dc1.fabrikam.test", OLD, "Domain=fabrikam.test");
    corp.addServiceUrl("EX-CORP", Loopback.autodiscoverUrl("ex.corp.test"), NEW);
    FixtureDirectory fabrikam = directory("fabrikam.test", "dc1.fabrikam.test");
    answers("ex.corp.test", "alice@corp.test");

    AutodiscoverResult result = resolver(at("ldap://dc1.corp.test")).build().resolve("alice@corp.test");

    assertThat(result.endpoint()).map(Endpoint::url).as(result.describe())
        .contains(URI.create(Loopback.autodiscoverUrl("ex.corp.test")));
    assertThat(fabrikam.requests()).isEmpty();
  }

  @Test
  void anUnscopedPointerIsNotFollowedWhenTheDirectoryHoldsAUrl() {
    FixtureDirectory corp = directory("corp.test", "dc1.corp.test");
    corp.addPointer("elsewhere", "LDAP://dc1.elsewhere.test", OLD);
    corp.addServiceUrl("EX-CORP", Loopback.autodiscoverUrl("ex.corp.test"), NEW);
    FixtureDirectory elsewhere = directory("elsewhere.test", "dc1.elsewhere.test");
    answers("ex.corp.test", "alice@corp.test");

    AutodiscoverResult result = resolver(at("ldap://dc1.corp.test")).build().resolve("alice@corp.test");

    assertThat(result.endpoint()).map(Endpoint::url).as(result.describe())
        .contains(URI.create(Loopback.autodiscoverUrl("ex.corp.test")));
    assertThat(result.attempts().get(0).detail()).contains("(unscoped: followed only if no URL is found)");
    assertThat(elsewhere.requests()).isEmpty();
  }

  @Test
  void anUnscopedPointerIsFollowedWhenTheDirectoryHoldsNoUrl() {
    FixtureDirectory corp = directory("corp.test", "dc1.corp.test");
    corp.addPointer("elsewhere", "LDAP://dc1.elsewhere.test", OLD);
    FixtureDirectory elsewhere = directory("elsewhere.test", "dc1.elsewhere.test");
    elsewhere.addServiceUrl("EX-ELSEWHERE", Loopback.autodiscoverUrl("ex.elsewhere.test"), OLD);
    answers("ex.elsewhere.test", "alice@corp.test");

    AutodiscoverResult result = resolver(at("ldap://dc1.corp.test")).build().resolve("alice@corp.test");

    assertThat(result.endpoint()).map(Endpoint::url).as(result.describe())
        .contains(URI.create(Loopback.autodiscoverUrl("ex.elsewhere.test")));
    assertThat(result.attempts()).extracting(Attempt::url, Attempt::outcome).startsWith(
        tuple("ldap://dc1.corp.test", AttemptOutcome.REDIRECTED),
        tuple("ldap://dc1.elsewhere.test", AttemptOutcome.REDIRECTED));
  }

  @Test
  void aPointerLoopEndsTheStepAndTheResolutionGoesOn() {
    FixtureDirectory corp = directory("corp.test", "dc1.corp.test");
    corp.addPointer("to-b", "LDAP://dc1.b.test", OLD, "Domain=corp.test");
    FixtureDirectory b = directory("b.test", "dc1.b.test");
    b.addPointer("back-to-corp", "LDAP://DC1.corp.test:389", OLD, "Domain=corp.test");
    answers("autodiscover.corp.test", "alice@corp.test");

    AutodiscoverResult result = resolver(at("ldap://dc1.corp.test")).build().resolve("alice@corp.test");

    assertThat(result.endpoint()).map(Endpoint::method).as(result.describe()).contains(DiscoveryMethod.PREFIXED_HOST);
    assertThat(result.attempts()).extracting(Attempt::url, Attempt::outcome).containsExactly(
        tuple("ldap://dc1.corp.test", AttemptOutcome.REDIRECTED),
        tuple("ldap://dc1.b.test", AttemptOutcome.INVALID_REDIRECT),
        tuple(Loopback.autodiscoverUrl("autodiscover.corp.test"), AttemptOutcome.SUCCESS));
    assertThat(result.attempts().get(1).detail())
        .endsWith("the pointer leads back to ldap://dc1.corp.test:389, already searched: the SCP step ends here");
    assertThat(corp.requests()).filteredOn(r -> r.operation().equals(ReceivedLdapRequest.SEARCH))
        .extracting(ReceivedLdapRequest::dn).containsOnlyOnce(corp.configurationNamingContext());
  }

  @Test
  void noMoreThanTenPointersAreFollowed() {
    for (int i = 0; i <= 11; i++) {
      FixtureDirectory hop = directory("hop" + i + ".test", "dc.hop" + i + ".test");
      hop.addPointer("next", "LDAP://dc.hop" + (i + 1) + ".test", OLD);
    }
    answers("autodiscover.corp.test", "alice@corp.test");

    AutodiscoverResult result = resolver(at("ldap://dc.hop0.test")).build().resolve("alice@corp.test");

    assertThat(result.resolved()).as(result.describe()).isTrue();
    List<Attempt> searches = result.attempts().stream().filter(a -> a.url().startsWith("ldap:")).toList();
    assertThat(searches).hasSize(11);
    assertThat(searches.get(10).outcome()).isEqualTo(AttemptOutcome.INVALID_REDIRECT);
    assertThat(searches.get(10).detail()).endsWith("more than 10 pointer hops");
    assertThat(directories.get(11).requests()).isEmpty();
  }

  @Test
  void anUnreachableDirectoryIsRecordedAndTheResolutionGoesOn() {
    network.unreachableHost("dc1.corp.test");
    answers("autodiscover.corp.test", "alice@corp.test");

    AutodiscoverResult result = resolver(at("ldap://dc1.corp.test")).build().resolve("alice@corp.test");

    assertThat(result.endpoint()).map(Endpoint::method).as(result.describe()).contains(DiscoveryMethod.PREFIXED_HOST);
    Attempt search = result.attempts().get(0);
    assertThat(search.outcome()).isEqualTo(AttemptOutcome.CONNECT_FAILED);
    assertThat(search.detail()).startsWith("cannot connect to ldap://dc1.corp.test: Connection refused");
  }

  @Test
  @Timeout(30)
  void aDirectoryThatNeverAnswersEndsWithinTheRequestTimeout() throws IOException {
    for (String scheme : List.of("ldap", "ldaps")) {
      try (Silent silent = new Silent()) {
        AutodiscoverResult result = resolver(at(scheme + "://127.0.0.1:" + silent.port()))
            .requestTimeout(Duration.ofMillis(500)).build().resolve("alice@corp.test");

        Attempt search = result.attempts().get(0);
        assertThat(search.outcome()).as(scheme + ": " + result.describe()).isEqualTo(AttemptOutcome.TIMEOUT);
        assertThat(search.detail()).isEqualTo(scheme + "://127.0.0.1:" + silent.port() + " did not answer in time");
        assertThat(silent.accepted).as(scheme).isNotEmpty();
      }
    }
  }

  @Test
  void domainControllersAreFoundThroughDnsTheSitesFirstAndTriedUntilOneAnswers() {
    network.unreachableHost("dc-berlin.corp.test");
    FixtureDirectory directory = directory("corp.test", "dc2.corp.test");
    directory.addServiceUrl("EX1", Loopback.autodiscoverUrl("ex1.corp.test"), OLD);
    network.dns().addSrv("_ldap._tcp.Berlin._sites.dc._msdcs.corp.test", 0, 100, 389, "dc-berlin.corp.test");
    network.dns().addSrv("_ldap._tcp.dc._msdcs.corp.test", 0, 100, 389, "dc-berlin.corp.test");
    network.dns().addSrv("_ldap._tcp.dc._msdcs.corp.test", 10, 100, 389, "dc2.corp.test");
    answers("ex1.corp.test", "alice@corp.test");

    AutodiscoverResult result = resolver(ActiveDirectory.domain("corp.test").withSite("Berlin")).build()
        .resolve("alice@corp.test");

    assertThat(result.endpoint()).map(Endpoint::url).as(result.describe())
        .contains(URI.create(Loopback.autodiscoverUrl("ex1.corp.test")));
    assertThat(result.attempts()).extracting(Attempt::url, Attempt::outcome).containsExactly(
        tuple("_ldap._tcp.Berlin._sites.dc._msdcs.corp.test", AttemptOutcome.REDIRECTED),
        tuple("_ldap._tcp.dc._msdcs.corp.test", AttemptOutcome.REDIRECTED),
        tuple("ldap://dc-berlin.corp.test:389", AttemptOutcome.CONNECT_FAILED),
        tuple("ldap://dc2.corp.test:389", AttemptOutcome.REDIRECTED),
        tuple(Loopback.autodiscoverUrl("ex1.corp.test"), AttemptOutcome.SUCCESS));
  }

  @Test
  void domainControllerTargetsThatAreNotHostNamesAreIgnoredAndSaidSo() {
    FixtureDirectory directory = directory("corp.test", "dc1.corp.test");
    directory.addServiceUrl("EX1", Loopback.autodiscoverUrl("ex1.corp.test"), OLD);
    network.dns().addSrv("_ldap._tcp.dc._msdcs.corp.test", 0, 0, 389, "dc\\032one.corp.test")
        .addSrv("_ldap._tcp.dc._msdcs.corp.test", 10, 0, 389, "dc1.corp.test");
    answers("ex1.corp.test", "alice@corp.test");

    AutodiscoverResult result = resolver(ActiveDirectory.domain("corp.test")).build().resolve("alice@corp.test");

    assertThat(result.attempts()).as(result.describe()).extracting(Attempt::url, Attempt::outcome, Attempt::detail)
        .startsWith(tuple("_ldap._tcp.dc._msdcs.corp.test", AttemptOutcome.REDIRECTED,
            "1 domain controller(s): [dc1.corp.test:389]; ignored ['dc\\032one.corp.test']: not host names"));
    assertThat(result.endpoint()).map(Endpoint::url).as(result.describe())
        .contains(URI.create(Loopback.autodiscoverUrl("ex1.corp.test")));
  }

  @Test
  void domainControllerSrvRecordsWithoutAHostNameEndTheStepAndTheResolutionGoesOn() {
    answers("autodiscover.corp.test", "alice@corp.test");
    network.dns().addSrv("_ldap._tcp.dc._msdcs.corp.test", 0, 0, 389, "*.corp.test");

    AutodiscoverResult result = resolver(ActiveDirectory.domain("corp.test")).build().resolve("alice@corp.test");

    assertThat(result.attempts()).as(result.describe()).extracting(Attempt::url, Attempt::outcome, Attempt::detail)
        .containsExactly(
            tuple("_ldap._tcp.dc._msdcs.corp.test", AttemptOutcome.INVALID_REDIRECT,
                "1 SRV record(s); ignored ['*.corp.test']: not host names"),
            tuple(Loopback.autodiscoverUrl("autodiscover.corp.test"), AttemptOutcome.SUCCESS,
                "Autodiscover settings received"));
  }

  @Test
  void aDomainWithoutDomainControllersInDnsIsRecordedAndTheResolutionGoesOn() {
    answers("autodiscover.corp.test", "alice@corp.test");

    AutodiscoverResult result = resolver(ActiveDirectory.domain("corp.test")).build().resolve("alice@corp.test");

    assertThat(result.attempts()).extracting(Attempt::url, Attempt::outcome).containsExactly(
        tuple("_ldap._tcp.dc._msdcs.corp.test", AttemptOutcome.DNS_FAILED),
        tuple(Loopback.autodiscoverUrl("autodiscover.corp.test"), AttemptOutcome.SUCCESS));
  }

  @Test
  void aDirectoryWithoutAutodiscoverObjectsIsNotFound() {
    directory("corp.test", "dc1.corp.test");
    answers("autodiscover.corp.test", "alice@corp.test");

    AutodiscoverResult result = resolver(at("ldap://dc1.corp.test")).build().resolve("alice@corp.test");

    Attempt search = result.attempts().get(0);
    assertThat(search.outcome()).isEqualTo(AttemptOutcome.NOT_FOUND);
    assertThat(search.detail()).isEqualTo("no Autodiscover serviceConnectionPoint under CN=Configuration,DC=corp,DC=test");
    assertThat(result.resolved()).isTrue();
  }

  @Test
  void aSimpleBindReadsADirectoryThatRefusesAnonymousSearches() {
    FixtureDirectory directory = directory(
        FixtureDirectory.forDomain("corp.test").user(BIND_DN, "correct horse").requireBind(), "dc1.corp.test", 389);
    directory.addServiceUrl("EX1", Loopback.autodiscoverUrl("ex1.corp.test"), OLD);
    answers("ex1.corp.test", "alice@corp.test");

    AutodiscoverResult result = resolver(at("ldap://dc1.corp.test")
        .withBind(DirectoryBind.simple(BIND_DN, "correct horse".toCharArray()))).build().resolve("alice@corp.test");

    assertThat(result.endpoint()).map(Endpoint::method).as(result.describe()).contains(DiscoveryMethod.SCP);
    assertThat(directory.requests()).contains(new ReceivedLdapRequest(ReceivedLdapRequest.BIND, BIND_DN, "", ""));
  }

  @Test
  void aRefusedBindIsUnauthorizedNamesTheAccountNotThePasswordAndTheResolutionGoesOn() {
    directory(FixtureDirectory.forDomain("corp.test").user(BIND_DN, "correct horse").requireBind(), "dc1.corp.test", 389);
    answers("autodiscover.corp.test", "alice@corp.test");

    AutodiscoverResult result = resolver(at("ldap://dc1.corp.test")
        .withBind(DirectoryBind.simple(BIND_DN, "battery staple".toCharArray()))).build().resolve("alice@corp.test");

    Attempt search = result.attempts().get(0);
    assertThat(search.outcome()).isEqualTo(AttemptOutcome.UNAUTHORIZED);
    assertThat(search.detail()).startsWith("the simple bind as " + BIND_DN + " to ldap://dc1.corp.test failed: ")
        .contains("(LDAP error 49)")
        .doesNotContain("battery");
    assertThat(result.describe()).doesNotContain("battery");
    assertThat(result.endpoint()).map(Endpoint::method).contains(DiscoveryMethod.PREFIXED_HOST);
  }

  @Test
  void anAnonymousSearchRefusedAsActiveDirectoryRefusesItIsUnauthorized() {
    directory(FixtureDirectory.forDomain("corp.test").requireBind(), "dc1.corp.test", 389);

    AutodiscoverResult result = resolver(at("ldap://dc1.corp.test")).build().resolve("alice@corp.test");

    Attempt search = result.attempts().get(0);
    assertThat(search.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.UNAUTHORIZED);
    assertThat(search.detail()).startsWith("ldap://dc1.corp.test refused the search to the anonymous bind")
        .contains("000004DC");
  }

  @Test
  void aKerberosBindWithoutCredentialsIsUnauthorized() {
    directory("corp.test", "dc1.corp.test");

    for (DirectoryBind kerberos : List.of(DirectoryBind.kerberos(), DirectoryBind.kerberos(new Subject()))) {
      AutodiscoverResult result = resolver(at("ldap://dc1.corp.test").withBind(kerberos)).build()
          .resolve("alice@corp.test");

      Attempt search = result.attempts().get(0);
      assertThat(search.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.UNAUTHORIZED);
      // The JDK's message depends on the machine's Kerberos set-up (no realm, no ticket...).
      assertThat(search.detail()).startsWith("the Kerberos (GSSAPI) bind to ldap://dc1.corp.test failed: GSSAPI: ");
    }
  }

  @Test
  void anLdapsDirectoryIsReadWithTheResolversTrust() {
    FixtureDirectory directory = directory(FixtureDirectory.forDomain("corp.test")
        .ldaps(network.certificateAuthority().issue("dc1.corp.test")), "dc1.corp.test", 636);
    directory.addServiceUrl("EX1", Loopback.autodiscoverUrl("ex1.corp.test"), OLD);
    answers("ex1.corp.test", "alice@corp.test");

    AutodiscoverResult result = resolver(at("ldaps://dc1.corp.test")).build().resolve("alice@corp.test");

    assertThat(result.endpoint()).map(Endpoint::method).as(result.describe()).contains(DiscoveryMethod.SCP);
  }

  @Test
  void anLdapsCertificateForAnotherNameIsRejectedWithItsDiagnosis() {
    directory(FixtureDirectory.forDomain("corp.test")
        .ldaps(network.certificateAuthority().issue("dc9.corp.test")), "dc1.corp.test", 636);

    AutodiscoverResult result = resolver(at("ldaps://dc1.corp.test")).build().resolve("alice@corp.test");

    Attempt search = result.attempts().get(0);
    assertThat(search.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.CERTIFICATE_REJECTED);
    assertThat(search.certificate()).hasValueSatisfying(diagnosis -> {
      assertThat(diagnosis.problems()).contains(CertificateProblem.NAME_MISMATCH);
      assertThat(diagnosis.dnsNames()).containsExactly("dc9.corp.test");
    });
  }

  @Test
  void anScpUrlNamingAServerNotOnTheCertificateFallsBackAndSaysWhatToChange() {
    FixtureDirectory directory = directory("corp.test", "dc1.corp.test");
    directory.addServiceUrl("CASSERVER", "https://casserver/autodiscover/autodiscover.xml", OLD);
    network.httpsHost("casserver", network.certificateAuthority().issue("mail.corp.test"))
        .respondWithPox(Loopback.settings("alice@corp.test"));
    answers("autodiscover.corp.test", "alice@corp.test");

    AutodiscoverResult result = resolver(at("ldap://dc1.corp.test")).build().resolve("alice@corp.test");

    assertThat(result.endpoint()).map(Endpoint::method).as(result.describe()).contains(DiscoveryMethod.PREFIXED_HOST);
    Attempt rejected = result.attempts().get(1);
    assertThat(rejected.url()).isEqualTo("https://casserver/autodiscover/autodiscover.xml");
    assertThat(rejected.outcome()).isEqualTo(AttemptOutcome.CERTIFICATE_REJECTED);
    assertThat(result.remediation()).anySatisfy(advice -> assertThat(advice).contains(
        "Set-ClientAccessServer -Identity CASSERVER -AutoDiscoverServiceInternalUri"
            + " https://mail.corp.test/autodiscover/autodiscover.xml"));
  }

  /** A TCP server on loopback that accepts connections and never says a word. */
  private static final class Silent implements AutoCloseable {
    final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    final List<Socket> accepted = new CopyOnWriteArrayList<>();
    final Thread acceptor = new Thread(this::accept, "silent-ldap");

    Silent() throws IOException {
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    private void accept() {
      try {
        while (true) {
          accepted.add(server.accept());
        }
      } catch (IOException e) {
        // closed
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }
}

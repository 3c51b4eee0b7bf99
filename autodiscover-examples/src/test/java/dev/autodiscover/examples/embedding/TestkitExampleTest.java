package dev.autodiscover.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Endpoint;
import dev.autodiscover.Probing;
import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.testkit.DnsQuery;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.FixtureNetworkExtension;
import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.ReceivedRequest;
import dev.autodiscover.testkit.TestCertificateAuthority;
import dev.autodiscover.tls.CertificateProblem;
import dev.autodiscover.tls.TrustConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How to stub DNS and HTTPS in a JUnit 5 test with the test kit: a pretend contoso.test on
 * loopback whose root web site has the wrong certificate, an Autodiscover host answering POX, and
 * an SRV record; then assertions on the result, the DNS names queried and the requests received.
 *
 * <p>Add {@code dev.autodiscover:autodiscover-testkit} with test scope. Everything binds to
 * 127.0.0.1 on ports the system picks; no root, no internet, no fixed ports.
 */
@ExtendWith(FixtureNetworkExtension.class) // a fresh FixtureNetwork per test, closed after it
class TestkitExampleTest {
  private static final String EWS_URL = "https://mail.contoso.test/EWS/Exchange.asmx";
  private static final String SETTINGS = PoxResponses.settings("Alice", "alice@contoso.test", EWS_URL);

  /** The resolver under test, as production builds it, plus the three wires into the network. */
  private static AutodiscoverResolver resolverFor(FixtureNetwork network) {
    return AutodiscoverResolver.builder()
        .dnsClient(DnsClient.usingServers(network.dnsServer())) // 1. every DNS query to the stub server
        .socketFactory(network.socketFactory())                 // 2. host:443 and host:80 to the fixture hosts
        .trust(TrustConfiguration.of(List.of(network.certificateAuthority().certificate()))) // 3. the test CA
        // A test that asserts every attempt in order probes sequentially: on a busy machine a TLS
        // handshake can outlast the stagger, and a later step would then start early and join the story.
        .probing(Probing.sequential())
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  @Test
  void rootDomainWithTheWebSitesCertificateFallsBackToTheAutodiscoverHost(FixtureNetwork network) {
    TestCertificateAuthority ca = network.certificateAuthority();
    // https://contoso.test is the public web site, with a certificate for www.contoso.test only.
    FixtureHost root = network.httpsHost("contoso.test", ca.issue("www.contoso.test")).serveWebSite();
    // https://autodiscover.contoso.test has a certificate for its name, issued by the test CA.
    FixtureHost autodiscover = network.httpsHost("autodiscover.contoso.test").respondWithPox(SETTINGS);
    network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");

    AutodiscoverResult result = resolverFor(network).resolve("alice@contoso.test");

    // The endpoint, and the story of every step.
    assertThat(result.endpoint()).as(result.describe()).contains(new Endpoint(
        URI.create("https://autodiscover.contoso.test/autodiscover/autodiscover.xml"), DiscoveryMethod.PREFIXED_HOST));
    assertThat(result.attempts()).extracting(Attempt::method, Attempt::outcome).containsExactly(
        tuple(DiscoveryMethod.SCP, AttemptOutcome.SKIPPED),                   // no Active Directory given
        tuple(DiscoveryMethod.A_RECORD, AttemptOutcome.CERTIFICATE_REJECTED),
        tuple(DiscoveryMethod.PREFIXED_HOST, AttemptOutcome.SUCCESS));
    assertThat(result.attempts().get(1).certificate()).hasValueSatisfying(diagnosis -> {
      assertThat(diagnosis.problems()).containsExactly(CertificateProblem.NAME_MISMATCH);
      assertThat(diagnosis.dnsNames()).containsExactly("www.contoso.test");
    });
    assertThat(result.settings().flatMap(AutodiscoverSettings::ewsUrl)).contains(EWS_URL);

    // What was asked of DNS: the two hosts, and never the SRV record, as a higher step answered.
    assertThat(network.dns().queries()).extracting(DnsQuery::name)
        .contains("contoso.test", "autodiscover.contoso.test")
        .doesNotContain("_autodiscover._tcp.contoso.test");

    // What the hosts received: the web site nothing (its certificate was refused in the
    // handshake), the Autodiscover host one POX request for Alice, without credentials.
    assertThat(root.requests()).isEmpty();
    assertThat(autodiscover.requests()).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/autodiscover/autodiscover.xml");
      assertThat(request.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
      assertThat(request.body()).contains("<EMailAddress>alice@contoso.test</EMailAddress>");
      assertThat(request.hasHeader("Authorization")).isFalse();
    });
  }

  @Test
  void srvRecordLeadsToTheMailServerWhenTheAutodiscoverHostHasTheWrongCertificate(FixtureNetwork network) {
    TestCertificateAuthority ca = network.certificateAuthority();
    network.httpsHost("contoso.test", ca.issue("www.contoso.test")).serveWebSite();
    // autodiscover.contoso.test points at an old server whose certificate lacks that name...
    network.httpsHost("autodiscover.contoso.test", ca.issue("legacy.contoso.test")).respondWithPox(SETTINGS);
    // ...so the domain publishes an SRV record naming a host that is on a certificate.
    FixtureHost mail = network.httpsHost("mail.contoso.test").respondWithPox(SETTINGS);
    network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");

    AutodiscoverResult result = resolverFor(network).resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe()).contains(new Endpoint(
        URI.create("https://mail.contoso.test/autodiscover/autodiscover.xml"), DiscoveryMethod.SRV));
    assertThat(result.attempts()).extracting(Attempt::method, Attempt::outcome).containsExactly(
        tuple(DiscoveryMethod.SCP, AttemptOutcome.SKIPPED),
        tuple(DiscoveryMethod.A_RECORD, AttemptOutcome.CERTIFICATE_REJECTED),
        tuple(DiscoveryMethod.PREFIXED_HOST, AttemptOutcome.CERTIFICATE_REJECTED),
        tuple(DiscoveryMethod.HTTP_REDIRECT, AttemptOutcome.CONNECT_FAILED), // nothing serves port 80
        tuple(DiscoveryMethod.SRV, AttemptOutcome.REDIRECTED),               // the SRV lookup itself
        tuple(DiscoveryMethod.SRV, AttemptOutcome.SUCCESS));
    assertThat(result.attempts()).filteredOn(attempt -> attempt.certificate().isPresent())
        .extracting(attempt -> attempt.certificate().get().host())
        .containsExactly("contoso.test", "autodiscover.contoso.test");
    // The default consent allowed the SRV target: it lies inside contoso.test.
    assertThat(result.redirects()).singleElement().satisfies(redirect -> assertThat(redirect.allowed()).isTrue());

    assertThat(network.dns().queries())
        .extracting(DnsQuery::name, DnsQuery::type)
        .contains(tuple("_autodiscover._tcp.contoso.test", "SRV"), tuple("mail.contoso.test", "A"));
    assertThat(mail.requests()).extracting(ReceivedRequest::method, ReceivedRequest::scheme, ReceivedRequest::host)
        .containsExactly(tuple("POST", "https", "mail.contoso.test"));
  }
}

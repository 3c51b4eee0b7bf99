package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.spi.DnsClient;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A DNS server that never answers costs a step no more than the resolution's remaining time, not
 * the DNS client's own time limit (5 s a question at least).
 */
class SilentDnsServerTest {
  /** The per-question timeout of the default DNS client: waiting for it would take this long. */
  private static final Duration SILENT_QUESTION_COST = Duration.ofSeconds(5);

  private DatagramSocket silent;

  @BeforeEach
  void bindSilentServer() throws Exception {
    silent = new DatagramSocket(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
  }

  @AfterEach
  void closeSilentServer() {
    silent.close();
  }

  /**
   * Probes sequentially: the resolving thread then makes each lookup itself, so a lookup that
   * outlasts the time limit shows in how long the resolution takes (staggered, the race would end
   * on time and leave the lookup running on its own thread).
   */
  private AutodiscoverResolver.Builder resolver() {
    return AutodiscoverResolver.builder()
        .probing(Probing.sequential())
        .dnsClient(DnsClient.usingServers((InetSocketAddress) silent.getLocalSocketAddress()))
        .timeout(Duration.ofSeconds(1));
  }

  private static void assertGaveUpInTime(AutodiscoverResult result, long start) {
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as(result.describe()).isLessThan(SILENT_QUESTION_COST);
  }

  private static void assertLookupTimedOut(AutodiscoverResult result, String detail) {
    assertThat(result.attempts()).as(result.describe()).first()
        .satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DNS_FAILED))
        .satisfies(attempt -> assertThat(attempt.detail()).contains(detail));
  }

  @Test
  void srvStepGivesUpWhenTheResolutionsTimeIsUp() {
    long start = System.nanoTime();

    AutodiscoverResult result = resolver().strategies(Strategies.srv()).build().resolve("alice@contoso.test");

    assertGaveUpInTime(result, start);
    assertLookupTimedOut(result, "_autodiscover._tcp.contoso.test SRV lookup timed out after");
  }

  @Test
  void domainControllerLookupGivesUpWhenTheResolutionsTimeIsUp() {
    long start = System.nanoTime();

    AutodiscoverResult result = resolver().strategies(Strategies.scp())
        .activeDirectory(ActiveDirectory.domain("corp.test")).build().resolve("alice@contoso.test");

    assertGaveUpInTime(result, start);
    assertLookupTimedOut(result, "_ldap._tcp.dc._msdcs.corp.test SRV lookup timed out after");
  }

  @Test
  void directoryHostLookupGivesUpWhenTheSearchsTimeIsUp() {
    long start = System.nanoTime();

    AutodiscoverResult result = resolver().strategies(Strategies.scp())
        .activeDirectory(ActiveDirectory.server(URI.create("ldap://dc.corp.test"))).build().resolve("alice@contoso.test");

    assertGaveUpInTime(result, start);
    assertThat(result.attempts()).as(result.describe()).first()
        .satisfies(attempt -> assertThat(attempt.url()).isEqualTo("ldap://dc.corp.test"));
  }

  @Test
  void plainHttpStepGivesUpWhenTheResolutionsTimeIsUp() {
    long start = System.nanoTime();

    AutodiscoverResult result = resolver().strategies(Strategies.httpRedirect()).build().resolve("alice@contoso.test");

    assertGaveUpInTime(result, start);
    // The lookup and the call's own time limit end together; either may be the one reported.
    assertThat(result.attempts()).as(result.describe()).first()
        .satisfies(attempt -> assertThat(attempt.outcome()).isIn(AttemptOutcome.DNS_FAILED, AttemptOutcome.TIMEOUT));
  }

  @Test
  void candidatePostGivesUpWhenTheResolutionsTimeIsUp() {
    long start = System.nanoTime();

    AutodiscoverResult result = resolver().strategies(Strategies.prefixedHost()).build().resolve("alice@contoso.test");

    assertGaveUpInTime(result, start);
    assertThat(result.attempts()).as(result.describe()).first()
        .satisfies(attempt -> assertThat(attempt.outcome()).isIn(AttemptOutcome.DNS_FAILED, AttemptOutcome.TIMEOUT));
  }
}

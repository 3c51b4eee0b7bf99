package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.event.AttemptFinished;
import dev.autodiscover.event.AutodiscoverListener;
import dev.autodiscover.spi.Candidate;
import dev.autodiscover.spi.DiscoveryContext;
import dev.autodiscover.spi.DiscoveryStrategy;
import dev.autodiscover.spi.PendingAttempt;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.SilentHost;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Staggered probing on hosts that never answer: the next candidate does not wait for a dead one,
 * yet precedence decides which answer is taken, and host decisions wait their turn.
 */
class StaggeredProbingTest extends LoopbackTest {
  private static final String ROOT_URL = Loopback.autodiscoverUrl("contoso.test");
  private static final String PREFIXED_URL = Loopback.autodiscoverUrl("autodiscover.contoso.test");
  private static final String MAIL_URL = Loopback.autodiscoverUrl("mail.contoso.test");

  @Test
  void aRootDomainThatNeverAnswersTlsIsAbandonedOnceTheAutodiscoverHostAnswers() throws InterruptedException {
    SilentHost root = network.silentHost("contoso.test");
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network)
        .probing(Probing.staggered())
        .requestTimeout(Duration.ofSeconds(60))
        .build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(PREFIXED_URL), DiscoveryMethod.PREFIXED_HOST));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(ROOT_URL, AttemptOutcome.ABANDONED),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
    assertThat(result.attempts().get(0).detail())
        .isEqualTo("abandoned: " + PREFIXED_URL + " answered 500 ms earlier and comes after this one");
    assertThat(root.acceptedConnections()).isEqualTo(1);
    awaitClosed(root);
  }

  @Test
  void probingSequentiallyWaitsForTheSilentRootDomainToTimeOut() {
    network.silentHost("contoso.test");
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network)
        .probing(Probing.sequential())
        .requestTimeout(Duration.ofSeconds(1))
        .build().resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple(ROOT_URL, AttemptOutcome.TIMEOUT),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
  }

  @Test
  void anEarlierCandidateThatAnswersWithinPatienceWinsOverALaterOneThatAnsweredFirst() {
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    FixtureHost prefixed = network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    CountDownLatch laterAsked = new CountDownLatch(1);
    prefixed.wireMock().addMockServiceRequestListener((request, response) -> laterAsked.countDown());

    // Whether the later candidate's answer is in when the slow lookup ends or not, it comes second.
    AutodiscoverResult result = Loopback.resolver(network)
        .strategies(new SlowStrategy(laterAsked, MAIL_URL), Strategies.prefixedHost())
        .probing(Probing.staggered(Duration.ofMillis(50), Duration.ofSeconds(20)))
        .build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(MAIL_URL), SlowStrategy.METHOD));
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple("slow lookup", AttemptOutcome.REDIRECTED),
            tuple(MAIL_URL, AttemptOutcome.SUCCESS),
            tuple(PREFIXED_URL, AttemptOutcome.ABANDONED));
    assertThat(result.attempts().get(2).detail()).isEqualTo("abandoned: " + MAIL_URL + " answered first");
  }

  @Test
  void aLaterAnswerIsTakenOnceTheEarlierCandidateRunsPastThePatience() {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    CountDownLatch never = new CountDownLatch(1);

    AutodiscoverResult result = Loopback.resolver(network)
        .strategies(new SlowStrategy(never, MAIL_URL), Strategies.prefixedHost())
        .probing(Probing.staggered(Duration.ofMillis(50), Duration.ofMillis(200)))
        .build().resolve("alice@contoso.test");
    never.countDown();

    assertThat(result.endpoint()).map(Endpoint::method).as(result.describe()).contains(DiscoveryMethod.PREFIXED_HOST);
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::url, Attempt::outcome)
        .containsExactly(
            tuple("slow lookup", AttemptOutcome.ABANDONED),
            tuple(PREFIXED_URL, AttemptOutcome.SUCCESS));
  }

  @Test
  void consentIsAskedOnlyOnceEveryEarlierCandidateHasFailed() {
    network.silentHost("contoso.test");
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");
    List<String> story = new CopyOnWriteArrayList<>();

    AutodiscoverResult result = Loopback.resolver(network)
        .strategies(Strategies.aRecord(), Strategies.srv())
        .probing(Probing.staggered(Duration.ofMillis(50), Duration.ofMillis(100)))
        .requestTimeout(Duration.ofSeconds(1))
        .listener(tellingOutcomes(story))
        .redirectConsent(request -> {
          story.add("consent asked for " + request.to());
          return RedirectDecision.ALLOW;
        })
        .build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).map(Endpoint::method).as(result.describe()).contains(DiscoveryMethod.SRV);
    assertThat(story).as(result.describe()).containsExactly(
        "SRV REDIRECTED",
        "A_RECORD TIMEOUT",
        "consent asked for " + MAIL_URL,
        "SRV SUCCESS");
    assertThat(result.attempts()).extracting(Attempt::method, Attempt::outcome).containsExactly(
        tuple(DiscoveryMethod.A_RECORD, AttemptOutcome.TIMEOUT),
        tuple(DiscoveryMethod.SRV, AttemptOutcome.REDIRECTED),
        tuple(DiscoveryMethod.SRV, AttemptOutcome.SUCCESS));
  }

  @Test
  void aCertificatePromptWaitsUntilItsCandidateIsNextInLine() {
    network.silentHost("contoso.test");
    network.httpsHost("autodiscover.contoso.test", network.certificateAuthority().issue("mail.contoso.test"))
        .respondWithPox(Loopback.settings("alice@contoso.test"));
    List<String> story = new CopyOnWriteArrayList<>();

    AutodiscoverResult result = Loopback.resolver(network)
        .probing(Probing.staggered(Duration.ofMillis(50), Duration.ofMillis(100)))
        .strategies(Strategies.aRecord(), Strategies.prefixedHost())
        .requestTimeout(Duration.ofSeconds(1))
        .listener(tellingOutcomes(story))
        .untrustedCertificateHandler(diagnosis -> {
          story.add("asked about " + diagnosis.host());
          return dev.autodiscover.tls.TrustDecision.TRUST_ONCE;
        })
        .build().resolve("alice@contoso.test");

    assertThat(result.resolved()).as(result.describe()).isTrue();
    assertThat(story).as(result.describe()).containsExactly(
        "A_RECORD TIMEOUT",
        "asked about autodiscover.contoso.test",
        "PREFIXED_HOST CERTIFICATE_REJECTED",
        "PREFIXED_HOST SUCCESS");
  }

  /** A listener adding "METHOD OUTCOME" to {@code story} as each attempt ends. */
  private static AutodiscoverListener tellingOutcomes(List<String> story) {
    return new AutodiscoverListener() {
      @Override
      public void attemptFinished(AttemptFinished event) {
        story.add(event.attempt().method() + " " + event.attempt().outcome());
      }
    };
  }

  private static void awaitClosed(SilentHost host) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (host.openConnections() > 0 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(host.openConnections()).as("connections still open to " + host.name()).isZero();
  }

  /** A step whose lookup takes until {@code release} opens, then proposes {@code url}. */
  private static final class SlowStrategy implements DiscoveryStrategy {
    static final DiscoveryMethod METHOD = DiscoveryMethod.of("SLOW");
    private final CountDownLatch release;
    private final String url;

    SlowStrategy(CountDownLatch release, String url) {
      this.release = release;
      this.url = url;
    }

    @Override
    public DiscoveryMethod method() {
      return METHOD;
    }

    @Override
    public List<Candidate> candidates(DiscoveryContext context) {
      PendingAttempt lookup = context.begin(METHOD, "slow lookup");
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      lookup.finish(AttemptOutcome.REDIRECTED, "looked up " + url);
      return List.of(Candidate.direct(URI.create(url), METHOD));
    }
  }
}

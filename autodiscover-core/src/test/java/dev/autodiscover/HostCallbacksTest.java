package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.event.AttemptFinished;
import dev.autodiscover.event.AutodiscoverListener;
import dev.autodiscover.spi.Candidate;
import dev.autodiscover.spi.DiscoveryContext;
import dev.autodiscover.spi.DiscoveryStrategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the host application plugs in — consent, certificate handler, credentials, strategies,
 * listener — may fail or take its time; the resolution still ends with a result and its story.
 */
class HostCallbacksTest extends LoopbackTest {
  private static final String SRV_NAME = "_autodiscover._tcp.contoso.test";

  private void srvToMailHost() {
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv(SRV_NAME, 0, 0, 443, "mail.contoso.test");
  }

  @Test
  void aConsentPolicyThatThrowsRefusesTheRedirectAndTheResolutionEndsWithAResult() {
    srvToMailHost();

    AutodiscoverResult result = Loopback.resolver(network)
        .strategies(Strategies.srv())
        .redirectConsent(request -> {
          throw new IllegalStateException("the prompt window is gone");
        })
        .build().resolve("alice@contoso.test");

    assertThat(result.resolved()).isFalse();
    assertThat(result.attempts()).last().satisfies(attempt -> {
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.REDIRECT_DENIED);
      assertThat(attempt.detail()).contains("the policy failed: java.lang.IllegalStateException: the prompt window is gone");
    });
  }

  @Test
  void anHttpInterceptorThatThrowsEndsItsAttemptInTheStoryAndTheNextCandidateIsTried() {
    network.httpsHost("contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    okhttp3.OkHttpClient failingForTheRoot = new okhttp3.OkHttpClient.Builder()
        .addInterceptor(chain -> {
          if (chain.request().url().host().equals("contoso.test")) {
            throw new IllegalStateException("proxy configuration missing");
          }
          return chain.proceed(chain.request());
        })
        .build();

    AutodiscoverResult result = Loopback.resolver(network).httpClient(failingForTheRoot).build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).map(Endpoint::method).as(result.describe()).contains(DiscoveryMethod.PREFIXED_HOST);
    assertThat(result.attempts().get(0)).satisfies(attempt -> {
      assertThat(attempt.method()).isEqualTo(DiscoveryMethod.A_RECORD);
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.ABANDONED);
      assertThat(attempt.detail())
          .isEqualTo("stopped by an unexpected error: java.lang.IllegalStateException: proxy configuration missing");
    });
  }

  @Test
  void aCertificateHandlerThatThrowsSkipsTheCandidateAndTheNextOneIsTried() {
    network.httpsHost("contoso.test", network.certificateAuthority().issue("www.contoso.test"));
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network)
        .untrustedCertificateHandler(diagnosis -> {
          throw new IllegalStateException("no console");
        })
        .build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).map(Endpoint::method).as(result.describe()).contains(DiscoveryMethod.PREFIXED_HOST);
    assertThat(result.attempts().get(0).outcome()).isEqualTo(AttemptOutcome.CERTIFICATE_REJECTED);
    assertThat(result.attempts().get(0).detail())
        .endsWith("the certificate handler failed (java.lang.IllegalStateException: no console), so the candidate is skipped");
  }

  @Test
  void aCredentialsProviderThatThrowsSendsNothingAndTheAnswerIsUnauthorized() {
    network.httpsHost("autodiscover.contoso.test").requireAuth("Basic",
        Credentials.basic("alice", "secret").authorization(), Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network)
        .strategies(Strategies.prefixedHost())
        .credentials(challenge -> {
          throw new IllegalStateException("keychain locked");
        })
        .build().resolve("alice@contoso.test");

    assertThat(result.attempts()).extracting(Attempt::outcome).containsExactly(AttemptOutcome.UNAUTHORIZED);
  }

  @Test
  void aStrategyThatThrowsIsRecordedAndTheNextStrategyRuns() {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    DiscoveryStrategy broken = new DiscoveryStrategy() {
      @Override
      public DiscoveryMethod method() {
        return DiscoveryMethod.of("FROM_CONFIG");
      }

      @Override
      public List<Candidate> candidates(DiscoveryContext context) {
        throw new IllegalArgumentException("no configuration file");
      }
    };

    AutodiscoverResult result = Loopback.resolver(network)
        .strategies(broken, Strategies.prefixedHost())
        .build().resolve("alice@contoso.test");

    assertThat(result.resolved()).as(result.describe()).isTrue();
    assertThat(result.attempts()).extracting(Attempt::method, Attempt::outcome, Attempt::detail).first()
        .isEqualTo(tuple(DiscoveryMethod.of("FROM_CONFIG"), AttemptOutcome.SKIPPED,
            "the strategy failed: java.lang.IllegalArgumentException: no configuration file"));
  }

  @Test
  void aListenerThatThrowsDoesNotChangeTheResult() {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network)
        .listener(new AutodiscoverListener() {
          @Override
          public void attemptFinished(AttemptFinished event) {
            throw new IllegalStateException("the progress window is gone");
          }
        })
        .build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).map(Endpoint::method).contains(DiscoveryMethod.PREFIXED_HOST);
  }

  @Test
  void timeThePersonTakesToDecideDoesNotCountAgainstTheTimeLimit() {
    srvToMailHost();
    MovableClock clock = new MovableClock();

    AutodiscoverResult result = Loopback.resolver(network)
        .strategies(Strategies.srv())
        .clock(clock)
        .timeout(Duration.ofSeconds(30))
        .redirectConsent(request -> {
          clock.advance(Duration.ofMinutes(5));   // the person went for coffee
          return RedirectDecision.ALLOW;
        })
        .build().resolve("alice@contoso.test");

    assertThat(result.endpoint()).map(Endpoint::method).as(result.describe()).contains(DiscoveryMethod.SRV);
  }
}

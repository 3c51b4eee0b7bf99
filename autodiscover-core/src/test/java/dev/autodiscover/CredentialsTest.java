package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodiscover.spi.CredentialsProvider;
import dev.autodiscover.testkit.FixtureHost;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** HTTP 401: credentials go only where they were asked for, and a refusal is never hidden. */
class CredentialsTest extends LoopbackTest {
  private static final String PREFIXED_URL = Loopback.autodiscoverUrl("autodiscover.contoso.test");
  private static final Credentials ALICE = Credentials.basic("alice", "s3cret");

  private final List<AuthenticationChallenge> challenges = new CopyOnWriteArrayList<>();

  /** Answers every challenge with {@code credentials}, remembering the challenges. */
  private CredentialsProvider answering(Credentials credentials) {
    return challenge -> {
      challenges.add(challenge);
      return Optional.of(credentials);
    };
  }

  @Test
  void challengeWithoutCredentialsIsReportedAsUnauthorizedAndTheResolutionGoesOn() {
    network.httpsHost("autodiscover.contoso.test")
        .requireAuth("Basic", ALICE.authorization(), Loopback.settings("alice@contoso.test"));
    network.httpsHost("mail.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));
    network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");

    AutodiscoverResult result = Loopback.resolver(network).build().resolve("alice@contoso.test");

    Attempt unauthorized = result.attempts().get(1);
    assertThat(unauthorized.url()).as(result.describe()).isEqualTo(PREFIXED_URL);
    assertThat(unauthorized.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.UNAUTHORIZED);
    assertThat(unauthorized.httpStatus()).hasValue(401);
    assertThat(unauthorized.detail()).contains("Basic", "none were supplied");
    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::method, Attempt::outcome)
        .endsWith(tuple(DiscoveryMethod.SRV, AttemptOutcome.SUCCESS));
    assertThat(result.describe()).contains("UNAUTHORIZED");
  }

  @Test
  void basicCredentialsAreSentOnlyInAnswerToTheChallenge() {
    FixtureHost host = network.httpsHost("autodiscover.contoso.test")
        .requireAuth("Basic", ALICE.authorization(), Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).credentials(answering(ALICE)).build()
        .resolve("alice@contoso.test");

    assertThat(result.endpoint()).as(result.describe())
        .contains(new Endpoint(URI.create(PREFIXED_URL), DiscoveryMethod.PREFIXED_HOST));
    assertThat(result.attempts()).as(result.describe()).last().satisfies(attempt -> {
      assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.SUCCESS);
      assertThat(attempt.httpStatus()).hasValue(200);
    });
    assertThat(host.requests()).extracting(request -> request.headers().get("Authorization"))
        .containsExactly(null, List.of(ALICE.authorization()));
    assertThat(challenges).containsExactly(
        new AuthenticationChallenge("alice@contoso.test", URI.create(PREFIXED_URL), List.of("Basic")));
  }

  @Test
  void rejectedCredentialsAreReportedAndNotRetried() {
    Credentials wrong = Credentials.basic("alice", "wrong");
    FixtureHost host = network.httpsHost("autodiscover.contoso.test")
        .requireAuth("Basic", ALICE.authorization(), Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network)
        .credentials(CredentialsProvider.always(wrong)).build()
        .resolve("alice@contoso.test");

    assertThat(result.resolved()).as(result.describe()).isFalse();
    assertThat(result.attempts()).filteredOn(a -> a.url().equals(PREFIXED_URL)).singleElement()
        .satisfies(attempt -> {
          assertThat(attempt.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.UNAUTHORIZED);
          assertThat(attempt.httpStatus()).hasValue(401);
          assertThat(attempt.detail()).contains("Basic", "rejected");
        });
    assertThat(host.requests()).extracting(request -> request.header("Authorization"))
        .containsExactly(Optional.empty(), Optional.of(wrong.authorization()));
  }

  @Test
  void credentialsForASchemeTheServerDoesNotOfferAreNotSent() {
    FixtureHost host = network.httpsHost("autodiscover.contoso.test")
        .requireAuth("Basic", ALICE.authorization(), Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network)
        .credentials(answering(Credentials.bearer("eyJ0eXAiOiJKV1Qi")))
        .build()
        .resolve("alice@contoso.test");

    assertThat(result.attempts()).filteredOn(a -> a.url().equals(PREFIXED_URL)).singleElement()
        .satisfies(attempt -> {
          assertThat(attempt.outcome()).as(result.describe()).isEqualTo(AttemptOutcome.UNAUTHORIZED);
          assertThat(attempt.detail()).contains("Bearer", "Basic", "none were sent");
        });
    assertThat(challenges).extracting(AuthenticationChallenge::schemes).containsExactly(List.of("Basic"));
    assertThat(host.requests()).singleElement()
        .satisfies(request -> assertThat(request.hasHeader("Authorization")).isFalse());
  }

  @Test
  void bearerCredentialsAnswerABearerChallenge() {
    Credentials token = Credentials.bearer("eyJ0eXAiOiJKV1Qi");
    FixtureHost host = network.httpsHost("autodiscover.contoso.test")
        .requireAuth("Bearer", token.authorization(), Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network)
        .credentials(CredentialsProvider.always(token)).build()
        .resolve("alice@contoso.test");

    assertThat(result.resolved()).as(result.describe()).isTrue();
    assertThat(host.requests()).extracting(request -> request.header("Authorization"))
        .containsExactly(Optional.empty(), Optional.of("Bearer eyJ0eXAiOiJKV1Qi"));
  }

  @Test
  void credentialsAreNeverSentToAHostWhoseCertificateWasRejected() {
    FixtureHost root = network.httpsHost("contoso.test",
        network.certificateAuthority().issue("www.contoso.test"))
        .requireAuth("Basic", ALICE.authorization(), Loopback.settings("alice@contoso.test"));
    FixtureHost prefixed = network.httpsHost("autodiscover.contoso.test")
        .requireAuth("Basic", ALICE.authorization(), Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).credentials(answering(ALICE)).build()
        .resolve("alice@contoso.test");

    assertThat(result.attempts()).as(result.describe())
        .extracting(Attempt::method, Attempt::outcome)
        .containsExactly(
            tuple(DiscoveryMethod.A_RECORD, AttemptOutcome.CERTIFICATE_REJECTED),
            tuple(DiscoveryMethod.PREFIXED_HOST, AttemptOutcome.SUCCESS));
    assertThat(root.requests()).as("the handshake failed before any request").isEmpty();
    assertThat(challenges).extracting(AuthenticationChallenge::url).containsExactly(URI.create(PREFIXED_URL));
    assertThat(prefixed.requests()).extracting(request -> request.header("Authorization"))
        .containsExactly(Optional.empty(), Optional.of(ALICE.authorization()));
  }
}

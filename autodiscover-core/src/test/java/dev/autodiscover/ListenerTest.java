package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodiscover.event.AttemptFinished;
import dev.autodiscover.event.AttemptStarted;
import dev.autodiscover.event.AutodiscoverListener;
import dev.autodiscover.event.Redirected;
import dev.autodiscover.event.ResolutionFinished;
import dev.autodiscover.event.ResolutionStarted;
import dev.autodiscover.testkit.PoxResponses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The listener hears every step in order; the entry points reject what they cannot use. */
class ListenerTest extends LoopbackTest {
  private final RecordingListener listener = new RecordingListener();

  /**
   * Root certificate for www only, then a redirectAddr to fabrikam, whose autodiscover host
   * redirects to its mail host.
   */
  private void eventfulNetwork() {
    network.httpsHost("contoso.test", network.certificateAuthority().issue("www.contoso.test"));
    network.httpsHost("autodiscover.contoso.test")
        .respondWithPox(PoxResponses.redirectAddr("alice@fabrikam.test"));
    network.httpsHost("autodiscover.fabrikam.test")
        .respondWithPox(PoxResponses.redirectUrl(Loopback.autodiscoverUrl("mail.fabrikam.test")));
    network.httpsHost("mail.fabrikam.test").respondWithPox(Loopback.settings("alice@fabrikam.test"));
  }

  @Test
  void listenerHearsEveryAttemptAndRedirectInOrder() {
    eventfulNetwork();

    AutodiscoverResult result = Loopback.resolver(network).listener(listener).build()
        .resolve("alice@contoso.test");

    assertThat(result.resolved()).as(result.describe()).isTrue();
    assertThat(result.attempts()).as(result.describe()).extracting(Attempt::outcome).containsExactly(
        AttemptOutcome.CERTIFICATE_REJECTED, AttemptOutcome.REDIRECTED, AttemptOutcome.DNS_FAILED,
        AttemptOutcome.REDIRECTED, AttemptOutcome.SUCCESS);
    assertHeardExactly(result);
    assertThat(listener.events(AttemptFinished.class)).extracting(AttemptFinished::email).containsExactly(
        "alice@contoso.test", "alice@contoso.test", "alice@fabrikam.test", "alice@fabrikam.test",
        "alice@fabrikam.test");
    assertThat(listener.events(Redirected.class)).extracting(Redirected::email)
        .containsExactly("alice@contoso.test", "alice@fabrikam.test");
  }

  @Test
  void listenerHearsAFailedResolutionToo() {
    AutodiscoverResult result = Loopback.resolver(network).listener(listener).build()
        .resolve("alice@contoso.test");

    assertThat(result.resolved()).as(result.describe()).isFalse();
    assertThat(result.attempts()).as(result.describe()).hasSize(4);
    assertHeardExactly(result);
  }

  @Test
  void addressWithSpacesAndUpperCaseIsHeardAndReportedAsOneAddress() {
    network.httpsHost("autodiscover.contoso.test").respondWithPox(Loopback.settings("alice@contoso.test"));

    AutodiscoverResult result = Loopback.resolver(network).listener(listener).build()
        .resolve("  Alice@Contoso.TEST ");

    assertThat(result.resolved()).as(result.describe()).isTrue();
    assertThat(result.email()).isEqualTo("Alice@Contoso.TEST");
    assertThat(result.finalEmail()).isEqualToIgnoringCase(result.email());
    assertThat(result.describe()).as("no redirectAddr happened").doesNotContain(" as ");
    assertHeardExactly(result);
  }

  @Test
  void resolveAsyncCompletesWithTheSameStory() throws Exception {
    eventfulNetwork();
    AutodiscoverResolver resolver = Loopback.resolver(network).listener(listener).build();

    AutodiscoverResult result = resolver.resolveAsync("alice@contoso.test").get(30, TimeUnit.SECONDS);

    assertThat(result.endpoint().map(Endpoint::url).map(Object::toString)).as(result.describe())
        .contains(Loopback.autodiscoverUrl("mail.fabrikam.test"));
    assertThat(result.finalEmail()).isEqualTo("alice@fabrikam.test");
    assertThat(result.attempts()).as(result.describe()).extracting(Attempt::outcome).containsExactly(
        AttemptOutcome.CERTIFICATE_REJECTED, AttemptOutcome.REDIRECTED, AttemptOutcome.DNS_FAILED,
        AttemptOutcome.REDIRECTED, AttemptOutcome.SUCCESS);
    assertHeardExactly(result);
  }

  @Test
  void addressWithoutDomainIsInvalidAndNothingIsLookedUp() {
    AutodiscoverResult result = Loopback.resolver(network).listener(listener).build().resolve("alice");

    assertThat(result.error()).as(result.describe())
        .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(ErrorCode.INVALID_EMAIL));
    assertThat(result.email()).isEqualTo("alice");
    assertThat(result.attempts()).isEmpty();
    assertThat(result.redirects()).isEmpty();
    assertThat(network.dns().queries()).isEmpty();
    assertHeardExactly(result);
    assertThatThrownBy(result::endpointOrThrow).isInstanceOf(AutodiscoverException.class)
        .hasMessageContaining("INVALID_EMAIL");
  }

  @Test
  void builderRejectsBadInputNamingTheParameter() {
    AutodiscoverResolver.Builder builder = AutodiscoverResolver.builder();

    assertThatThrownBy(() -> builder.timeout(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("timeout");
    assertThatThrownBy(() -> builder.timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    assertThatThrownBy(() -> builder.requestTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> builder.connectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> builder.dnsClient(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("dnsClient");
    assertThatThrownBy(() -> builder.listener(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("listener");
    assertThatThrownBy(() -> builder.redirectConsent(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("consent");
    assertThatThrownBy(() -> builder.credentials(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("credentials");
    assertThatThrownBy(() -> builder.strategies(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strategies");
    assertThatThrownBy(() -> builder.strategies(Strategies.prefixedHost(), Strategies.srv(),
        Strategies.prefixedHost()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strategies").hasMessageContaining("PREFIXED_HOST");
    assertThatThrownBy(() -> builder.strategies(Strategies.srv(), Strategies.srv(443, 8443)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SRV");
    assertThatThrownBy(() -> builder.addStrategy(Strategies.aRecord()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A_RECORD");
    assertThatThrownBy(() -> builder.userAgent("bad\nagent"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userAgent");
    assertThatThrownBy(() -> builder.build().resolve(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("email");
    assertThat(builder.build().strategies()).as("a rejected setting leaves the builder as it was")
        .isEqualTo(Strategies.defaults());
  }

  /** The events heard match the result: one start, a start and end per attempt, every redirect, one end. */
  private void assertHeardExactly(AutodiscoverResult result) {
    List<Object> events = listener.events();
    assertThat(events).as(result.describe()).first().isInstanceOfSatisfying(ResolutionStarted.class,
        started -> assertThat(started.email()).isEqualTo(result.email()));
    assertThat(events).as(result.describe()).last().isEqualTo(new ResolutionFinished(result));
    assertThat(listener.events(ResolutionStarted.class)).hasSize(1);
    assertThat(listener.events(ResolutionFinished.class)).hasSize(1);

    List<Object> attemptEvents = events.stream()
        .filter(e -> e instanceof AttemptStarted || e instanceof AttemptFinished).toList();
    assertThat(attemptEvents).as(result.describe()).hasSize(2 * result.attempts().size());
    for (int i = 0; i < result.attempts().size(); i++) {
      Attempt attempt = result.attempts().get(i);
      assertThat(attemptEvents.get(2 * i)).as("event %d for %s", 2 * i, attempt)
          .isInstanceOfSatisfying(AttemptStarted.class, started -> {
            assertThat(started.method()).isEqualTo(attempt.method());
            assertThat(started.url()).isEqualTo(attempt.url());
          });
      assertThat(attemptEvents.get(2 * i + 1)).as("event %d for %s", 2 * i + 1, attempt)
          .isInstanceOfSatisfying(AttemptFinished.class,
          finished -> assertThat(finished.attempt()).isEqualTo(attempt));
    }
    assertThat(listener.events(Redirected.class)).extracting(Redirected::redirect)
        .as(result.describe()).containsExactlyElementsOf(result.redirects());
  }

  /** Keeps every event, in the order heard. */
  private static final class RecordingListener implements AutodiscoverListener {
    private final List<Object> events = new CopyOnWriteArrayList<>();

    @Override
    public void resolutionStarted(ResolutionStarted event) {
      events.add(event);
    }

    @Override
    public void attemptStarted(AttemptStarted event) {
      events.add(event);
    }

    @Override
    public void attemptFinished(AttemptFinished event) {
      events.add(event);
    }

    @Override
    public void redirected(Redirected event) {
      events.add(event);
    }

    @Override
    public void resolutionFinished(ResolutionFinished event) {
      events.add(event);
    }

    List<Object> events() {
      return new ArrayList<>(events);
    }

    <T> List<T> events(Class<T> type) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }
}

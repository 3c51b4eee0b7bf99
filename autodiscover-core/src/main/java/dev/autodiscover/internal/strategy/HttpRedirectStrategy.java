package dev.autodiscover.internal.strategy;

import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.RedirectType;
import dev.autodiscover.internal.DnsNames;
import dev.autodiscover.internal.ServerText;
import dev.autodiscover.internal.http.Bodies;
import dev.autodiscover.internal.http.Failure;
import dev.autodiscover.internal.http.RedirectTarget;
import dev.autodiscover.spi.Candidate;
import dev.autodiscover.spi.DiscoveryContext;
import dev.autodiscover.spi.DiscoveryStrategy;
import dev.autodiscover.spi.PendingAttempt;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code GET http://autodiscover.<domain>/autodiscover/autodiscover.xml}, without credentials and
 * without following anything: a 301, 302, 303, 307 or 308 whose Location (relative ones resolved)
 * is https with the path {@code /autodiscover/autodiscover.xml} becomes a candidate that needs the
 * host application's consent. Only the status line and headers are read, within the request
 * timeout: the body is never needed, so none of it is read and the connection is closed rather
 * than drained. Thread-safe.
 */
public final class HttpRedirectStrategy implements DiscoveryStrategy {

  @Override
  public DiscoveryMethod method() {
    return DiscoveryMethod.HTTP_REDIRECT;
  }

  @Override
  public List<Candidate> candidates(DiscoveryContext context) {
    String host = "autodiscover." + context.domain();
    String url = "http://" + host + WellKnownHostStrategy.PATH;
    PendingAttempt attempt = context.begin(method(), url);
    Optional<String> tooLong = DnsNames.tooLong(host);
    if (tooLong.isPresent()) {
      attempt.finish(AttemptOutcome.DNS_FAILED, "not tried: " + host + " is " + tooLong.get());
      return List.of();
    }
    Request request = new Request.Builder().url(url).get().build();
    Call call = context.httpClient().newCall(request);
    Duration allowed = Duration.ofMillis(Math.max(1, context.stepTimeout().toMillis()));
    call.timeout().timeout(allowed.toMillis(), TimeUnit.MILLISECONDS);
    try (Response response = call.execute()) {
      Bodies.leaveUnread(call, response);
      int status = response.code();
      if (!isRedirect(status)) {
        AttemptOutcome outcome = status == 401 ? AttemptOutcome.UNAUTHORIZED : AttemptOutcome.HTTP_ERROR;
        attempt.finish(outcome, status, "expected a redirect to the https endpoint, got HTTP " + status
            + (status == 401 ? "; credentials are never sent on this step" : ""));
        return List.of();
      }
      String location = response.header("Location");
      RedirectTarget checked = RedirectTarget.check(request.url().uri(), location);
      String problem = problem(location, checked);
      if (!problem.isEmpty()) {
        attempt.finish(AttemptOutcome.INVALID_REDIRECT, status, problem);
        return List.of();
      }
      URI target = checked.url().orElseThrow();
      attempt.finish(AttemptOutcome.REDIRECTED, status, "HTTP " + status + " to " + target);
      return List.of(Candidate.redirected(target, method(), RedirectType.HTTP_REDIRECT, url));
    } catch (IOException e) {
      Failure failure = Failure.of(e, allowed);
      attempt.finish(failure.outcome(), failure.detail());
      return List.of();
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** What is wrong with the Location, checked as a redirect target, or empty when it may become a candidate. */
  private static String problem(String location, RedirectTarget checked) {
    if (location == null || location.isBlank()) {
      return "redirect without a Location header";
    }
    if (checked.url().isEmpty()) {
      return "Location " + ServerText.quoted(RedirectTarget.shown(location)) + " refused: the target " + checked.problem();
    }
    URI target = checked.url().get();
    if (!target.getRawPath().toLowerCase(Locale.ROOT).equals(WellKnownHostStrategy.PATH)) {
      return "Location " + target + " does not end in " + WellKnownHostStrategy.PATH;
    }
    return "";
  }

  @Override
  public String toString() {
    return method().name();
  }
}

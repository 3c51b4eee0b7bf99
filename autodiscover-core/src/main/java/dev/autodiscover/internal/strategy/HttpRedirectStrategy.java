package dev.autodiscover.internal.strategy;

import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.RedirectType;
import dev.autodiscover.internal.http.Bodies;
import dev.autodiscover.internal.http.Failure;
import dev.autodiscover.internal.http.ServerText;
import dev.autodiscover.spi.Candidate;
import dev.autodiscover.spi.DiscoveryContext;
import dev.autodiscover.spi.DiscoveryStrategy;
import dev.autodiscover.spi.PendingAttempt;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
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
    String url = "http://autodiscover." + context.domain() + WellKnownHostStrategy.PATH;
    PendingAttempt attempt = context.begin(method(), url);
    Request request = new Request.Builder().url(url).get().build();
    Call call = context.httpClient().newCall(request);
    Duration allowed = Duration.ofMillis(
        Math.max(1, Math.min(context.remaining().toMillis(), context.requestTimeout().toMillis())));
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
      HttpUrl target = location == null ? null : response.request().url().resolve(location.trim());
      String problem = problem(location, target);
      if (problem != null) {
        attempt.finish(AttemptOutcome.INVALID_REDIRECT, status, problem);
        return List.of();
      }
      attempt.finish(AttemptOutcome.REDIRECTED, status, "HTTP " + status + " to " + target);
      return List.of(Candidate.redirected(target.uri(), method(), RedirectType.HTTP_REDIRECT, url));
    } catch (IOException e) {
      Failure failure = Failure.of(e, allowed);
      attempt.finish(failure.outcome(), failure.detail());
      return List.of();
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static String problem(String location, HttpUrl target) {
    if (location == null || location.isBlank()) {
      return "redirect without a Location header";
    }
    if (target == null) {
      return "Location '" + ServerText.oneLine(location) + "' is not a valid URL";
    }
    if (!target.isHttps()) {
      return "Location " + target + " is not https";
    }
    if (!target.encodedPath().toLowerCase(Locale.ROOT).equals(WellKnownHostStrategy.PATH)) {
      return "Location " + target + " does not end in " + WellKnownHostStrategy.PATH;
    }
    if (!target.username().isEmpty() || !target.password().isEmpty()) {
      return "Location " + target.redact() + " carries user information";
    }
    return null;
  }

  @Override
  public String toString() {
    return method().name();
  }
}

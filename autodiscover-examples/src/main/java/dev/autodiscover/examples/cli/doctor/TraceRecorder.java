package dev.autodiscover.examples.cli.doctor;

import dev.autodiscover.Redirect;
import dev.autodiscover.event.AttemptFinished;
import dev.autodiscover.event.AttemptStarted;
import dev.autodiscover.event.AutodiscoverListener;
import dev.autodiscover.event.Redirected;
import dev.autodiscover.event.ResolutionFinished;
import dev.autodiscover.event.ResolutionStarted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Records one resolution as it happens: the resolver's events (attempts and redirects) and, for
 * each HTTP call, OkHttp's events, each call filed under the attempt that was open when the call
 * was created.
 *
 * <p>One recorder serves one resolution. With staggered probing several attempts may be open at
 * once, each on the thread of its candidate; an HTTP call is created on the thread of the attempt
 * it belongs to, so it is filed under that thread's open attempt. The call's own events may then
 * come from OkHttp's threads, and go to that call's trace. An attempt the resolver ends for a
 * candidate that was overtaken is matched by its method and target. Thread-safe.
 */
final class TraceRecorder implements AutodiscoverListener, EventListener.Factory {
  private final List<AttemptTrace> attempts = new ArrayList<>();
  private final List<Redirect> unplaced = new ArrayList<>();
  private final Map<Thread, AttemptTrace> open = new HashMap<>();
  private long started = -1;
  private long finished = -1;

  @Override
  public synchronized void resolutionStarted(ResolutionStarted event) {
    started = System.nanoTime();
  }

  @Override
  public synchronized void resolutionFinished(ResolutionFinished event) {
    finished = System.nanoTime();
  }

  @Override
  public synchronized void attemptStarted(AttemptStarted event) {
    AttemptTrace trace = new AttemptTrace(event.email(), event.method(), event.url());
    open.put(Thread.currentThread(), trace);
    attempts.add(trace);
  }

  @Override
  public synchronized void attemptFinished(AttemptFinished event) {
    Thread thread = Thread.currentThread();
    AttemptTrace trace = matches(open.get(thread), event) ? open.get(thread) : null;
    if (trace == null) {
      trace = open.values().stream().filter(candidate -> matches(candidate, event)).findFirst().orElse(null);
    }
    if (trace == null) {
      // Not announced by attemptStarted; keep it so that no attempt of the result is lost.
      trace = new AttemptTrace(event.email(), event.attempt().method(), event.attempt().url());
      attempts.add(trace);
    }
    trace.finished(event.attempt());
    AttemptTrace finished = trace;
    open.values().removeIf(candidate -> candidate == finished);
  }

  /**
   * Files the redirect under the latest attempt whose target it comes from (an SRV lookup, the
   * plain-HTTP GET, the POST that answered redirectUrl); a redirectAddr names an address, not a
   * URL, and goes under the attempt that finished last, the one that answered it.
   */
  @Override
  public synchronized void redirected(Redirected event) {
    Redirect redirect = event.redirect();
    String from = redirect.from().toLowerCase(Locale.ROOT);
    for (int i = attempts.size() - 1; i >= 0; i--) {
      if (attempts.get(i).target().toLowerCase(Locale.ROOT).equals(from)) {
        attempts.get(i).addRedirect(redirect);
        return;
      }
    }
    for (int i = attempts.size() - 1; i >= 0; i--) {
      if (attempts.get(i).attempt().isPresent()) {
        attempts.get(i).addRedirect(redirect);
        return;
      }
    }
    unplaced.add(redirect);
  }

  /** Returns a listener for one HTTP call, filed under the attempt open now. */
  @Override
  public synchronized EventListener create(Call call) {
    CallTrace trace = new CallTrace(call);
    AttemptTrace attempt = open.get(Thread.currentThread());
    if (attempt != null) {
      attempt.addCall(trace);
    }
    return trace;
  }

  private static boolean matches(AttemptTrace trace, AttemptFinished event) {
    return trace != null && trace.attempt().isEmpty() && trace.target().equals(event.attempt().url())
        && trace.method().equals(event.attempt().method());
  }

  synchronized List<AttemptTrace> attempts() {
    return List.copyOf(attempts);
  }

  /** Returns the redirects met before any attempt had finished (none, with the built-in steps). */
  synchronized List<Redirect> unplacedRedirects() {
    return List.copyOf(unplaced);
  }

  /** Returns how long the resolution took, in milliseconds; -1 when it did not report both ends. */
  synchronized long elapsedMillis() {
    return started < 0 || finished < 0 ? -1 : (finished - started) / 1_000_000;
  }
}

package dev.autodiscover.internal;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.spi.PendingAttempt;
import dev.autodiscover.tls.CertificateDiagnosis;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;

/**
 * Times one attempt and hands it, finished, to the resolution's record. Thread-safe: the probe that
 * began it finishes it, unless the race abandons it first, in which case the probe's own finish is
 * absorbed.
 */
final class AttemptTimer implements PendingAttempt {
  private final DiscoveryMethod method;
  private final String url;
  private final long startNanos = System.nanoTime();
  private final BiConsumer<AttemptTimer, Attempt> onFinish;
  private long stopNanos;
  private Attempt finished;
  private boolean abandoned;

  AttemptTimer(DiscoveryMethod method, String url, BiConsumer<AttemptTimer, Attempt> onFinish) {
    this.method = method;
    this.url = url;
    this.onFinish = onFinish;
  }

  @Override
  public Attempt finish(AttemptOutcome outcome, String detail) {
    return finish(outcome, OptionalInt.empty(), Optional.empty(), detail);
  }

  @Override
  public Attempt finish(AttemptOutcome outcome, int httpStatus, String detail) {
    return finish(outcome, OptionalInt.of(httpStatus), Optional.empty(), detail);
  }

  @Override
  public Attempt rejected(CertificateDiagnosis diagnosis, String detail) {
    return finish(AttemptOutcome.CERTIFICATE_REJECTED, OptionalInt.empty(), Optional.of(diagnosis), detail);
  }

  /** Stops the clock: the answer is in, though the attempt is finished only once it is taken or overtaken. */
  synchronized void stopClock() {
    if (stopNanos == 0) {
      stopNanos = System.nanoTime();
    }
  }

  /** Finishes the attempt on the race's behalf; a later finish by its owner is absorbed. */
  Attempt abandon(AttemptOutcome outcome, String detail) {
    Attempt attempt;
    synchronized (this) {
      if (finished != null) {
        return finished;
      }
      abandoned = true;
      attempt = record(outcome, OptionalInt.empty(), Optional.empty(), detail);
    }
    onFinish.accept(this, attempt);
    return attempt;
  }

  Attempt finish(
      AttemptOutcome outcome,
      OptionalInt httpStatus,
      Optional<CertificateDiagnosis> certificate,
      String detail) {
    Attempt attempt;
    synchronized (this) {
      if (finished != null) {
        if (abandoned) {
          return finished;
        }
        throw new IllegalStateException("attempt " + method + " " + url + " was already finished");
      }
      attempt = record(outcome, httpStatus, certificate, detail);
    }
    // Outside this timer's lock: the record takes the race's lock, which the race may hold while abandoning.
    onFinish.accept(this, attempt);
    return attempt;
  }

  private Attempt record(
      AttemptOutcome outcome, OptionalInt httpStatus, Optional<CertificateDiagnosis> certificate, String detail) {
    long end = stopNanos != 0 ? stopNanos : System.nanoTime();
    finished = new Attempt(method, url, outcome, httpStatus, Duration.ofNanos(end - startNanos), certificate, detail);
    return finished;
  }
}

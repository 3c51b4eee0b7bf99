package dev.autodiscover.internal;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.Dialect;
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
  private final Optional<Dialect> dialect;
  private final long startNanos = System.nanoTime();
  private final BiConsumer<AttemptTimer, Attempt> onFinish;
  private long stopNanos;
  private Attempt finished;
  private boolean abandoned;

  AttemptTimer(DiscoveryMethod method, String url, Optional<Dialect> dialect, BiConsumer<AttemptTimer, Attempt> onFinish) {
    this.method = method;
    this.url = url;
    this.dialect = dialect;
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

  /** Finishes the attempt as an {@link AttemptOutcome#AUTODISCOVER_ERROR} with the server's error code, if any. */
  Attempt serverError(int httpStatus, String errorCode, String detail) {
    return finish(AttemptOutcome.AUTODISCOVER_ERROR, OptionalInt.of(httpStatus), Optional.empty(),
        Optional.of(errorCode).filter(code -> !code.isEmpty()), detail);
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
      attempt = record(outcome, OptionalInt.empty(), Optional.empty(), Optional.empty(), detail);
    }
    onFinish.accept(this, attempt);
    return attempt;
  }

  Attempt finish(
      AttemptOutcome outcome,
      OptionalInt httpStatus,
      Optional<CertificateDiagnosis> certificate,
      String detail) {
    return finish(outcome, httpStatus, certificate, Optional.empty(), detail);
  }

  private Attempt finish(
      AttemptOutcome outcome,
      OptionalInt httpStatus,
      Optional<CertificateDiagnosis> certificate,
      Optional<String> errorCode,
      String detail) {
    Attempt attempt;
    synchronized (this) {
      if (finished != null) {
        if (abandoned) {
          return finished;
        }
        throw new IllegalStateException("attempt " + method + " " + url + " was already finished");
      }
      attempt = record(outcome, httpStatus, certificate, errorCode, detail);
    }
    // Outside this timer's lock: the record takes the race's lock, which the race may hold while abandoning.
    onFinish.accept(this, attempt);
    return attempt;
  }

  private Attempt record(AttemptOutcome outcome, OptionalInt httpStatus, Optional<CertificateDiagnosis> certificate,
      Optional<String> errorCode, String detail) {
    long end = stopNanos != 0 ? stopNanos : System.nanoTime();
    finished = new Attempt(method, url, outcome, httpStatus, Duration.ofNanos(end - startNanos), certificate, detail,
        dialect, errorCode);
    return finished;
  }
}

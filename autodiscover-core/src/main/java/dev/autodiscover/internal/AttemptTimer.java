package dev.autodiscover.internal;

import dev.autodiscover.Attempt;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.spi.PendingAttempt;
import dev.autodiscover.tls.CertificateDiagnosis;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/** Times one attempt and hands it, finished, to the resolution's record. */
final class AttemptTimer implements PendingAttempt {
  private final DiscoveryMethod method;
  private final String url;
  private final long startNanos = System.nanoTime();
  private final Consumer<Attempt> onFinish;
  private boolean finished;

  AttemptTimer(DiscoveryMethod method, String url, Consumer<Attempt> onFinish) {
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

  Attempt finish(
      AttemptOutcome outcome,
      OptionalInt httpStatus,
      Optional<CertificateDiagnosis> certificate,
      String detail) {
    if (finished) {
      throw new IllegalStateException("attempt " + method + " " + url + " was already finished");
    }
    finished = true;
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    Attempt attempt = new Attempt(method, url, outcome, httpStatus, elapsed, certificate, detail);
    onFinish.accept(attempt);
    return attempt;
  }
}

package dev.autodiscover.internal.http;

import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.internal.dns.NoSuchNameException;
import dev.autodiscover.tls.CertificateDiagnosis;
import dev.autodiscover.tls.CertificateRejectedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * What an I/O failure means for an attempt.
 *
 * @param outcome the attempt's outcome
 * @param detail one line for people
 * @param certificate the certificate diagnosis, when the certificate was rejected
 */
public record Failure(AttemptOutcome outcome, String detail, Optional<CertificateDiagnosis> certificate) {

  /** Classifies a failed HTTP exchange. */
  public static Failure of(IOException e) {
    Optional<CertificateDiagnosis> diagnosis = CertificateRejectedException.find(e);
    if (diagnosis.isPresent()) {
      return new Failure(
          AttemptOutcome.CERTIFICATE_REJECTED, diagnosis.get().summary(), diagnosis);
    }
    if (e instanceof NoSuchNameException) {
      return new Failure(AttemptOutcome.DNS_FAILED, e.getMessage(), Optional.empty());
    }
    if (e instanceof UnknownHostException) {
      return new Failure(AttemptOutcome.DNS_FAILED, "DNS: " + e.getMessage(), Optional.empty());
    }
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return new Failure(AttemptOutcome.TIMEOUT, "timed out: " + message(e), Optional.empty());
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return new Failure(AttemptOutcome.CONNECT_FAILED, "connection failed: " + message(e), Optional.empty());
    }
    if (e instanceof SSLException) {
      return new Failure(AttemptOutcome.CONNECT_FAILED, "TLS handshake failed: " + message(e), Optional.empty());
    }
    return new Failure(AttemptOutcome.CONNECT_FAILED, message(e), Optional.empty());
  }

  private static String message(IOException e) {
    String text = e.getMessage();
    return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
  }
}

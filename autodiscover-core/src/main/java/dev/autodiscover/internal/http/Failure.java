package dev.autodiscover.internal.http;

import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.internal.ServerText;
import dev.autodiscover.internal.dns.NoSuchNameException;
import dev.autodiscover.tls.CertificateDiagnosis;
import dev.autodiscover.tls.CertificateRejectedException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * What an I/O failure means for an attempt.
 *
 * @param outcome the attempt's outcome
 * @param detail one line for people
 * @param certificate the certificate diagnosis, when the certificate was rejected
 */
public record Failure(AttemptOutcome outcome, String detail, Optional<CertificateDiagnosis> certificate) {

  /** OkHttp's bound on a response's status line and headers together. */
  static final String HEAD_LIMIT = "256 KiB";

  /**
   * Okio's complaint about a line that did not end, with some of the line in it (an empty
   * {@code content} is a connection that closed between lines, not in the middle of one).
   */
  private static final Pattern LINE_WITHOUT_END = Pattern.compile("\\\\n not found: limit=\\d+ content=[0-9a-f]+");

  /**
   * Classifies a failed HTTP exchange that was allowed {@code allowed} in all, before its response
   * body was read.
   */
  public static Failure of(IOException e, Duration allowed) {
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
    if (isCallTimeout(e)) {
      return new Failure(AttemptOutcome.TIMEOUT,
          "no complete response within the " + allowed.toMillis() + " ms allowed for this request", Optional.empty());
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
    if (headWithoutEnd(e)) {
      return new Failure(AttemptOutcome.HTTP_ERROR, "the response's status line and headers were cut off: longer"
          + " than OkHttp's " + HEAD_LIMIT + " limit, or the connection closed in the middle of a line",
          Optional.empty());
    }
    if (e instanceof ProtocolException) {
      return new Failure(AttemptOutcome.HTTP_ERROR, "the server broke HTTP: " + message(e), Optional.empty());
    }
    return new Failure(AttemptOutcome.CONNECT_FAILED, message(e), Optional.empty());
  }

  /**
   * Whether {@code e} is OkHttp's end of a call that ran out of the time it was allowed: an
   * {@link InterruptedIOException} saying {@code timeout}, unlike a socket's read timeout, which
   * is a {@link SocketTimeoutException}.
   */
  public static boolean isCallTimeout(IOException e) {
    return e.getClass() == InterruptedIOException.class && "timeout".equals(e.getMessage());
  }

  /** Whether the status line or a header line did not end before OkHttp's limit or the connection's end. */
  private static boolean headWithoutEnd(IOException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String text = String.valueOf(cause.getMessage());
      if (cause instanceof EOFException && LINE_WITHOUT_END.matcher(text).lookingAt()) {
        return true;
      }
      if (cause instanceof ProtocolException && text.startsWith("Header line limit exceeded")) {
        return true; // how later OkHttp releases say it
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static String message(IOException e) {
    String text = e.getMessage();
    return text == null || text.isBlank() ? e.getClass().getSimpleName() : ServerText.oneLine(text);
  }
}

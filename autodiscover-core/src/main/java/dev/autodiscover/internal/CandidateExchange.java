package dev.autodiscover.internal;

import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.AuthenticationChallenge;
import dev.autodiscover.Credentials;
import dev.autodiscover.Dialect;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.internal.ServerText;
import dev.autodiscover.internal.http.Bodies;
import dev.autodiscover.internal.http.Failure;
import dev.autodiscover.internal.dialect.DialectCodec;
import dev.autodiscover.internal.dialect.Reply;
import dev.autodiscover.tls.CertificateDiagnosis;
import dev.autodiscover.tls.ExtendedTrust;
import dev.autodiscover.tls.PinStore;
import dev.autodiscover.tls.TrustDecision;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Challenge;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks one candidate URL for a mailbox's settings, in any dialect: answers a 401 with the host application's
 * credentials, asks the host application about a certificate that failed validation, and reads the
 * answer within bounds. Shared by the probes of one resolution: certificate decisions wait until
 * their probe is next in line, and the credentials provider is never asked twice at once.
 */
final class CandidateExchange {
  private static final Logger log = LoggerFactory.getLogger(CandidateExchange.class);
  /** A server that presents a different untrusted certificate on every connection is asked about twice at most. */
  private static final int MAX_CERTIFICATE_RETRIES = 2;

  private final ResolverConfig config;
  private final Supplier<Duration> remaining;
  private final Consumer<Duration> hostDecided;
  /** Certificates the host application trusted once in this resolution, pinned for it alone. */
  private final PinStore trustedOnce = PinStore.inMemory();
  private final Object credentialsLock = new Object();
  private OkHttpClient extendedClient;

  CandidateExchange(ResolverConfig config, Supplier<Duration> remaining, Consumer<Duration> hostDecided) {
    this.hostDecided = hostDecided;
    this.config = config;
    this.remaining = remaining;
  }

  /** Returns the client for this resolution: the resolver's, or one that also trusts what was trusted once. */
  synchronized OkHttpClient client() {
    return extendedClient != null ? extendedClient : config.transport().client();
  }

  /**
   * Asks {@code url} in the dialect of {@code codec} for the settings of {@code emailAddress}, and
   * returns what came of it.
   */
  Answer ask(Probe probe, URI url, DiscoveryMethod method, String emailAddress, DialectCodec codec) {
    AttemptTimer attempt = probe.begin(method, url.toString(), codec.dialect());
    Credentials sent = null;
    int certificateRetries = 0;
    while (true) {
      Request.Builder request = codec.request(url, emailAddress).header("User-Agent", config.userAgent());
      if (sent != null) {
        request.header("Authorization", sent.authorization());
      }
      Call call = client().newCall(request.build());
      try (HostLimits.Permit permit = config.hostLimits().acquire(url.getHost(), remaining.get());
           Response response = execute(call)) {
        int status = response.code();
        if (status != 200) {
          Bodies.leaveUnread(call, response);
        }
        if (status == 401) {
          if (sent != null) {
            attempt.finish(AttemptOutcome.UNAUTHORIZED, status,
                "the " + sent.scheme() + " credentials supplied were rejected");
            return new Answer.Failed();
          }
          List<String> schemes = schemes(response);
          if (!codec.sendsCredentials()) {
            attempt.finish(AttemptOutcome.UNAUTHORIZED, status, "the server asks for credentials ("
                + offered(schemes) + "); " + codec.dialect() + " requests are sent without credentials");
            return new Answer.Failed();
          }
          Optional<Credentials> supplied = credentialsFor(new AuthenticationChallenge(emailAddress, url, schemes));
          if (supplied.isPresent() && schemes.stream().anyMatch(supplied.get()::answers)) {
            sent = supplied.get();
            continue;
          }
          attempt.finish(AttemptOutcome.UNAUTHORIZED, status, unauthorizedDetail(schemes, supplied));
          return new Answer.Failed();
        }
        if (status == 301 || status == 302 || status == 307 || status == 308) {
          String location = response.header("Location");
          if (location == null || location.isBlank()) {
            attempt.finish(AttemptOutcome.HTTP_ERROR, status, "HTTP " + status + " without a Location header");
            return new Answer.Failed();
          }
          return new Answer.RedirectUrl(location.trim(), "HTTP " + status, codec.dialect(), attempt, status);
        }
        if (status != 200) {
          attempt.finish(AttemptOutcome.HTTP_ERROR, status, "HTTP " + status + statusText(response));
          return new Answer.Failed();
        }
        return read(call, response, attempt, codec);
      } catch (IOException e) {
        Failure failure = Failure.of(e, allowed(call));
        if (failure.certificate().isEmpty()) {
          attempt.finish(failure.outcome(), failure.detail());
          return new Answer.Failed();
        }
        CertificateDiagnosis diagnosis = failure.certificate().get().atPort(port(url));
        if (certificateRetries == MAX_CERTIFICATE_RETRIES) {
          attempt.rejected(diagnosis, diagnosis.summary()
              + "; the server presented yet another untrusted certificate, so this candidate is skipped");
          return new Answer.Failed();
        }
        certificateRetries++;
        Decision decided = probe.whenNextInLine(() -> decide(diagnosis))
            .orElse(new Decision(TrustDecision.SKIP, "; not asked: another candidate answered first"));
        switch (decided.decision()) {
          case TRUST_ONCE -> {
            attempt.rejected(diagnosis, diagnosis.summary() + "; trusted once by the host application, retrying");
            trustOnce(diagnosis);
          }
          case TRUST_ALWAYS -> {
            attempt.rejected(diagnosis, diagnosis.summary() + "; trusted always by the host application, retrying");
            config.pinStore().pin(diagnosis.host(), diagnosis.sha256());
          }
          case ABORT -> {
            attempt.rejected(diagnosis, diagnosis.summary() + "; the host application aborted the resolution");
            return new Answer.Aborted("the host application refused the certificate of " + url.getHost());
          }
          default -> {
            attempt.rejected(diagnosis, diagnosis.summary() + decided.note());
            return new Answer.Failed();
          }
        }
        attempt = probe.begin(method, url.toString(), codec.dialect());
        sent = null;
      }
    }
  }

  /** Runs {@code call} within the request timeout, or what is left of the resolution's, if less. */
  private Response execute(Call call) throws IOException {
    Duration left = remaining.get();
    Duration limit = left.compareTo(config.requestTimeout()) < 0 ? left : config.requestTimeout();
    call.timeout().timeout(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
    return call.execute();
  }

  /** The time {@code call} was allowed. */
  private static Duration allowed(Call call) {
    return Duration.ofNanos(call.timeout().timeoutNanos());
  }

  /**
   * Reads and interprets a 200 answer's body. The body decides, not its {@code Content-Type}:
   * servers and proxies mislabel Autodiscover answers, and the readers are bounded whatever they
   * are given, so the type only appears in the detail of a body that is not Autodiscover.
   */
  private Answer read(Call call, Response response, AttemptTimer attempt, DialectCodec codec) {
    int status = response.code();
    Duration allowed = allowed(call);
    Bodies.Read read = Bodies.readAtMost(call, response, codec.maxBodyBytes());
    if (!(read instanceof Bodies.Read.Whole whole)) {
      AttemptOutcome outcome = read instanceof Bodies.Read.Broken broken
          ? Failure.of(broken.failure(), allowed).outcome()
          : AttemptOutcome.NOT_AUTODISCOVER;
      attempt.finish(outcome, status, unread(read, allowed, codec.maxBodyBytes()));
      return new Answer.Failed();
    }
    Reply reply = codec.read(whole.bytes());
    if (reply instanceof Reply.Settings settings) {
      return new Answer.Settings(settings.settings(), settings.notes(), attempt, status);
    }
    if (reply instanceof Reply.RedirectAddr redirect) {
      return new Answer.RedirectAddr(redirect.address(), redirect.via(), attempt, status);
    }
    if (reply instanceof Reply.RedirectUrl redirect) {
      return new Answer.RedirectUrl(redirect.url(), redirect.via(), redirect.next(), attempt, status);
    }
    if (reply instanceof Reply.Error error) {
      attempt.serverError(status, error.code(), ServerText.oneLine(error.description()));
      return new Answer.Failed();
    }
    String contentType = ServerText.oneLine(response.header("Content-Type", "no content type"));
    String reason = ServerText.oneLine(((Reply.NotAutodiscover) reply).reason());
    attempt.finish(AttemptOutcome.NOT_AUTODISCOVER, status,
        "not " + answerName(codec.dialect()) + " (" + contentType + "): " + reason);
    return new Answer.Failed();
  }

  /** How the detail of a body that is not an answer names what was expected. */
  private static String answerName(Dialect dialect) {
    return switch (dialect) {
      case POX -> "an Autodiscover response";
      case JSON -> "an Autodiscover v2 answer";
      case SOAP -> "a SOAP Autodiscover response";
      case ACTIVESYNC -> "an ActiveSync Autodiscover response";
    };
  }

  /** Why a body was not read whole, and how much of it was. */
  private static String unread(Bodies.Read read, Duration allowed, int maxBodyBytes) {
    String limit = maxBodyBytes / 1024 + " KiB limit";
    if (read instanceof Bodies.Read.Announced announced) {
      return "the response announces " + announced.contentLength() + " bytes, more than the " + limit
          + "; not read, and the connection was closed";
    }
    if (read instanceof Bodies.Read.PastLimit past) {
      return "the response body is larger than the " + limit + ": reading stopped after " + past.bytesRead()
          + " bytes" + (past.decompressed() ? " (decompressed from gzip)" : "") + ", and the connection was closed";
    }
    Bodies.Read.Broken broken = (Bodies.Read.Broken) read;
    String howMuch = broken.bytesRead() + (broken.contentLength() >= 0 ? " of " + broken.contentLength() : "")
        + " bytes read, and the connection was closed";
    if (Failure.isCallTimeout(broken.failure())) {
      return "the response body was still arriving when the " + allowed.toMillis()
          + " ms allowed for this request ran out: " + howMuch;
    }
    return "the response body broke off (" + Failure.of(broken.failure(), allowed).detail() + "): " + howMuch;
  }

  /** The host application's answer about a certificate, and a note when it could not answer. */
  private record Decision(TrustDecision decision, String note) {}

  /** Asks the host application about a certificate; a handler that fails skips it. */
  private Decision decide(CertificateDiagnosis diagnosis) {
    Instant asked = config.clock().instant();
    try {
      return new Decision(
          Objects.requireNonNullElse(config.certificateHandler().decide(diagnosis), TrustDecision.SKIP), "");
    } catch (RuntimeException e) {
      log.warn("the certificate handler failed; skipping the certificate of {}", diagnosis.host(), e);
      return new Decision(TrustDecision.SKIP, "; the certificate handler failed (" + e + "), so the candidate is skipped");
    } finally {
      hostDecided.accept(Duration.between(asked, config.clock().instant()));
    }
  }

  /**
   * Asks the host application for credentials, one candidate at a time; a provider that fails
   * supplies none. Unlike consent and certificate decisions, a candidate that may still be
   * overtaken is answered too: a server asks every client for credentials, so waiting for its
   * turn would make every candidate sequential.
   */
  private Optional<Credentials> credentialsFor(AuthenticationChallenge challenge) {
    synchronized (credentialsLock) {
      Instant asked = config.clock().instant();
      try {
        return Objects.requireNonNullElse(config.credentials().credentialsFor(challenge), Optional.empty());
      } catch (RuntimeException e) {
        log.warn("the credentials provider failed for {}; sending none", challenge.url(), e);
        return Optional.empty();
      } finally {
        hostDecided.accept(Duration.between(asked, config.clock().instant()));
      }
    }
  }

  private synchronized void trustOnce(CertificateDiagnosis diagnosis) {
    trustedOnce.pin(diagnosis.host(), diagnosis.sha256());
    if (extendedClient == null) {
      extendedClient = config.transport().extendedBy(ExtendedTrust.pins(trustedOnce));
    }
  }

  private static int port(URI url) {
    return url.getPort() == -1 ? 443 : url.getPort();
  }

  private static String offered(List<String> schemes) {
    return schemes.isEmpty() ? "no scheme named" : String.join(", ", schemes);
  }

  private static String unauthorizedDetail(List<String> schemes, Optional<Credentials> supplied) {
    String offered = offered(schemes);
    if (supplied.isPresent()) {
      return "the server asks for credentials (" + offered + "); the " + supplied.get().scheme()
          + " credentials supplied answer none of these, so none were sent";
    }
    return "the server asks for credentials (" + offered + "); none were supplied";
  }

  private static List<String> schemes(Response response) {
    return response.challenges().stream().map(Challenge::scheme).distinct().toList();
  }

  private static String statusText(Response response) {
    String message = ServerText.oneLine(response.message());
    return message.isEmpty() ? "" : " " + message;
  }
}

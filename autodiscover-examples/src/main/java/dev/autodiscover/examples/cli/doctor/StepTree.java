package dev.autodiscover.examples.cli.doctor;

import dev.autodiscover.Attempt;
import dev.autodiscover.Dialect;
import dev.autodiscover.AttemptOutcome;
import dev.autodiscover.Redirect;
import dev.autodiscover.examples.cli.doctor.ReportNode.Status;
import dev.autodiscover.tls.CertificateDiagnosis;
import dev.autodiscover.tls.CertificateInspector;
import dev.autodiscover.tls.CertificateRejectedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Connection;
import okhttp3.Handshake;
import okhttp3.Protocol;

/**
 * Turns recorded attempts into doctor's tree: one node per attempt, and under it the DNS answer,
 * each connection, its TLS handshake and certificate, each HTTP exchange and what its body turned
 * out to be, and the redirects the attempt led to. Every line comes from a recorded event or from
 * the attempt as the result holds it.
 */
final class StepTree {
  private final CertificateInspector inspector;

  /** @param inspector judges the certificates of accepted connections, with the resolver's trust */
  StepTree(CertificateInspector inspector) {
    this.inspector = inspector;
  }

  List<ReportNode> steps(String email, List<AttemptTrace> attempts, List<Redirect> unplaced) {
    List<ReportNode> steps = new ArrayList<>();
    String address = email;
    for (AttemptTrace trace : attempts) {
      if (!trace.email().equalsIgnoreCase(address)) {
        address = trace.email();
        steps.add(ReportNode.builder("address", "resolving " + address + " from here on", Status.INFO)
            .field("email", address).build());
      }
      steps.add(attempt(trace));
    }
    for (Redirect redirect : unplaced) {
      steps.add(redirect(redirect));
    }
    return steps;
  }

  private ReportNode attempt(AttemptTrace trace) {
    Optional<Attempt> finished = trace.attempt();
    String text = (trace.target().isEmpty() ? trace.method().name() : trace.method() + " " + trace.target())
        + finished.flatMap(Attempt::dialect).filter(dialect -> dialect != Dialect.POX).map(d -> " [" + d + "]").orElse("");
    ReportNode.Builder node = ReportNode.builder("attempt", text,
            finished.map(attempt -> status(attempt.outcome())).orElse(Status.FAILED))
        .badge(finished.map(attempt -> attempt.outcome().name()).orElse("UNFINISHED"))
        .field("method", trace.method().name())
        .field("target", trace.target())
        .field("email", trace.email())
        .field("outcome", finished.map(attempt -> attempt.outcome().name()).orElse(null))
        .field("httpStatus", finished.flatMap(attempt -> attempt.httpStatus().isPresent()
            ? Optional.of(attempt.httpStatus().getAsInt()) : Optional.empty()).orElse(null))
        .field("detail", finished.map(Attempt::detail).orElse(null))
        .field("dialect", finished.flatMap(Attempt::dialect).map(Enum::name).orElse(null))
        .field("errorCode", finished.flatMap(Attempt::errorCode).orElse(null));
    finished.ifPresent(attempt -> node.elapsedMs(attempt.elapsed().toMillis()));

    List<Object> items = new ArrayList<>();
    boolean certificateShown = false;
    List<String> failuresShown = new ArrayList<>();
    ReportNode.Builder lastExchange = null;
    List<CallTrace> calls = trace.calls();
    for (CallTrace call : calls) {
      CallNodes nodes = call(call, finished);
      items.addAll(nodes.before());
      lastExchange = nodes.exchange();
      if (lastExchange != null) {
        items.add(lastExchange);
      }
      items.addAll(nodes.after());
      certificateShown |= nodes.certificateShown();
      failuresShown.addAll(nodes.failuresShown());
    }
    if (finished.isPresent()) {
      Attempt attempt = finished.get();
      if (!certificateShown && attempt.certificate().isPresent()) {
        items.add(CertificateNodes.rejected(attempt.certificate().get(), -1, -1));
      }
      String detail = attempt.detail();
      boolean shown = lastExchange == null && failuresShown.stream().anyMatch(detail::endsWith);
      if (!detail.isEmpty() && !shown) {
        ReportNode result = ReportNode.builder(lastExchange != null ? "answer" : resultKind(trace, calls),
            lastExchange != null ? detail : resultText(trace, calls, detail), status(attempt.outcome())).build();
        if (lastExchange != null) {
          lastExchange.child(result);
        } else {
          items.add(result);
        }
      }
    }
    List<ReportNode> children = new ArrayList<>();
    for (Object item : items) {
      children.add(item instanceof ReportNode.Builder open ? open.build() : (ReportNode) item);
    }
    for (Redirect redirect : trace.redirects()) {
      children.add(redirect(redirect));
    }
    return node.children(children).build();
  }

  /** The nodes of one call: those before its exchange, the exchange (still open for its answer), and those after. */
  private record CallNodes(
      List<ReportNode> before,
      ReportNode.Builder exchange,
      List<ReportNode> after,
      boolean certificateShown,
      List<String> failuresShown) {}

  private CallNodes call(CallTrace call, Optional<Attempt> attempt) {
    List<ReportNode> before = new ArrayList<>();
    List<ReportNode> after = new ArrayList<>();
    Optional<IOException> failure = call.failure();
    boolean failureShown = false;
    boolean certificateShown = false;
    List<String> failuresShown = new ArrayList<>();
    URI url = URI.create(call.url());
    String host = url.getHost();
    int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;

    Optional<CallTrace.Lookup> lookup = call.lookup();
    if (lookup.isPresent()) {
      CallTrace.Lookup dns = lookup.get();
      if (dns.addresses != null) {
        List<String> addresses = dns.addresses.stream().map(InetAddress::getHostAddress).toList();
        before.add(ReportNode.builder("dns", "DNS " + dns.host + ": " + String.join(", ", addresses), Status.OK)
            .elapsed(dns.start, dns.end)
            .field("host", dns.host)
            .field("addresses", addresses)
            .build());
      } else {
        String reason = failure.map(StepTree::message).orElse("no answer");
        failureShown = failure.isPresent();
        failuresShown.add(reason);
        String prefix = dns.host + ": ";
        String shown = reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason;
        before.add(ReportNode.builder("dns", "DNS " + dns.host + ": " + shown, Status.FAILED)
            .elapsed(dns.start, call.end())
            .field("host", dns.host)
            .field("addresses", List.of())
            .field("error", reason)
            .build());
      }
    }

    for (CallTrace.Connect connect : call.connects()) {
      String address = address(connect.address);
      String via = connect.proxy == null || connect.proxy.type() == Proxy.Type.DIRECT ? "" : " via " + connect.proxy;
      boolean tcpFailed = connect.failure != null && connect.tlsStart < 0;
      ReportNode.Builder tcp = ReportNode.builder("connect",
              "TCP " + address + via + (tcpFailed ? " failed: " + message(connect.failure) : " connected"),
              tcpFailed ? Status.FAILED : Status.OK)
          .elapsed(connect.start, connect.tcpEnd())
          .field("address", address)
          .field("reused", false);
      if (tcpFailed) {
        tcp.field("error", message(connect.failure));
        failuresShown.add(message(connect.failure));
        failureShown |= failure.isPresent() && sameFailure(failure.get(), connect.failure);
      }
      before.add(tcp.build());
      if (connect.tlsStart >= 0) {
        if (connect.handshake != null) {
          before.add(acceptedHandshake(connect, host, port));
          certificateShown = true;
        } else if (connect.failure != null) {
          Optional<CertificateDiagnosis> rejected = attempt
              .filter(finished -> finished.outcome() == AttemptOutcome.CERTIFICATE_REJECTED)
              .flatMap(Attempt::certificate)
              .or(() -> CertificateRejectedException.find(connect.failure));
          if (rejected.isPresent()) {
            before.add(CertificateNodes.rejected(rejected.get(), connect.tlsStart, connect.failedAt));
            certificateShown = true;
          } else {
            failuresShown.add(message(connect.failure));
            before.add(ReportNode.builder("tls", "TLS handshake failed: " + message(connect.failure), Status.FAILED)
                .elapsed(connect.tlsStart, connect.failedAt)
                .field("accepted", false)
                .field("error", message(connect.failure))
                .build());
          }
          failureShown |= failure.isPresent() && sameFailure(failure.get(), connect.failure);
        }
      }
    }

    Optional<Connection> reused = call.reusedConnection();
    if (reused.isPresent()) {
      Connection connection = reused.get();
      String address = address(connection.route().socketAddress());
      Handshake handshake = connection.handshake();
      String tls = handshake == null ? "" : ", " + handshake.tlsVersion().javaName();
      before.add(ReportNode.builder("connect",
              "connection reused: " + address + tls + " (opened by an earlier step; no DNS, TCP or TLS this time)",
              Status.INFO)
          .field("address", address)
          .field("reused", true)
          .build());
    }

    ReportNode.Builder lastExchange = null;
    List<CallTrace.Exchange> exchanges = call.exchanges();
    for (int i = 0; i < exchanges.size(); i++) {
      CallTrace.Exchange exchange = exchanges.get(i);
      ReportNode.Builder node = exchange(exchange);
      if (exchange.status < 0 && failure.isPresent()) {
        failureShown = true;
      }
      if (i < exchanges.size() - 1) {
        before.add(node.build());
      } else {
        lastExchange = node;
      }
    }

    if (failure.isPresent() && !failureShown) {
      after.add(ReportNode.builder("result", "the call failed: " + message(failure.get()), Status.FAILED)
          .field("error", message(failure.get()))
          .build());
    }
    return new CallNodes(before, lastExchange, after, certificateShown, failuresShown);
  }

  private static ReportNode.Builder exchange(CallTrace.Exchange exchange) {
    String method = exchange.method == null ? "request" : exchange.method;
    if (exchange.status < 0) {
      String reason = exchange.failure == null ? "no answer" : message(exchange.failure);
      return ReportNode.builder("http", "HTTP " + method + ": no answer: " + reason, Status.FAILED)
          .elapsed(exchange.start, exchange.bodyEnd)
          .field("method", method)
          .field("httpStatus", null)
          .field("contentType", null)
          .field("error", reason);
    }
    String reason = exchange.message == null || exchange.message.isBlank() ? "" : " " + exchange.message;
    String contentType = exchange.contentType == null ? "no content type" : exchange.contentType;
    Status status = exchange.status >= 200 && exchange.status < 300 ? Status.OK
        : exchange.status >= 300 && exchange.status < 400 ? Status.INFO : Status.FAILED;
    String version = version(exchange.protocol);
    ReportNode.Builder node = ReportNode.builder("http",
            version + " " + method + ": " + exchange.status + reason + ", " + contentType, status)
        .elapsed(exchange.start, exchange.headersEnd)
        .field("protocol", version)
        .field("method", method)
        .field("httpStatus", exchange.status)
        .field("contentType", exchange.contentType);
    if (exchange.bodyBytes >= 0) {
      node.field("bodyBytes", exchange.bodyBytes);
    }
    return node;
  }

  /** Returns the HTTP version as people write it: HTTP/1.1, HTTP/2. */
  private static String version(Protocol protocol) {
    if (protocol == null) {
      return "HTTP";
    }
    return switch (protocol) {
      case HTTP_1_0 -> "HTTP/1.0";
      case HTTP_1_1 -> "HTTP/1.1";
      case HTTP_2, H2_PRIOR_KNOWLEDGE -> "HTTP/2";
      default -> protocol.toString().toUpperCase(Locale.ROOT);
    };
  }

  private ReportNode acceptedHandshake(CallTrace.Connect connect, String host, int port) {
    Handshake handshake = connect.handshake;
    List<X509Certificate> chain = new ArrayList<>();
    List<Certificate> presented = connect.presented.isEmpty() ? handshake.peerCertificates() : connect.presented;
    for (Certificate certificate : presented) {
      if (certificate instanceof X509Certificate x509) {
        chain.add(x509);
      }
    }
    String protocol = handshake.tlsVersion().javaName();
    String cipher = handshake.cipherSuite().javaName();
    if (chain.isEmpty()) {
      return ReportNode.builder("tls", "TLS " + protocol + ", " + cipher + ": no server certificate", Status.OK)
          .elapsed(connect.tlsStart, connect.tlsEnd)
          .field("protocol", protocol)
          .field("cipherSuite", cipher)
          .field("accepted", true)
          .field("certificate", null)
          .build();
    }
    CertificateDiagnosis diagnosis = inspector.diagnose(chain, host, port);
    String verdict = diagnosis.valid()
        ? "certificate accepted"
        : "certificate accepted although " + CertificateNodes.problems(diagnosis)
            + " (trusted by the certificate handler or a pin)";
    return ReportNode.builder("tls", "TLS " + protocol + ", " + cipher + ": " + verdict,
            diagnosis.valid() ? Status.OK : Status.WARNING)
        .elapsed(connect.tlsStart, connect.tlsEnd)
        .field("protocol", protocol)
        .field("cipherSuite", cipher)
        .field("accepted", true)
        .field("certificate", CertificateNodes.fields(diagnosis))
        .children(CertificateNodes.lines(diagnosis))
        .build();
  }





  static ReportNode redirect(Redirect redirect) {
    String decision = redirect.allowed() ? "followed" : "not followed";
    String text = switch (redirect.type()) {
      case REDIRECT_ADDR -> "redirectAddr to " + redirect.to() + ": " + decision
          + (redirect.allowed() ? "; the resolution restarts for that address" : "");
      case REDIRECT_URL -> "redirect to " + redirect.to() + ": " + decision;
      case HTTP_REDIRECT -> "HTTP redirect to " + redirect.to() + ": " + decision;
      case SRV -> "SRV target " + redirect.to() + ": " + decision;
    };
    return ReportNode.builder("redirect", text, redirect.allowed() ? Status.INFO : Status.WARNING)
        .field("type", redirect.type().name())
        .field("from", redirect.from())
        .field("to", redirect.to())
        .field("allowed", redirect.allowed())
        .field("decision", decision)
        .build();
  }

  /** Names what an attempt without an HTTP exchange reports: a lookup's answer, or just its result. */
  private static String resultKind(AttemptTrace trace, List<CallTrace> calls) {
    if (!calls.isEmpty()) {
      return "result";
    }
    if (trace.target().startsWith("_")) {
      return "dns";
    }
    if (trace.target().regionMatches(true, 0, "ldap", 0, 4)) {
      return "ldap";
    }
    return "result";
  }

  private static String resultText(AttemptTrace trace, List<CallTrace> calls, String detail) {
    return switch (resultKind(trace, calls)) {
      case "dns" -> "SRV lookup: " + detail;
      case "ldap" -> "LDAP search: " + detail;
      default -> detail;
    };
  }


  static Status status(AttemptOutcome outcome) {
    return switch (outcome) {
      case SUCCESS -> Status.OK;
      case REDIRECTED -> Status.INFO;
      case SKIPPED -> Status.SKIPPED;
      default -> Status.FAILED;
    };
  }

  private static String address(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    String host = ip == null ? address.getHostString() : ip.getHostAddress();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  private static boolean sameFailure(IOException callFailure, IOException stepFailure) {
    for (Throwable cause = callFailure; cause != null; cause = cause.getCause()) {
      if (cause == stepFailure) {
        return true;
      }
      for (Throwable suppressed : cause.getSuppressed()) {
        if (suppressed == stepFailure) {
          return true;
        }
      }
    }
    return false;
  }

  private static String message(Throwable e) {
    String text = e.getMessage();
    return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
  }
}

package dev.autodiscover.examples.cli.doctor;

import dev.autodiscover.Attempt;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Redirect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One attempt as it happened: the address being resolved, the step and its target, the HTTP calls
 * made for it, the attempt as the result records it, and the redirects it led to.
 *
 * <p>Thread-safe: the HTTP calls may report from OkHttp's threads.
 */
final class AttemptTrace {
  private final String email;
  private final DiscoveryMethod method;
  private final String target;
  private final List<CallTrace> calls = new ArrayList<>();
  private final List<Redirect> redirects = new ArrayList<>();
  private Attempt attempt;

  AttemptTrace(String email, DiscoveryMethod method, String target) {
    this.email = email;
    this.method = method;
    this.target = target;
  }

  String email() {
    return email;
  }

  DiscoveryMethod method() {
    return method;
  }

  /** Returns the URL, DNS name or LDAP URL the attempt is about; empty for a skipped step. */
  String target() {
    return target;
  }

  synchronized void addCall(CallTrace call) {
    calls.add(call);
  }

  synchronized List<CallTrace> calls() {
    return List.copyOf(calls);
  }

  synchronized void addRedirect(Redirect redirect) {
    redirects.add(redirect);
  }

  synchronized List<Redirect> redirects() {
    return List.copyOf(redirects);
  }

  synchronized void finished(Attempt attempt) {
    this.attempt = attempt;
  }

  /** Returns the attempt as the result records it; empty when it never finished. */
  synchronized Optional<Attempt> attempt() {
    return Optional.ofNullable(attempt);
  }
}

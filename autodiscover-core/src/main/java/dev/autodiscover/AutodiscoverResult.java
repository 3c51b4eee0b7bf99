package dev.autodiscover;

import dev.autodiscover.tls.CertificateDiagnosis;
import dev.autodiscover.tls.Remediation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one resolution found and did: the endpoint and settings when it succeeded, the error
 * when it did not, and in both cases every attempt and every redirect, in the order they happened.
 *
 * <p>Immutable and thread-safe.
 *
 * @param email the address the resolution was asked for
 * @param finalEmail the address the settings belong to, after any redirectAddr
 * @param endpoint the URL that answered with settings
 * @param settings the settings it answered with
 * @param attempts every attempt, in order
 * @param redirects every redirect met, in order
 * @param error why there is no endpoint; empty exactly when the endpoint is present
 */
public record AutodiscoverResult(
    String email,
    String finalEmail,
    Optional<Endpoint> endpoint,
    Optional<AutodiscoverSettings> settings,
    List<Attempt> attempts,
    List<Redirect> redirects,
    Optional<ResolutionError> error) {

  public AutodiscoverResult {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(finalEmail, "finalEmail");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(settings, "settings");
    attempts = List.copyOf(attempts);
    redirects = List.copyOf(redirects);
    Objects.requireNonNull(error, "error");
    if (endpoint.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException("a result has either an endpoint or an error");
    }
  }

  /** Returns whether an endpoint was found. */
  public boolean resolved() {
    return endpoint.isPresent();
  }

  /**
   * Returns the endpoint, or throws an {@link AutodiscoverException} whose message tells what
   * happened at each step.
   */
  public Endpoint endpointOrThrow() {
    return endpoint.orElseThrow(() -> new AutodiscoverException(this));
  }

  /**
   * Returns what an administrator should change so that the certificates rejected in this
   * resolution are accepted: the {@link Remediation} advice for each {@link
   * AttemptOutcome#CERTIFICATE_REJECTED} attempt, in the order of the attempts, each sentence once.
   * Empty when no certificate was rejected. A host among {@link #office365Aliases()} gets no advice:
   * it serves Microsoft's certificate, which cannot name it, and nothing about it needs to change.
   */
  public List<String> remediation() {
    List<String> domains = domains();
    Set<String> aliases = office365Aliases();
    Set<String> advice = new LinkedHashSet<>();
    for (Attempt attempt : attempts) {
      if (attempt.outcome() != AttemptOutcome.CERTIFICATE_REJECTED || attempt.certificate().isEmpty()
          || aliases.contains(attempt.certificate().get().host())) {
        continue;
      }
      CertificateDiagnosis diagnosis = attempt.certificate().get();
      String method = attempt.method().name();
      advice.addAll(Remediation.advice(diagnosis, method, domainOf(diagnosis.host(), domains)));
    }
    return List.copyOf(advice);
  }

  /**
   * Returns the names the {@link DiscoveryMethod#OFFICE365} step found to be aliases of Microsoft's
   * Autodiscover service, such as {@code autodiscover.contoso.com}: the names of its attempts that
   * ended {@link AttemptOutcome#REDIRECTED}. Empty when the step found none.
   */
  public Set<String> office365Aliases() {
    Set<String> aliases = new LinkedHashSet<>();
    for (Attempt attempt : attempts) {
      if (attempt.method().equals(DiscoveryMethod.OFFICE365) && attempt.outcome() == AttemptOutcome.REDIRECTED) {
        aliases.add(attempt.url());
      }
    }
    return Collections.unmodifiableSet(aliases);
  }

  /** Returns a few lines for people: the verdict, one line per attempt and redirect, then what to change. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    if (resolved()) {
      Endpoint found = endpoint.get();
      text.append("Autodiscover for ").append(email).append(" found ").append(found.url())
          .append(" (").append(found.method()).append(')');
      if (!finalEmail.equalsIgnoreCase(email)) {
        text.append(" as ").append(finalEmail);
      }
    } else {
      text.append("Autodiscover for ").append(email).append(" failed: ").append(error.get());
    }
    for (Attempt attempt : attempts) {
      text.append(System.lineSeparator()).append("  ").append(attempt);
    }
    for (Redirect redirect : redirects) {
      text.append(System.lineSeparator()).append("  redirect ").append(redirect);
    }
    List<String> changes = remediation();
    if (!changes.isEmpty()) {
      text.append(System.lineSeparator()).append("What to change:");
      for (String change : changes) {
        text.append(System.lineSeparator()).append("  - ").append(change);
      }
    }
    return text.toString();
  }

  /** Returns the mail domains this resolution derived candidates for: the address's, then each redirectAddr's. */
  private List<String> domains() {
    List<String> domains = new ArrayList<>();
    domains.add(domain(email));
    for (Redirect redirect : redirects) {
      if (redirect.type() == RedirectType.REDIRECT_ADDR && redirect.allowed()) {
        domains.add(domain(redirect.to()));
      }
    }
    return domains;
  }

  /**
   * Returns the domain whose root or autodiscover host is {@code host}; the address's own domain
   * when {@code host} is neither (a host a redirect led to).
   */
  private static String domainOf(String host, List<String> domains) {
    String name = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).toLowerCase(Locale.ROOT);
    for (String domain : domains) {
      if (name.equals(domain) || name.equals("autodiscover." + domain)) {
        return domain;
      }
    }
    return domains.get(0);
  }

  private static String domain(String address) {
    String trimmed = address.strip();
    return trimmed.substring(trimmed.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
  }
}

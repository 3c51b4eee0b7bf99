package dev.autodiscover.tls;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What was found when a server's certificate chain was checked for a host: every problem at once,
 * and the facts about the leaf certificate a person needs to decide what to do.
 *
 * <p>Immutable and thread-safe; the lists it holds are unmodifiable.
 *
 * @param host the host name or IP literal the certificate was checked against
 * @param port the port the server was reached on, or -1 when unknown
 * @param problems every problem found, main codes first; empty when the certificate is valid
 * @param subject the leaf's subject distinguished name, as RFC 2253 writes it
 * @param issuer the leaf's issuer distinguished name, as RFC 2253 writes it
 * @param dnsNames the leaf's subjectAltName DNS entries, in certificate order
 * @param ipAddresses the leaf's subjectAltName IP address entries, in certificate order
 * @param notBefore start of the leaf's validity
 * @param notAfter end of the leaf's validity
 * @param sha256 SHA-256 of the leaf's DER encoding, 64 lowercase hex digits
 * @param chain the chain as the server presented it, leaf first
 */
public record CertificateDiagnosis(
    String host,
    int port,
    List<CertificateProblem> problems,
    String subject,
    String issuer,
    List<String> dnsNames,
    List<String> ipAddresses,
    Instant notBefore,
    Instant notAfter,
    String sha256,
    List<X509Certificate> chain) {

  public CertificateDiagnosis {
    Objects.requireNonNull(host, "host");
    problems = List.copyOf(problems);
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(issuer, "issuer");
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(sha256, "sha256");
    chain = List.copyOf(chain);
  }

  /** Returns whether the certificate is valid for the host: no problem was found. */
  public boolean valid() {
    return problems.isEmpty();
  }

  /** Returns whether {@code problem} is among the problems found. */
  public boolean has(CertificateProblem problem) {
    return problems.contains(problem);
  }

  /** Returns the leaf certificate. */
  public X509Certificate leaf() {
    return chain.get(0);
  }

  /**
   * Returns one line a person can read, naming each problem and what the certificate does contain,
   * for example {@code certificate for contoso.com is not valid: NAME_MISMATCH (it covers
   * www.contoso.com only); subject CN=www.contoso.com, SHA-256 ab12...}.
   */
  public String summary() {
    return CertificateMessages.summary(this);
  }

  /**
   * Returns this diagnosis with the port the client asked for, when the connection went elsewhere
   * (through a proxy or a test's routing socket) and the handshake saw another port.
   */
  public CertificateDiagnosis atPort(int port) {
    return new CertificateDiagnosis(
        host, port, problems, subject, issuer, dnsNames, ipAddresses, notBefore, notAfter, sha256, chain);
  }
}

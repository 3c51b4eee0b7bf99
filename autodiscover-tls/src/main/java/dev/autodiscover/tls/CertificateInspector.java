package dev.autodiscover.tls;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a server's certificate chain for a host and reports every problem at once, in this order:
 * {@link CertificateProblem#NAME_MISMATCH}, {@link CertificateProblem#EXPIRED} or {@link
 * CertificateProblem#NOT_YET_VALID}, {@link CertificateProblem#SELF_SIGNED}, {@link
 * CertificateProblem#UNTRUSTED_ISSUER}; then the finer causes of those, {@link
 * CertificateProblem#NO_SUBJECT_ALT_NAME}, {@link CertificateProblem#WILDCARD_NOT_COVERING_APEX},
 * {@link CertificateProblem#WILDCARD_OVER_PUBLIC_SUFFIX}, {@link CertificateProblem#IP_NOT_IN_SAN}
 * and {@link CertificateProblem#INCOMPLETE_CHAIN}.
 *
 * <p>The issuer is judged at a moment inside the leaf's validity, so an expired certificate from a
 * trusted authority reports only {@code EXPIRED}. A leaf that is itself one of the trusted
 * certificates is trusted; a self-signed leaf reports {@code SELF_SIGNED} and not also {@code
 * UNTRUSTED_ISSUER}. Revocation is not checked.
 *
 * <p>{@code INCOMPLETE_CHAIN} joins {@code UNTRUSTED_ISSUER} when the leaf's issuer name is the
 * subject of no other certificate the server presented and of no trusted certificate: the
 * certificate that signed the leaf was not sent and is not known here. A server that sends its leaf
 * without the intermediate it was issued by looks like this; so does a leaf issued directly by an
 * unknown authority and sent alone, which cannot be told apart from outside. When the issuer was
 * presented or is a trusted name (with another key), only {@code UNTRUSTED_ISSUER} is reported.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * CertificateInspector inspector = CertificateInspector.create(TrustConfiguration.jdkDefaults());
 * CertificateDiagnosis diagnosis = inspector.diagnose(chain, "autodiscover.contoso.com", 443);
 * if (!diagnosis.valid()) {
 *   log.info(diagnosis.summary());
 * }
 * }</pre>
 */
public final class CertificateInspector {
  private static final Logger log = LoggerFactory.getLogger(CertificateInspector.class);

  private final TrustConfiguration trust;
  private final CertificateNameValidator names;
  private final Clock clock;

  /** Creates an inspector that judges names, dates and issuers with the given rules and clock. */
  public CertificateInspector(TrustConfiguration trust, CertificateNameValidator names, Clock clock) {
    this.trust = Objects.requireNonNull(trust, "trust");
    this.names = Objects.requireNonNull(names, "names");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns an inspector with the strict name rules and the system clock. */
  public static CertificateInspector create(TrustConfiguration trust) {
    return new CertificateInspector(trust, CertificateNameValidator.strict(), Clock.systemUTC());
  }

  /**
   * Returns what is wrong, if anything, with {@code chain} as presented by {@code host} on {@code
   * port}.
   *
   * @param chain the certificates the server presented, leaf first
   * @param host the host name or IP literal the client asked for
   * @param port the port, or -1 when unknown
   * @throws IllegalArgumentException if the chain is empty
   */
  public CertificateDiagnosis diagnose(List<X509Certificate> chain, String host, int port) {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(host, "host");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("chain is empty: a server presents at least its own certificate");
    }
    List<X509Certificate> presented = List.copyOf(chain);
    X509Certificate leaf = presented.get(0);
    Instant now = clock.instant();
    Instant notBefore = leaf.getNotBefore().toInstant();
    Instant notAfter = leaf.getNotAfter().toInstant();

    List<CertificateProblem> problems = new ArrayList<>();
    NameCheck nameCheck = names.check(leaf, host);
    if (!nameCheck.matched()) {
      problems.add(CertificateProblem.NAME_MISMATCH);
    }
    boolean expired = now.isAfter(notAfter);
    boolean notYetValid = now.isBefore(notBefore);
    if (expired) {
      problems.add(CertificateProblem.EXPIRED);
    } else if (notYetValid) {
      problems.add(CertificateProblem.NOT_YET_VALID);
    }
    boolean incomplete = false;
    if (!trust.anchors().contains(leaf)) {
      if (isSelfSigned(leaf)) {
        problems.add(CertificateProblem.SELF_SIGNED);
      } else {
        Instant validMoment = expired || notYetValid ? earliestValidMoment(leaf) : now;
        if (!chainsToAnchor(presented, validMoment)) {
          problems.add(CertificateProblem.UNTRUSTED_ISSUER);
          incomplete = issuerUnknown(presented);
        }
      }
    }
    problems.addAll(CertificateNameValidator.causes(nameCheck));
    if (incomplete) {
      problems.add(CertificateProblem.INCOMPLETE_CHAIN);
    }

    CertificateDiagnosis diagnosis = new CertificateDiagnosis(
        host,
        port,
        problems,
        leaf.getSubjectX500Principal().getName(X500Principal.RFC2253),
        leaf.getIssuerX500Principal().getName(X500Principal.RFC2253),
        Certificates.dnsNames(leaf),
        Certificates.ipAddresses(leaf),
        notBefore,
        notAfter,
        Certificates.sha256(leaf),
        presented);
    if (log.isDebugEnabled()) {
      log.debug("{}", diagnosis.summary());
    }
    return diagnosis;
  }

  CertificateNameValidator names() {
    return names;
  }

  TrustConfiguration trust() {
    return trust;
  }

  private static boolean isSelfSigned(X509Certificate certificate) {
    if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
      return false;
    }
    try {
      certificate.verify(certificate.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false; // Same name, another key: issued by a namesake authority.
    }
  }

  /** Returns whether the leaf's issuer is neither among the presented certificates nor trusted. */
  private boolean issuerUnknown(List<X509Certificate> chain) {
    X500Principal issuer = chain.get(0).getIssuerX500Principal();
    for (X509Certificate certificate : chain.subList(1, chain.size())) {
      if (certificate.getSubjectX500Principal().equals(issuer)) {
        return false;
      }
    }
    for (X509Certificate anchor : trust.anchors()) {
      if (anchor.getSubjectX500Principal().equals(issuer)) {
        return false;
      }
    }
    return true;
  }

  private static Instant earliestValidMoment(X509Certificate leaf) {
    Instant moment = leaf.getNotBefore().toInstant().plusSeconds(1);
    Instant notAfter = leaf.getNotAfter().toInstant();
    return moment.isAfter(notAfter) ? leaf.getNotBefore().toInstant() : moment;
  }

  private boolean chainsToAnchor(List<X509Certificate> chain, Instant moment) {
    if (trust.trustAnchors().isEmpty()) {
      return false;
    }
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(chain.get(0));
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(trust.trustAnchors(), target);
      parameters.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(moment));
      CertPathBuilder.getInstance("PKIX").build(parameters);
      return true;
    } catch (CertPathBuilderException e) {
      log.debug("no path from {} to a trusted certificate: {}",
          chain.get(0).getSubjectX500Principal(), e.getMessage());
      return false;
    } catch (InvalidAlgorithmParameterException e) {
      throw new IllegalStateException("cannot set up PKIX path building", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no PKIX CertPathBuilder", e);
    }
  }
}

package dev.autodiscover.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates a server's chain may lead to: certificate authorities, and individual server
 * certificates a host application chose to trust exactly as they are.
 *
 * <p>Immutable and thread-safe; {@link #plus} returns a new configuration.
 *
 * <pre>{@code
 * TrustConfiguration trust = TrustConfiguration.jdkDefaults()
 *     .plus(TrustConfiguration.readPem(Path.of("corporate-ca.pem")));
 * }</pre>
 */
public final class TrustConfiguration {
  private static final Pattern PEM_CERTIFICATE = Pattern.compile(
      "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");

  private final Set<X509Certificate> anchors;
  private final Set<TrustAnchor> trustAnchors;

  private TrustConfiguration(Set<X509Certificate> anchors) {
    this.anchors = Collections.unmodifiableSet(anchors);
    Set<TrustAnchor> trustAnchors = new LinkedHashSet<>();
    for (X509Certificate anchor : anchors) {
      trustAnchors.add(new TrustAnchor(anchor, null));
    }
    this.trustAnchors = Collections.unmodifiableSet(trustAnchors);
  }

  /** Returns the certificate authorities the JDK trusts by default (its {@code cacerts}). */
  public static TrustConfiguration jdkDefaults() {
    return JdkDefaults.INSTANCE;
  }

  /** Returns a configuration that trusts only {@code anchors}. */
  public static TrustConfiguration of(Collection<X509Certificate> anchors) {
    return new TrustConfiguration(copy(anchors, "anchors"));
  }

  /**
   * Returns a configuration that also trusts {@code extra}: certificate authorities, or server
   * certificates, each of which is then trusted when it is exactly the certificate a server
   * presents.
   */
  public TrustConfiguration plus(Collection<X509Certificate> extra) {
    Set<X509Certificate> union = new LinkedHashSet<>(anchors);
    union.addAll(copy(extra, "extra"));
    return new TrustConfiguration(union);
  }

  /** Returns the trusted certificates, unmodifiable. */
  public Set<X509Certificate> anchors() {
    return anchors;
  }

  /** Returns the same certificates in the form the PKIX API takes. */
  Set<TrustAnchor> trustAnchors() {
    return trustAnchors;
  }

  /**
   * Returns every certificate in a PEM file, in file order.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read, holds no certificate,
   *     or holds one that is not a valid X.509 certificate
   */
  public static List<X509Certificate> readPem(Path file) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read certificates from " + file + ": " + e, e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher matcher = PEM_CERTIFICATE.matcher(text);
    while (matcher.find()) {
      int index = certificates.size() + 1;
      try {
        byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
        certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(der)));
      } catch (IllegalArgumentException | CertificateException e) {
        throw new IllegalArgumentException(
            "certificate " + index + " in " + file + " is not a valid X.509 certificate: "
                + e.getMessage(), e);
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("no certificate in " + file
          + ": expected PEM blocks starting with -----BEGIN CERTIFICATE-----");
    }
    return List.copyOf(certificates);
  }

  private static Set<X509Certificate> copy(Collection<X509Certificate> certificates, String name) {
    Objects.requireNonNull(certificates, name);
    Set<X509Certificate> copy = new LinkedHashSet<>();
    for (X509Certificate certificate : certificates) {
      copy.add(Objects.requireNonNull(certificate, name + " holds null"));
    }
    return copy;
  }

  /** Loaded on first use of {@link #jdkDefaults()}, then kept. */
  private static final class JdkDefaults {
    static final TrustConfiguration INSTANCE = load();

    private static TrustConfiguration load() {
      try {
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
          if (manager instanceof X509TrustManager x509) {
            return new TrustConfiguration(
                new LinkedHashSet<>(Arrays.asList(x509.getAcceptedIssuers())));
          }
        }
        throw new IllegalStateException("the JDK's default TrustManagerFactory has no X509TrustManager");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot load the JDK's default trusted certificates", e);
      }
    }
  }
}

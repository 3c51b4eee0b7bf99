package dev.autodiscover.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TLS trust manager that accepts a server certificate when the {@link CertificateInspector}
 * finds no problem with it for the host being connected to, or when {@link ExtendedTrust} covers
 * that exact certificate for that host; otherwise it throws {@link CertificateRejectedException}.
 *
 * <p>It checks the host name itself during the handshake, taking the host from the socket or
 * engine (the JDK's own endpoint identification belongs to its default trust manager and does not
 * apply here). Where a client also asks for a hostname verifier, give it {@link
 * #hostnameVerifier()} so the same rules decide in both places. Client certificates are never
 * accepted.
 *
 * <p>Thread-safe.
 *
 * <pre>{@code
 * DiagnosingTrustManager trustManager = new DiagnosingTrustManager(
 *     CertificateInspector.create(TrustConfiguration.jdkDefaults()), ExtendedTrust.pins(pinStore));
 * OkHttpClient client = new OkHttpClient.Builder()
 *     .sslSocketFactory(trustManager.socketFactory(), trustManager)
 *     .hostnameVerifier(trustManager.hostnameVerifier())
 *     .build();
 * }</pre>
 */
public final class DiagnosingTrustManager extends X509ExtendedTrustManager {
  private static final Logger log = LoggerFactory.getLogger(DiagnosingTrustManager.class);

  private final CertificateInspector inspector;
  private final ExtendedTrust extendedTrust;
  private volatile SSLContext sslContext;

  public DiagnosingTrustManager(CertificateInspector inspector, ExtendedTrust extendedTrust) {
    this.inspector = Objects.requireNonNull(inspector, "inspector");
    this.extendedTrust = Objects.requireNonNull(extendedTrust, "extendedTrust");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    if (!(socket instanceof SSLSocket sslSocket)) {
      throw new CertificateException("a host is required: the connection is not an SSLSocket");
    }
    SSLSession session = sslSocket.getHandshakeSession();
    if (session == null) {
      throw new CertificateException("a host is required: the socket has no handshake in progress");
    }
    check(chain, host(session.getPeerHost(), session), session.getPeerPort());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    Objects.requireNonNull(engine, "engine");
    check(chain, host(engine.getPeerHost(), engine.getHandshakeSession()), engine.getPeerPort());
  }

  /** Always throws: without a socket or engine there is no host to check the certificate for. */
  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException(
        "a host is required to check a server certificate: connect through an SSLSocket or SSLEngine");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw clientCertificatesNotChecked();
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw clientCertificatesNotChecked();
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw clientCertificatesNotChecked();
  }

  /** Returns the trust anchors of the inspector's configuration. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return inspector.trust().anchors().toArray(new X509Certificate[0]);
  }

  /**
   * Returns a verifier that accepts a session when its leaf certificate covers the host under the
   * inspector's name rules, or when extended trust covers that certificate for that host.
   */
  public HostnameVerifier hostnameVerifier() {
    return this::verify;
  }

  /** Returns a TLS context that uses this trust manager and no client certificate; built once. */
  public SSLContext sslContext() {
    SSLContext context = sslContext;
    if (context == null) {
      synchronized (this) {
        context = sslContext;
        if (context == null) {
          try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, null);
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a TLS context", e);
          }
          sslContext = context;
        }
      }
    }
    return context;
  }

  /** Returns the socket factory of {@link #sslContext()}. */
  public SSLSocketFactory socketFactory() {
    return sslContext().getSocketFactory();
  }

  private void check(X509Certificate[] chain, String host, int port) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new IllegalArgumentException("the server presented no certificate");
    }
    CertificateDiagnosis diagnosis = inspector.diagnose(List.of(chain), host, port);
    if (diagnosis.valid()) {
      return;
    }
    if (extendedTrust.covers(host, diagnosis.sha256())) {
      log.debug("extended trust accepts certificate {} for {} despite {}",
          diagnosis.sha256(), host, diagnosis.problems());
      return;
    }
    throw new CertificateRejectedException(diagnosis);
  }

  private boolean verify(String host, SSLSession session) {
    Certificate[] certificates;
    try {
      certificates = session.getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return false;
    }
    if (certificates.length == 0 || !(certificates[0] instanceof X509Certificate leaf)) {
      return false;
    }
    if (inspector.names().matches(leaf, host)) {
      return true;
    }
    String sha256 = Certificates.sha256(leaf);
    if (extendedTrust.covers(host, sha256)) {
      log.debug("extended trust accepts the name of certificate {} for {}", sha256, host);
      return true;
    }
    return false;
  }

  /** Returns the host the client connected to, falling back on the SNI name it sent. */
  private static String host(String peerHost, SSLSession session) throws CertificateException {
    if (peerHost != null && !peerHost.isEmpty()) {
      return peerHost;
    }
    if (session instanceof ExtendedSSLSession extended) {
      for (SNIServerName name : extended.getRequestedServerNames()) {
        if (name instanceof SNIHostName hostName) {
          return hostName.getAsciiName();
        }
      }
    }
    throw new CertificateException(
        "a host is required: the connection was opened without a host name");
  }

  private static CertificateException clientCertificatesNotChecked() {
    return new CertificateException("client certificates are not checked by this trust manager");
  }
}

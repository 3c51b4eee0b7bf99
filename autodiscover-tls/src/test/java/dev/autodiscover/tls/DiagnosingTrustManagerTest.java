package dev.autodiscover.tls;

import static dev.autodiscover.tls.TestCertificates.authority;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiagnosingTrustManagerTest {
  private final HeldCertificate root = authority("Contoso Test Root");
  private final CertificateInspector inspector =
      CertificateInspector.create(TrustConfiguration.of(List.of(root.certificate())));
  private final ExecutorService serverThread = Executors.newSingleThreadExecutor();
  private SSLServerSocket server;

  @AfterEach
  void closeServer() throws Exception {
    if (server != null) {
      server.close();
    }
    serverThread.shutdownNow();
    assertThat(serverThread.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void handshakeWithCertificateForAnotherNameIsRejectedWithDiagnosis() throws Exception {
    HeldCertificate leaf = serverCertificate("www.contoso.test");
    serve(leaf);
    DiagnosingTrustManager trustManager = new DiagnosingTrustManager(inspector, ExtendedTrust.NONE);

    Throwable thrown = catchThrowable(() -> handshake(trustManager, "contoso.test").close());

    assertThat(thrown).isInstanceOf(SSLHandshakeException.class);
    CertificateDiagnosis diagnosis = CertificateRejectedException.find(thrown).orElseThrow();
    assertThat(diagnosis.problems()).containsExactly(CertificateProblem.NAME_MISMATCH);
    assertThat(diagnosis.host()).isEqualTo("contoso.test");
    assertThat(diagnosis.port()).isEqualTo(server.getLocalPort());
    assertThat(diagnosis.dnsNames()).containsExactly("www.contoso.test");
    assertThat(diagnosis.sha256()).isEqualTo(Certificates.sha256(leaf.certificate()));
  }

  @Test
  void handshakeIsAcceptedWhenExtendedTrustCoversTheExactCertificate() throws Exception {
    HeldCertificate leaf = serverCertificate("www.contoso.test");
    serve(leaf);
    String sha256 = Certificates.sha256(leaf.certificate());
    DiagnosingTrustManager trustManager = new DiagnosingTrustManager(
        inspector, ExtendedTrust.exactly("contoso.test", sha256));

    try (SSLSocket socket = handshake(trustManager, "contoso.test")) {
      assertThat(socket.getInputStream().read()).isEqualTo('!');
      assertThat(trustManager.hostnameVerifier().verify("contoso.test", socket.getSession())).isTrue();
      assertThat(trustManager.hostnameVerifier().verify("fabrikam.test", socket.getSession())).isFalse();
    }
  }

  @Test
  void handshakeWithValidCertificateIsAccepted() throws Exception {
    serve(serverCertificate("autodiscover.contoso.test"));
    DiagnosingTrustManager trustManager = new DiagnosingTrustManager(inspector, ExtendedTrust.NONE);

    try (SSLSocket socket = handshake(trustManager, "autodiscover.contoso.test")) {
      assertThat(socket.getInputStream().read()).isEqualTo('!');
      assertThat(trustManager.hostnameVerifier()
          .verify("autodiscover.contoso.test", socket.getSession())).isTrue();
    }
  }

  @Test
  void pinForAnotherCertificateOfTheSameHostDoesNotCoverThisOne() throws Exception {
    serve(serverCertificate("www.contoso.test"));
    PinStore pins = PinStore.inMemory();
    pins.pin("contoso.test", Certificates.sha256(serverCertificate("www.contoso.test").certificate()));
    DiagnosingTrustManager trustManager =
        new DiagnosingTrustManager(inspector, ExtendedTrust.pins(pins));

    Throwable thrown = catchThrowable(() -> handshake(trustManager, "contoso.test").close());

    assertThat(CertificateRejectedException.find(thrown)).isPresent();
  }

  @Test
  void serverCheckWithoutSocketOrEngineNeedsAHost() {
    DiagnosingTrustManager trustManager = new DiagnosingTrustManager(inspector, ExtendedTrust.NONE);
    X509Certificate[] chain = {serverCertificate("contoso.test").certificate()};

    assertThatThrownBy(() -> trustManager.checkServerTrusted(chain, "ECDHE_ECDSA"))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("a host is required");
  }

  @Test
  void clientCertificatesAreNeverChecked() {
    DiagnosingTrustManager trustManager = new DiagnosingTrustManager(inspector, ExtendedTrust.NONE);
    X509Certificate[] chain = {serverCertificate("contoso.test").certificate()};

    assertThatThrownBy(() -> trustManager.checkClientTrusted(chain, "ECDHE_ECDSA"))
        .isInstanceOf(CertificateException.class)
        .hasMessage("client certificates are not checked by this trust manager");
    assertThatThrownBy(() -> trustManager.checkClientTrusted(chain, "ECDHE_ECDSA", (Socket) null))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void acceptedIssuersAreTheTrustAnchors() {
    DiagnosingTrustManager trustManager = new DiagnosingTrustManager(inspector, ExtendedTrust.NONE);

    assertThat(trustManager.getAcceptedIssuers()).containsExactly(root.certificate());
    assertThat(trustManager.sslContext()).isSameAs(trustManager.sslContext());
  }

  private HeldCertificate serverCertificate(String name) {
    return new HeldCertificate.Builder()
        .commonName(name)
        .addSubjectAlternativeName(name)
        .signedBy(root)
        .build();
  }

  /** Serves {@code certificate} to one client on 127.0.0.1, writing one byte after the handshake. */
  private void serve(HeldCertificate certificate) throws IOException {
    HandshakeCertificates serverCertificates =
        new HandshakeCertificates.Builder().heldCertificate(certificate).build();
    server = (SSLServerSocket) serverCertificates.sslContext().getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    serverThread.submit(() -> {
      try (SSLSocket socket = (SSLSocket) server.accept()) {
        socket.setSoTimeout(5_000);
        socket.startHandshake();
        socket.getOutputStream().write('!');
        socket.getOutputStream().flush();
        socket.getInputStream().read(); // Wait for the client to close.
      } catch (IOException expectedWhenTheClientRejects) {
        // The client's verdict is what the test asserts.
      }
      return null;
    });
  }

  /** Connects to the loopback server as if it were {@code host}, and completes the handshake. */
  private SSLSocket handshake(DiagnosingTrustManager trustManager, String host) throws IOException {
    Socket raw = new Socket();
    raw.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), server.getLocalPort()), 5_000);
    raw.setSoTimeout(5_000);
    SSLSocket socket = (SSLSocket) trustManager.socketFactory()
        .createSocket(raw, host, server.getLocalPort(), true);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setServerNames(List.of(new SNIHostName(host)));
    socket.setSSLParameters(parameters);
    try {
      socket.startHandshake();
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    return socket;
  }
}

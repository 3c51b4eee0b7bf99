package dev.autodiscover.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.tls.HeldCertificate;

/**
 * Describes a {@link FixtureHost} before it starts: its certificate, and whether it also serves
 * plain HTTP.
 *
 * <pre>{@code
 * FixtureHost host = FixtureHost.builder("autodiscover.contoso.test")
 *     .https(ca.issue("autodiscover.contoso.test"))
 *     .http()
 *     .start();
 * }</pre>
 *
 * <p>Thread safety: not thread-safe; build on one thread.
 */
public final class FixtureHostBuilder {

  /** Jetty threads per host: enough for two connectors, few enough to start fast. */
  private static final int CONTAINER_THREADS = 12;

  private final String name;
  private final Function<String, HeldCertificate> defaultCertificate;
  private final Consumer<FixtureHost> onStart;
  private HeldCertificate certificate;
  private X509Certificate[] chain = new X509Certificate[0];
  private boolean https;
  private boolean http;

  FixtureHostBuilder(String name) {
    this(name, TestCertificateAuthority::selfSigned, host -> { });
  }

  FixtureHostBuilder(
      String name,
      Function<String, HeldCertificate> defaultCertificate,
      Consumer<FixtureHost> onStart) {
    this.name = FixtureNames.normalize(name);
    this.defaultCertificate = defaultCertificate;
    this.onStart = onStart;
  }

  /**
   * Serves HTTPS with a certificate for the host name: issued by the network's authority inside
   * a {@link FixtureNetwork}, self-signed otherwise.
   */
  public FixtureHostBuilder https() {
    this.https = true;
    this.certificate = null;
    return this;
  }

  /** Serves HTTPS with {@code certificate}, sending {@code chain} (intermediates) after it. */
  public FixtureHostBuilder https(HeldCertificate certificate, X509Certificate... chain) {
    this.https = true;
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    this.chain = chain.clone();
    return this;
  }

  /** Also serves plain HTTP. */
  public FixtureHostBuilder http() {
    this.http = true;
    return this;
  }

  /**
   * Starts the host.
   *
   * @throws IllegalStateException if neither HTTPS nor HTTP was asked for
   */
  public FixtureHost start() {
    if (!https && !http) {
      throw new IllegalStateException(name + " needs https(...), http() or both before start()");
    }
    HeldCertificate served = https
        ? (certificate != null ? certificate : defaultCertificate.apply(name))
        : null;
    WireMockConfiguration options = WireMockConfiguration.options()
        .bindAddress(Loopback.IPV4.getHostAddress())
        .containerThreads(CONTAINER_THREADS)
        .jettyAcceptors(1)
        .asynchronousResponseEnabled(false)
        .gzipDisabled(true)
        .maxRequestJournalEntries(1000)
        .notifier(new Slf4jWireMockNotifier(name))
        .httpDisabled(!http);
    if (http) {
      options.dynamicPort();
    }
    Path keystore = null;
    if (served != null) {
      keystore = Keystores.writePkcs12(served, chain);
      options.dynamicHttpsPort()
          .keystorePath(keystore.toString())
          .keystorePassword(Keystores.PASSWORD)
          .keyManagerPassword(Keystores.PASSWORD)
          .keystoreType("PKCS12");
    }
    WireMockServer server = new WireMockServer(options);
    FixtureHost host = new FixtureHost(name, server, served, keystore, http);
    try {
      server.start();
      onStart.accept(host);
    } catch (RuntimeException e) {
      host.close();
      throw e;
    }
    return host;
  }
}

package dev.autodiscover.internal.http;

import dev.autodiscover.internal.dns.DnsDeadline;
import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.tls.CertificateInspector;
import dev.autodiscover.tls.DiagnosingTrustManager;
import dev.autodiscover.tls.ExtendedTrust;
import java.time.Duration;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.Authenticator;
import okhttp3.CookieJar;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The HTTP clients of one resolver: every host name resolved through its {@link DnsClient} within
 * the call's time limit, no
 * automatic redirects, no automatic authentication, no cookies, and certificates judged by a
 * {@link DiagnosingTrustManager} (the same rules for the chain and for the host name).
 *
 * <p>Immutable and thread-safe.
 */
public final class Transport {
  /**
   * Bounds the host lookup of a call by the call's own time limit: OkHttp looks the host up on the
   * calling thread, through {@link OkHttpDns}, which asks for the thread's {@link DnsDeadline}.
   */
  private static final Interceptor DNS_WITHIN_CALL_TIMEOUT = chain -> {
    long nanos = chain.call().timeout().timeoutNanos();
    return nanos == 0
        ? chain.proceed(chain.request())
        : DnsDeadline.within(Duration.ofNanos(nanos), () -> chain.proceed(chain.request()));
  };

  private final OkHttpClient client;
  private final CertificateInspector inspector;
  private final ExtendedTrust pinned;
  private final DiagnosingTrustManager trustManager;

  public Transport(
      OkHttpClient base,
      DnsClient dns,
      SocketFactory socketFactory,
      CertificateInspector inspector,
      ExtendedTrust pinned,
      Duration connectTimeout,
      Duration readTimeout) {
    this.inspector = inspector;
    this.pinned = pinned;
    this.trustManager = new DiagnosingTrustManager(inspector, pinned);
    OkHttpClient.Builder builder = base.newBuilder()
        .dns(new OkHttpDns(dns))
        .followRedirects(false)
        .followSslRedirects(false)
        .authenticator(Authenticator.NONE)
        .cookieJar(CookieJar.NO_COOKIES)
        .cache(null)
        .addInterceptor(CallWatch.CALLS)
        .addInterceptor(DNS_WITHIN_CALL_TIMEOUT)
        .addNetworkInterceptor(CallWatch.CONNECTIONS)
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .writeTimeout(readTimeout);
    if (socketFactory != null) {
      builder.socketFactory(socketFactory);
    }
    this.client = withTrust(builder, trustManager).build();
  }

  /** Returns the client that accepts valid certificates and those pinned in the pin store. */
  public OkHttpClient client() {
    return client;
  }

  /**
   * Returns a client that also accepts what {@code extra} covers. Its connections are never shared
   * with {@link #client()}: a certificate trusted once stays trusted only where it was asked for.
   */
  public OkHttpClient extendedBy(ExtendedTrust extra) {
    return withTrust(client.newBuilder(), new DiagnosingTrustManager(inspector, pinned.or(extra))).build();
  }

  /**
   * Returns a TLS socket factory that judges certificates as {@link #client()} does, for
   * connections other than HTTP (LDAPS).
   */
  public SSLSocketFactory sslSocketFactory() {
    return trustManager.socketFactory();
  }

  private static OkHttpClient.Builder withTrust(OkHttpClient.Builder builder, DiagnosingTrustManager trustManager) {
    return builder
        .sslSocketFactory(trustManager.socketFactory(), trustManager)
        .hostnameVerifier(trustManager.hostnameVerifier());
  }
}

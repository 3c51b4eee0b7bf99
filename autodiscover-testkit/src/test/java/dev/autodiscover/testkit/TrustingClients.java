package dev.autodiscover.testkit;

import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;

/** HTTP clients for the test kit's own tests: trusting one test authority, following no redirect. */
final class TrustingClients {
  private TrustingClients() {}

  /** Returns a client that trusts {@code ca}'s certificates, never follows a redirect, and reads for 5 s at most. */
  static OkHttpClient of(TestCertificateAuthority ca) {
    HandshakeCertificates trust = ca.trust();
    return new OkHttpClient.Builder()
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .followRedirects(false)
        .readTimeout(5, TimeUnit.SECONDS)
        .build();
  }
}

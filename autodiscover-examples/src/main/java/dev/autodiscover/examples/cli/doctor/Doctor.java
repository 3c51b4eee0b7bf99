package dev.autodiscover.examples.cli.doctor;

import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.tls.CertificateInspector;
import dev.autodiscover.tls.TrustConfiguration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Resolves one address while recording every step, and reports on it.
 *
 * <p>The resolver is built from the given builder with two additions: a listener that records its
 * attempts and redirects, and an HTTP client whose {@link okhttp3.EventListener} records each
 * call's DNS lookup, connections, TLS handshakes and exchanges (the resolver derives its own client
 * from that one, so it sees every call). Both replace any the builder held. The certificates of
 * accepted connections are judged again, with the same trust, to show what they hold.
 *
 * <pre>{@code
 * DoctorReport report = Doctor.examine(builder, trust, "alice@contoso.com");
 * System.out.println(TextReport.render(report, Style.PLAIN));
 * }</pre>
 */
public final class Doctor {
  private Doctor() {}

  /**
   * Resolves {@code email} with a resolver built from {@code builder}, and reports on every step.
   *
   * @param builder the resolver's settings; its listener and HTTP client are replaced
   * @param trust the trust anchors the builder gives the resolver
   * @param email the address to resolve
   */
  public static DoctorReport examine(AutodiscoverResolver.Builder builder, TrustConfiguration trust, String email) {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(email, "email");
    TraceRecorder trace = new TraceRecorder();
    OkHttpClient client = new OkHttpClient.Builder().eventListenerFactory(trace).build();
    try {
      AutodiscoverResult result = builder.listener(trace).httpClient(client).build().resolve(email);
      return DoctorReport.of(result, trace, CertificateInspector.create(trust));
    } finally {
      client.connectionPool().evictAll();
    }
  }
}

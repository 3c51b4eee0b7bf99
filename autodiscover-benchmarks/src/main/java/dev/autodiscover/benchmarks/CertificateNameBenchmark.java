package dev.autodiscover.benchmarks;

import dev.autodiscover.tls.CertificateNameValidator;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.internal.tls.OkHostnameVerifier;
import okhttp3.tls.HeldCertificate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Compares {@link CertificateNameValidator#strict()} with OkHttp's {@link OkHostnameVerifier} on
 * the same certificates and host names.
 *
 * <p>One operation checks every (certificate, host) pair of the set once, so both benchmarks do the
 * same work: {@value #CERTIFICATE_COUNT} certificates times {@value #HOST_COUNT} hosts. Setup
 * refuses to start when the two disagree on a pair that {@link #KNOWN_DIFFERENCES} does not list.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CertificateNameBenchmark {
  static final int CERTIFICATE_COUNT = 5;
  static final int HOST_COUNT = 10;

  private static final String[] HOSTS = {
    "autodiscover.contoso.com", // exact name; also in the SAN list; wildcard hit
    "AutoDiscover.Contoso.COM", // the same, in another case
    "owa.contoso.com", // in the SAN list; wildcard hit
    "autodiscover.fabrikam.com", // in the SAN list only
    "contoso.com", // apex: the wildcard never covers it
    "a.b.contoso.com", // the wildcard covers one label only
    "autodiscover.contoso.net", // matches nothing
    "192.0.2.10", // IPv4 literal in the IP SAN
    "192.0.2.11", // IPv4 literal, a different address
    "2001:db8::10", // IPv6 literal in the IP SAN, written short
  };

  /**
   * Pairs, as {@code "certificate index|host"}, on which the two are allowed to disagree. Empty:
   * on this set they agree everywhere, including the CN-only certificate (neither reads the CN).
   */
  private static final Set<String> KNOWN_DIFFERENCES = Set.of();

  private X509Certificate[] certificates;
  private String[] hosts;

  @Setup
  public void setUp() {
    List<X509Certificate> generated = List.of(
        certificate("autodiscover.contoso.com"),
        certificate(
            "mail.contoso.com",
            "autodiscover.contoso.com",
            "owa.contoso.com",
            "autodiscover.fabrikam.com",
            "autodiscover.northwind.example"),
        certificate("*.contoso.com"),
        certificate("192.0.2.10", "2001:db8::10"),
        new HeldCertificate.Builder().commonName("autodiscover.contoso.com").build().certificate());
    if (generated.size() != CERTIFICATE_COUNT || HOSTS.length != HOST_COUNT) {
      throw new IllegalStateException("update CERTIFICATE_COUNT and HOST_COUNT");
    }

    // Flattened so that both benchmarks walk one array of pairs in the same order.
    certificates = new X509Certificate[CERTIFICATE_COUNT * HOST_COUNT];
    hosts = new String[CERTIFICATE_COUNT * HOST_COUNT];
    for (int c = 0; c < CERTIFICATE_COUNT; c++) {
      for (int h = 0; h < HOST_COUNT; h++) {
        certificates[c * HOST_COUNT + h] = generated.get(c);
        hosts[c * HOST_COUNT + h] = HOSTS[h];
      }
    }
    requireAgreement();
  }

  @Benchmark
  public void autodiscoverValidator(Blackhole blackhole) {
    CertificateNameValidator validator = CertificateNameValidator.strict();
    for (int i = 0; i < certificates.length; i++) {
      blackhole.consume(validator.matches(certificates[i], hosts[i]));
    }
  }

  @Benchmark
  public void okHttpVerifier(Blackhole blackhole) {
    OkHostnameVerifier verifier = OkHostnameVerifier.INSTANCE;
    for (int i = 0; i < certificates.length; i++) {
      blackhole.consume(verifier.verify(hosts[i], certificates[i]));
    }
  }

  /** Fails setup when the two disagree on a pair not listed in {@link #KNOWN_DIFFERENCES}. */
  private void requireAgreement() {
    List<String> disagreements = new ArrayList<>();
    int matches = 0;
    for (int i = 0; i < certificates.length; i++) {
      boolean ours = CertificateNameValidator.strict().matches(certificates[i], hosts[i]);
      boolean okHttp = OkHostnameVerifier.INSTANCE.verify(hosts[i], certificates[i]);
      String pair = (i / HOST_COUNT) + "|" + hosts[i];
      if (ours != okHttp && !KNOWN_DIFFERENCES.contains(pair)) {
        disagreements.add(pair + ": autodiscover=" + ours + ", okhttp=" + okHttp);
      }
      if (ours) {
        matches++;
      }
    }
    if (!disagreements.isEmpty()) {
      throw new IllegalStateException("the verifiers disagree on " + disagreements);
    }
    if (matches == 0 || matches == certificates.length) {
      throw new IllegalStateException("the set must hold both matching and refused pairs");
    }
  }

  private static X509Certificate certificate(String... subjectAltNames) {
    HeldCertificate.Builder builder = new HeldCertificate.Builder().commonName("benchmark");
    for (String name : subjectAltNames) {
      builder.addSubjectAlternativeName(name);
    }
    return builder.build().certificate();
  }
}

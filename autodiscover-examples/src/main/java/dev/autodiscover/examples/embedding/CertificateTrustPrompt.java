package dev.autodiscover.examples.embedding;

import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.tls.CertificateDiagnosis;
import dev.autodiscover.tls.PinStore;
import dev.autodiscover.tls.TrustDecision;
import dev.autodiscover.tls.UntrustedCertificateHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * An {@link UntrustedCertificateHandler} that shows the person at the console what is wrong with a
 * server's certificate and lets them trust it once, trust it always, skip that server or abort;
 * "always" is remembered in a pin file, so the next run trusts that certificate without asking.
 *
 * <p>Thread-safe: when several resolutions ask at once, the questions are put one after another.
 *
 * <p>Run it: {@code java -cp autodiscover-examples/target/autodiscover.jar
 * dev.autodiscover.examples.embedding.CertificateTrustPrompt alice@contoso.com [PINFILE]}
 */
public final class CertificateTrustPrompt implements UntrustedCertificateHandler {
  private final BufferedReader in;
  private final PrintWriter out;

  public CertificateTrustPrompt(BufferedReader in, PrintWriter out) {
    this.in = Objects.requireNonNull(in, "in");
    this.out = Objects.requireNonNull(out, "out");
  }

  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: CertificateTrustPrompt EMAIL [PINFILE]");
      System.exit(2);
    }
    AutodiscoverResolver.Builder builder = AutodiscoverResolver.builder()
        .timeout(Duration.ofSeconds(30)) // time spent answering the prompt is not counted
        .connectTimeout(Duration.ofSeconds(5))
        .requestTimeout(Duration.ofSeconds(10));
    Path pins = Path.of(args.length == 2 ? args[1] : "autodiscover-pins.txt");
    Charset charset = Charset.defaultCharset();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, charset));
    PrintWriter out = new PrintWriter(System.out, true, charset);
    System.exit(resolve(builder, pins, args[0], in, out).resolved() ? 0 : 1);
  }

  /** Resolves {@code email}, asking about untrusted certificates; "always" is kept in {@code pinFile}. */
  public static AutodiscoverResult resolve(
      AutodiscoverResolver.Builder builder, Path pinFile, String email, BufferedReader in, PrintWriter out) {
    AutodiscoverResult result = builder
        .pinStore(PinStore.file(pinFile)) // read now; rewritten atomically on each "always"
        .untrustedCertificateHandler(new CertificateTrustPrompt(in, out))
        .build()
        .resolve(email);
    out.println(result.resolved() ? "Autodiscover: " + result.endpoint().get().url() : result.describe());
    out.flush();
    return result;
  }

  @Override
  public synchronized TrustDecision decide(CertificateDiagnosis diagnosis) {
    out.println("The certificate of " + diagnosis.host() + " is not trusted: " + diagnosis.problems());
    out.println("  subject:  " + diagnosis.subject());
    out.println("  issuer:   " + diagnosis.issuer());
    out.println("  names:    " + String.join(", ", diagnosis.dnsNames()));
    out.println("  valid:    " + diagnosis.notBefore() + " to " + diagnosis.notAfter());
    out.println("  SHA-256:  " + diagnosis.sha256());
    out.print("Trust it? [once/always/skip/abort, default skip] ");
    out.flush();
    String answer;
    try {
      answer = in.readLine();
    } catch (IOException e) {
      answer = null; // no answer is a skip
    }
    return switch (answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT)) {
      case "once" -> TrustDecision.TRUST_ONCE;
      case "always" -> TrustDecision.TRUST_ALWAYS; // pinned for this host in the pin store
      case "abort" -> TrustDecision.ABORT;
      default -> TrustDecision.SKIP;
    };
  }
}

package dev.autodiscover.examples.embedding;

import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.Strategies;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;

/**
 * Runs the discovery steps in an order of the application's choosing, with a step of its own
 * first: the Autodiscover URL the application's configuration names for the address's domain
 * ({@link ConfiguredUrlStrategy}).
 *
 * <p>The order here: the configured URL, then {@code https://autodiscover.<domain>}, then SRV
 * targets on port 443 or 8443. Left out: the root domain ({@code https://<domain>}, often the
 * public web site), the plain-HTTP redirect, and Active Directory.
 *
 * <p>The built-in strategies and {@link ConfiguredUrlStrategy} are immutable and thread-safe, like
 * the resolver they go into: build the resolver once and share it.
 *
 * <p>Run it: {@code java -cp autodiscover-examples/target/autodiscover.jar
 * dev.autodiscover.examples.embedding.CustomStrategyOrder alice@contoso.com
 * [https://mail.contoso.com/autodiscover/autodiscover.xml]}
 */
public final class CustomStrategyOrder {
  private CustomStrategyOrder() {}

  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: CustomStrategyOrder EMAIL [AUTODISCOVER_URL]");
      System.exit(2);
    }
    AutodiscoverResolver.Builder builder = AutodiscoverResolver.builder()
        .timeout(Duration.ofSeconds(15))
        .connectTimeout(Duration.ofSeconds(5))
        .requestTimeout(Duration.ofSeconds(10));
    PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
    try {
      String domain = args[0].substring(args[0].lastIndexOf('@') + 1);
      Map<String, URI> configured = args.length == 2 ? Map.of(domain, URI.create(args[1])) : Map.of();
      System.exit(resolve(builder, configured, args[0], out).resolved() ? 0 : 1);
    } catch (IllegalArgumentException e) { // the configured URL is not an https URL
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }

  /** Resolves {@code email} with the configured URL first, then the chosen built-in steps. */
  public static AutodiscoverResult resolve(
      AutodiscoverResolver.Builder builder, Map<String, URI> configured, String email, PrintWriter out) {
    AutodiscoverResult result = builder
        .strategies(
            new ConfiguredUrlStrategy(configured), // the application's own configuration first
            Strategies.prefixedHost(),             // https://autodiscover.<domain>; no root domain
            Strategies.srv(443, 8443))             // SRV targets on 443 or 8443, each after consent
        .build()
        .resolve(email);
    out.println(result.resolved() ? "Autodiscover: " + result.endpoint().get().url() : result.describe());
    out.flush();
    return result;
  }
}

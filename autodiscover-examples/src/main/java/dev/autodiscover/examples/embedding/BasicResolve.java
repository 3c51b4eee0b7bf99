package dev.autodiscover.examples.embedding;

import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.AutodiscoverSettings;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Duration;

/**
 * Finds a mailbox's Autodiscover endpoint with one resolver and prints its EWS URL, or the story of
 * every step when nothing was found.
 *
 * <p>Build the resolver once and share it: it is immutable and thread-safe, and every thread of
 * the application may call {@code resolve} on it at the same time.
 *
 * <p>Run it: {@code java -cp autodiscover-examples/target/autodiscover.jar
 * dev.autodiscover.examples.embedding.BasicResolve alice@contoso.com}
 */
public final class BasicResolve {
  private BasicResolve() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: BasicResolve EMAIL");
      System.exit(2);
    }
    // Short limits for someone waiting at a console; a background job can keep the defaults.
    AutodiscoverResolver resolver = AutodiscoverResolver.builder()
        .timeout(Duration.ofSeconds(15))        // the whole resolution, redirects included
        .connectTimeout(Duration.ofSeconds(5))  // one TCP connection
        .requestTimeout(Duration.ofSeconds(10)) // one HTTP exchange
        .build();
    PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
    AutodiscoverResult result = resolve(resolver, args[0], out);
    System.exit(result.resolved() ? 0 : 1);
  }

  /**
   * Resolves {@code email} and prints the Autodiscover URL and the EWS URL, or {@code describe()}:
   * the verdict, one line per attempt, and what an administrator should change.
   */
  public static AutodiscoverResult resolve(AutodiscoverResolver resolver, String email, PrintWriter out) {
    // resolve() never throws for a failed resolution: the result says what happened.
    AutodiscoverResult result = resolver.resolve(email);
    if (result.resolved()) {
      out.println("Autodiscover: " + result.endpoint().get().url()
          + " (found by " + result.endpoint().get().method() + ")");
      out.println("EWS: " + result.settings().flatMap(AutodiscoverSettings::ewsUrl).orElse("(none)"));
    } else {
      out.println(result.describe());
    }
    out.flush();
    return result;
  }
}

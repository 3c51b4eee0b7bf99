package dev.autodiscover.examples.embedding;

import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.RedirectConsent;
import dev.autodiscover.RedirectDecision;
import dev.autodiscover.RedirectRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link RedirectConsent} that asks the person at the console whether to follow a redirect,
 * and tells them why they are asked.
 *
 * <p>Thread-safe: when several resolutions ask at once, the questions are put one after another.
 *
 * <p>Run it: {@code java -cp autodiscover-examples/target/autodiscover.jar
 * dev.autodiscover.examples.embedding.RedirectConsentPrompt alice@contoso.com}
 */
public final class RedirectConsentPrompt implements RedirectConsent {
  private final BufferedReader in;
  private final PrintWriter out;

  public RedirectConsentPrompt(BufferedReader in, PrintWriter out) {
    this.in = Objects.requireNonNull(in, "in");
    this.out = Objects.requireNonNull(out, "out");
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: RedirectConsentPrompt EMAIL");
      System.exit(2);
    }
    AutodiscoverResolver.Builder builder = AutodiscoverResolver.builder()
        .timeout(Duration.ofSeconds(30)) // time spent answering the prompt is not counted
        .connectTimeout(Duration.ofSeconds(5))
        .requestTimeout(Duration.ofSeconds(10));
    Charset charset = Charset.defaultCharset();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, charset));
    PrintWriter out = new PrintWriter(System.out, true, charset);
    System.exit(resolve(builder, args[0], in, out).resolved() ? 0 : 1);
  }

  /** Resolves {@code email}, asking on the console before following a redirect that needs consent. */
  public static AutodiscoverResult resolve(
      AutodiscoverResolver.Builder builder, String email, BufferedReader in, PrintWriter out) {
    AutodiscoverResult result = builder
        .redirectConsent(new RedirectConsentPrompt(in, out))
        .build()
        .resolve(email);
    out.println(result.resolved() ? "Autodiscover: " + result.endpoint().get().url() : result.describe());
    out.flush();
    return result;
  }

  @Override
  public synchronized RedirectDecision decide(RedirectRequest request) {
    out.println(request.emailAddress() + ": follow " + request.from() + " to " + request.to() + "?");
    out.println("  Asked because " + reason(request) + ".");
    if (!request.withinEmailDomain()) {
      out.println("  Careful: " + request.to().getHost() + " is outside the domain of "
          + request.emailAddress() + ".");
    }
    out.print("Follow it? [y/N] ");
    out.flush();
    String answer;
    try {
      answer = in.readLine();
    } catch (IOException e) {
      answer = null; // no answer is a no
    }
    String yes = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
    return yes.equals("y") || yes.equals("yes") ? RedirectDecision.ALLOW : RedirectDecision.DENY;
  }

  /** Why the library asks: the source could be forged, or the target lies in another domain. */
  private static String reason(RedirectRequest request) {
    return switch (request.type()) {
      case SRV -> "the DNS SRV record " + request.from() + " names that server, and DNS can be forged";
      case HTTP_REDIRECT -> "an unencrypted HTTP answer named that server, and it can be forged";
      case REDIRECT_URL -> "the Autodiscover server redirects to another domain";
      case REDIRECT_ADDR -> "the server names another address"; // never asked: the resolution restarts
    };
  }
}

package dev.autodiscover.internal.dialect;

import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.Dialect;
import java.util.List;
import java.util.Objects;

/**
 * What one Autodiscover answer says, whatever dialect it was written in: settings, a redirect, an
 * error, or that the body is not an Autodiscover answer at all. Each dialect's reader turns a body
 * into one of these and never throws for bad input.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface Reply {

  /**
   * Settings for the mailbox.
   *
   * @param settings the settings read
   * @param notes one line each about what the server could not give (a SOAP setting it refused, say)
   */
  record Settings(AutodiscoverSettings settings, List<String> notes) implements Reply {
    public Settings {
      Objects.requireNonNull(settings, "settings");
      notes = List.copyOf(notes);
    }

    public Settings(AutodiscoverSettings settings) {
      this(settings, List.of());
    }
  }

  /**
   * The mailbox's real address: the resolution starts again for it.
   *
   * @param address the address as the server wrote it, trimmed, not yet checked
   * @param via how the server said it, for the story: {@code redirectAddr}, {@code RedirectAddress}...
   */
  record RedirectAddr(String address, String via) implements Reply {
    public RedirectAddr {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(via, "via");
    }
  }

  /**
   * Another URL to ask, in the dialect {@code next}.
   *
   * @param url the URL as the server wrote it, trimmed, not yet checked
   * @param via how the server said it, for the story: {@code redirectUrl}, {@code RedirectUrl}...
   * @param next the dialect to speak at {@code url}
   */
  record RedirectUrl(String url, String via, Dialect next) implements Reply {
    public RedirectUrl {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(via, "via");
      Objects.requireNonNull(next, "next");
    }
  }

  /**
   * The server answered with an error of its dialect.
   *
   * @param code the server's error code ({@code 500}, {@code InvalidUser}...), empty when it gave none
   * @param description one line for people, holding the code and the server's message
   */
  record Error(String code, String description) implements Reply {
    public Error {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(description, "description");
    }
  }

  /**
   * The body is not an answer in the expected dialect: a web page, malformed, or too large.
   *
   * @param reason why, in a few words
   */
  record NotAutodiscover(String reason) implements Reply {
    public NotAutodiscover {
      Objects.requireNonNull(reason, "reason");
    }
  }
}

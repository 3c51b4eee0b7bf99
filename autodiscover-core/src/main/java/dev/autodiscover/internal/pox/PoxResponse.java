package dev.autodiscover.internal.pox;

import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.ProtocolSettings;
import dev.autodiscover.internal.ServerText;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a POX Autodiscover response body says: settings, a redirect, an error, or that the body is
 * not an Autodiscover response at all.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface PoxResponse {

  /** Returns a one-line description for people, such as an attempt's detail. */
  String describe();

  /**
   * The server returned the mailbox's settings ({@code Action} {@code settings}).
   *
   * @param settings the parsed settings
   */
  record Settings(AutodiscoverSettings settings) implements PoxResponse {
    public Settings {
      Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String describe() {
      String types =
          settings.protocols().stream()
              .map(ProtocolSettings::type)
              .map(type -> type.isEmpty() ? "?" : type)
              .collect(Collectors.joining(", "));
      return "settings with "
          + settings.protocols().size()
          + (settings.protocols().size() == 1 ? " protocol" : " protocols")
          + (types.isEmpty() ? "" : " (" + ServerText.oneLine(types) + ")")
          + settings.ewsUrl().map(url -> ", EWS at " + ServerText.oneLine(url)).orElse("");
    }
  }

  /**
   * The server named the mailbox's real address ({@code Action} {@code redirectAddr}); the
   * resolution starts again for it.
   *
   * @param address the address from {@code RedirectAddr}, trimmed and never blank
   */
  record RedirectAddr(String address) implements PoxResponse {
    public RedirectAddr {
      requireText(address, "address");
    }

    @Override
    public String describe() {
      return "redirect to the address " + ServerText.oneLine(address);
    }
  }

  /**
   * The server sent the client to another Autodiscover URL ({@code Action}
   * {@code redirectUrl}).
   *
   * @param url the URL from {@code RedirectUrl}, trimmed and never blank; not yet checked
   */
  record RedirectUrl(String url) implements PoxResponse {
    public RedirectUrl {
      requireText(url, "url");
    }

    @Override
    public String describe() {
      return "redirect to the URL " + ServerText.oneLine(url);
    }
  }

  /**
   * The server answered with an Autodiscover {@code Error} element.
   *
   * @param code the {@code ErrorCode} text, such as {@code 500} (address not found) or
   *     {@code 600} (invalid request); empty if the element had none
   * @param message the {@code Message} text; empty if the element had none
   * @param debugData the {@code DebugData} text, when present and not empty
   */
  record Error(String code, String message, Optional<String> debugData) implements PoxResponse {
    public Error {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(debugData, "debugData");
    }

    @Override
    public String describe() {
      return ServerText.errorLine("Autodiscover error", code, message, debugData);
    }
  }

  /**
   * The body is not an Autodiscover response: a web page, malformed XML, another document,
   * a document type declaration, or more than this client is willing to read.
   *
   * @param reason why, in a few words
   */
  record NotAutodiscover(String reason) implements PoxResponse {
    public NotAutodiscover {
      requireText(reason, "reason");
    }

    @Override
    public String describe() {
      return "not an Autodiscover response: " + ServerText.oneLine(reason);
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}

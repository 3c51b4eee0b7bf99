package dev.autodiscover.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * ActiveSync Autodiscover ([MS-ASCMD] 2.2.1.1) answers, the mobilesync response schema, for
 * fixture hosts to serve.
 *
 * <p>The root {@code Autodiscover} element is in {@link #ROOT_NAMESPACE}; its {@code Response}
 * is in {@link #RESPONSE_NAMESPACE} and holds {@code Culture}, {@code User} and an
 * {@code Action} with {@code Settings}, a {@code Redirect} or an {@code Error}. The one exception
 * is {@link #error(String, String)}, the answer Exchange gives before it has picked a provider.
 *
 * <pre>{@code
 * host.respondWithActiveSync(ActiveSyncResponses.settings()
 *     .displayName("Alice").emailAddress("alice@contoso.test")
 *     .mobileSync("https://mail.contoso.test/Microsoft-Server-ActiveSync")
 *     .build());
 * host.respondWithActiveSync(ActiveSyncResponses.redirect("alice@contoso.mail.onmicrosoft.test"));
 * host.respondWithActiveSync(ActiveSyncResponses.error("600", "Invalid Request"));
 * }</pre>
 *
 * <p>Thread safety: the static methods are stateless; a {@link SettingsBuilder} is not
 * thread-safe.
 */
public final class ActiveSyncResponses {

  /** Namespace of the {@code Autodiscover} root element. */
  public static final String ROOT_NAMESPACE = PoxResponses.ROOT_NAMESPACE;

  /** Namespace of the mobilesync provider's {@code Response} element. */
  public static final String RESPONSE_NAMESPACE =
      "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006";

  /** The {@code Culture} of every answer unless a builder is told otherwise. */
  public static final String DEFAULT_CULTURE = "en:us";

  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

  private ActiveSyncResponses() {}

  /** Starts a {@code Settings} answer. */
  public static SettingsBuilder settings() {
    return new SettingsBuilder();
  }

  /** An {@code Action/Redirect} answer: the client starts over for {@code emailAddress}. */
  public static String redirect(String emailAddress) {
    return document(DEFAULT_CULTURE, null,
        "      <Redirect>" + escape(emailAddress) + "</Redirect>\n");
  }

  /**
   * An {@code Action/Error} answer, the provider's own error, with an empty {@code DebugData}.
   *
   * @param status {@code 1} (protocol error) or {@code 2} (provider error), or anything else to
   *     test odd servers
   * @param message the {@code Message}
   */
  public static String actionError(String status, String message) {
    return document(DEFAULT_CULTURE, null,
        "      <Error><Status>" + escape(status) + "</Status><Message>" + escape(message)
            + "</Message><DebugData/></Error>\n");
  }

  /**
   * A {@code Response/Error} answer as Exchange sends it when it cannot serve the request at all
   * (code {@code 600} "Invalid Request", or {@code 601} when no provider serves the response
   * schema the client asked for): the
   * {@code Response} is in the root namespace and its {@code Error} holds {@code ErrorCode},
   * {@code Message} and {@code DebugData} — the same document as
   * {@link PoxResponses#error(String, String)}.
   */
  public static String error(String code, String message) {
    return PoxResponses.error(code, message);
  }

  private static String escape(String value) {
    return PoxResponses.escape(value);
  }

  private static String document(String culture, String user, String action) {
    return DECLARATION
        + "<Autodiscover xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns=\"" + ROOT_NAMESPACE + "\">\n"
        + "  <Response xmlns=\"" + RESPONSE_NAMESPACE + "\">\n"
        + "    <Culture>" + escape(culture) + "</Culture>\n"
        + (user == null ? "" : user)
        + "    <Action>\n"
        + action
        + "    </Action>\n"
        + "  </Response>\n"
        + "</Autodiscover>\n";
  }

  private record Server(String type, String url, String name, String serverData) {}

  /**
   * Builds a {@code Settings} answer; servers are written in call order.
   *
   * <p>Thread safety: not thread-safe; build on one thread.
   */
  public static final class SettingsBuilder {

    private String culture = DEFAULT_CULTURE;
    private String displayName;
    private String emailAddress;
    private final List<Server> servers = new ArrayList<>();

    private SettingsBuilder() {}

    /** The user's {@code DisplayName}. */
    public SettingsBuilder displayName(String displayName) {
      this.displayName = Objects.requireNonNull(displayName, "displayName");
      return this;
    }

    /** The user's {@code EMailAddress}. */
    public SettingsBuilder emailAddress(String emailAddress) {
      this.emailAddress = Objects.requireNonNull(emailAddress, "emailAddress");
      return this;
    }

    /** The {@code Culture}, {@value ActiveSyncResponses#DEFAULT_CULTURE} unless set. */
    public SettingsBuilder culture(String culture) {
      this.culture = Objects.requireNonNull(culture, "culture");
      return this;
    }

    /** A {@code MobileSync} server at {@code url}, named by its URL as Exchange names it. */
    public SettingsBuilder mobileSync(String url) {
      return server("MobileSync", url, url);
    }

    /**
     * A {@code CertEnroll} server at {@code url}, without a name, whose {@code ServerData} is
     * {@code serverData} (the certificate template, say).
     */
    public SettingsBuilder certEnroll(String url, String serverData) {
      servers.add(new Server("CertEnroll", Objects.requireNonNull(url, "url"), "",
          Objects.requireNonNull(serverData, "serverData")));
      return this;
    }

    /** A {@code Server} of any {@code Type}, with its {@code Url} and {@code Name}. */
    public SettingsBuilder server(String type, String url, String name) {
      servers.add(new Server(Objects.requireNonNull(type, "type"),
          Objects.requireNonNull(url, "url"), Objects.requireNonNull(name, "name"), null));
      return this;
    }

    /** The answer document. */
    public String build() {
      String user = null;
      if (displayName != null || emailAddress != null) {
        user = "    <User>"
            + (displayName == null ? "" : "<DisplayName>" + escape(displayName) + "</DisplayName>")
            + (emailAddress == null ? ""
                : "<EMailAddress>" + escape(emailAddress) + "</EMailAddress>")
            + "</User>\n";
      }
      StringBuilder settings = new StringBuilder("      <Settings>\n");
      for (Server server : servers) {
        settings.append("        <Server><Type>").append(escape(server.type()))
            .append("</Type><Url>").append(escape(server.url())).append("</Url>")
            .append(server.name().isEmpty() ? "<Name/>"
                : "<Name>" + escape(server.name()) + "</Name>");
        if (server.serverData() != null) {
          settings.append("<ServerData>").append(escape(server.serverData()))
              .append("</ServerData>");
        }
        settings.append("</Server>\n");
      }
      settings.append("      </Settings>\n");
      return document(culture, user, settings.toString());
    }
  }
}

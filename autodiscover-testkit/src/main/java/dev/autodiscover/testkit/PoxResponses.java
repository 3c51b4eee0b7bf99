package dev.autodiscover.testkit;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Autodiscover POX response documents (the Outlook {@code responseschema/2006a} form) for
 * fixture hosts to serve.
 *
 * <pre>{@code
 * String xml = PoxResponses.settings()
 *     .displayName("Alice").emailAddress("alice@contoso.test")
 *     .protocol("EXCH").server("mail.contoso.test")
 *     .ewsUrl("https://mail.contoso.test/EWS/Exchange.asmx")
 *     .oabUrl("https://mail.contoso.test/OAB/").ttlHours(1)
 *     .build();
 * host.respondWithPox(xml);
 * host.respondWithPox(PoxResponses.redirectAddr("alice@contoso.mail.onmicrosoft.test"));
 * }</pre>
 *
 * <p>Thread safety: the static methods are stateless; a {@link SettingsBuilder} is not
 * thread-safe.
 */
public final class PoxResponses {

  /** Namespace of the {@code Autodiscover} root element. */
  public static final String ROOT_NAMESPACE =
      "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";

  /** Namespace of the Outlook provider's {@code Response} element. */
  public static final String OUTLOOK_NAMESPACE =
      "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

  private PoxResponses() {}

  /** Starts a {@code settings} response. */
  public static SettingsBuilder settings() {
    return new SettingsBuilder();
  }

  /**
   * A {@code settings} response with one EXCH protocol whose EWS and ActiveSync URLs are both
   * {@code ewsUrl} and whose server is the host of {@code ewsUrl}.
   */
  public static String settings(String displayName, String emailAddress, String ewsUrl) {
    return settings()
        .displayName(displayName)
        .emailAddress(emailAddress)
        .protocol("EXCH")
        .server(URI.create(ewsUrl).getHost())
        .asUrl(ewsUrl)
        .ewsUrl(ewsUrl)
        .ttlHours(1)
        .build();
  }

  /** A response telling the client to start over for {@code emailAddress}. */
  public static String redirectAddr(String emailAddress) {
    return account("redirectAddr", "RedirectAddr", emailAddress);
  }

  /** A response telling the client to POST its request to {@code url} instead. */
  public static String redirectUrl(String url) {
    return account("redirectUrl", "RedirectUrl", url);
  }

  /** An {@code Error} response, such as code {@code "600"} with message "Invalid Request". */
  public static String error(String code, String message) {
    return DECLARATION
        + "<Autodiscover xmlns=\"" + ROOT_NAMESPACE + "\">\n"
        + "  <Response>\n"
        + "    <Error Time=\"00:00:00\" Id=\"1\"><ErrorCode>" + escape(code) + "</ErrorCode>"
        + "<Message>" + escape(message) + "</Message><DebugData/></Error>\n"
        + "  </Response>\n"
        + "</Autodiscover>\n";
  }

  /** {@code value} with the five XML special characters replaced by entities. */
  static String escape(String value) {
    Objects.requireNonNull(value, "value");
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String account(String action, String element, String value) {
    return envelope(null, "    <Account><AccountType>email</AccountType><Action>" + action
        + "</Action><" + element + ">" + escape(value) + "</" + element + "></Account>\n");
  }

  private static String envelope(String user, String account) {
    return DECLARATION
        + "<Autodiscover xmlns=\"" + ROOT_NAMESPACE + "\">\n"
        + "  <Response xmlns=\"" + OUTLOOK_NAMESPACE + "\">\n"
        + (user == null ? "" : user)
        + account
        + "  </Response>\n"
        + "</Autodiscover>\n";
  }

  /**
   * Builds a {@code settings} response; each {@link #protocol(String)} starts a new
   * {@code Protocol} element, and the setters after it fill that element in call order.
   *
   * <p>Thread safety: not thread-safe; build on one thread.
   */
  public static final class SettingsBuilder {

    private String displayName;
    private String emailAddress;
    private final List<Map<String, String>> protocols = new ArrayList<>();

    private SettingsBuilder() {}

    /** The user's {@code DisplayName}. */
    public SettingsBuilder displayName(String displayName) {
      this.displayName = Objects.requireNonNull(displayName, "displayName");
      return this;
    }

    /** The user's {@code AutoDiscoverSMTPAddress}. */
    public SettingsBuilder emailAddress(String emailAddress) {
      this.emailAddress = Objects.requireNonNull(emailAddress, "emailAddress");
      return this;
    }

    /** Starts a {@code Protocol} element of the given {@code Type} (EXCH, EXPR, WEB, ...). */
    public SettingsBuilder protocol(String type) {
      Map<String, String> protocol = new LinkedHashMap<>();
      protocol.put("Type", Objects.requireNonNull(type, "type"));
      protocols.add(protocol);
      return this;
    }

    /** The current protocol's {@code Server}. */
    public SettingsBuilder server(String server) {
      return element("Server", server);
    }

    /** The current protocol's {@code ASUrl}. */
    public SettingsBuilder asUrl(String url) {
      return element("ASUrl", url);
    }

    /** The current protocol's {@code EwsUrl}. */
    public SettingsBuilder ewsUrl(String url) {
      return element("EwsUrl", url);
    }

    /** The current protocol's {@code OABUrl}. */
    public SettingsBuilder oabUrl(String url) {
      return element("OABUrl", url);
    }

    /** The current protocol's {@code TTL}, in hours. */
    public SettingsBuilder ttlHours(int hours) {
      if (hours < 0) {
        throw new IllegalArgumentException("hours must not be negative: " + hours);
      }
      return element("TTL", Integer.toString(hours));
    }

    /**
     * Any other child of the current protocol ({@code OOFUrl}, {@code UMUrl}, {@code EcpUrl},
     * ...); a protocol of type EXCH is started if none was.
     */
    public SettingsBuilder element(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (protocols.isEmpty()) {
        protocol("EXCH");
      }
      protocols.get(protocols.size() - 1).put(name, value);
      return this;
    }

    /** The response document. */
    public String build() {
      StringBuilder user = new StringBuilder();
      if (displayName != null || emailAddress != null) {
        user.append("    <User>");
        if (displayName != null) {
          user.append("<DisplayName>").append(escape(displayName)).append("</DisplayName>");
        }
        if (emailAddress != null) {
          user.append("<AutoDiscoverSMTPAddress>").append(escape(emailAddress))
              .append("</AutoDiscoverSMTPAddress>");
        }
        user.append("</User>\n");
      }
      StringBuilder account = new StringBuilder(
          "    <Account><AccountType>email</AccountType><Action>settings</Action>\n");
      for (Map<String, String> protocol : protocols) {
        account.append("      <Protocol>");
        protocol.forEach((name, value) ->
            account.append('<').append(name).append('>').append(escape(value))
                .append("</").append(name).append('>'));
        account.append("</Protocol>\n");
      }
      account.append("    </Account>\n");
      return envelope(user.length() == 0 ? null : user.toString(), account.toString());
    }
  }
}

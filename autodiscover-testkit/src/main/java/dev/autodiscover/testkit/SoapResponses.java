package dev.autodiscover.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SOAP Autodiscover ([MS-OXWSADISC]) {@code GetUserSettings} answers, shaped as Exchange 2013 and
 * Exchange Online write them, for fixture hosts to serve.
 *
 * <p>Every answer but the fault is a SOAP 1.1 envelope whose body holds a
 * {@code GetUserSettingsResponseMessage} with one {@code Response}: its {@code ErrorCode} and
 * {@code ErrorMessage}, then {@code UserResponses} with one {@code UserResponse} (its
 * {@code ErrorCode}, {@code ErrorMessage}, {@code RedirectTarget}, {@code UserSettingErrors} and
 * {@code UserSettings}). The header carries the response action and a {@code ServerVersionInfo},
 * as Exchange sends them.
 *
 * <pre>{@code
 * host.respondWithSoap(SoapResponses.settings()
 *     .displayName("Alice")
 *     .externalEwsUrl("https://mail.contoso.test/EWS/Exchange.asmx")
 *     .settingError("ExternalMailboxServer", "InvalidSetting", "The requested setting is invalid.")
 *     .build());
 * host.respondWithSoap(SoapResponses.redirectAddress("alice@contoso.mail.onmicrosoft.test"));
 * host.respondWithSoap(SoapResponses.userError("InvalidUser", "Invalid user: 'bob@contoso.test'"));
 * host.respondWithSoap(500, SoapResponses.fault("Client", "The request is not valid."));
 * }</pre>
 *
 * <p>Thread safety: the static methods are stateless; a {@link SettingsBuilder} is not
 * thread-safe.
 */
public final class SoapResponses {

  /** The SOAP 1.1 envelope namespace, prefix {@code s}. */
  public static final String SOAP_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";

  /** The Autodiscover namespace, the default namespace of the body and prefix {@code a}. */
  public static final String AUTODISCOVER_NAMESPACE =
      "http://schemas.microsoft.com/exchange/2010/Autodiscover";

  /** The XML Schema instance namespace, prefix {@code xsi}. */
  public static final String XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";

  /** The WS-Addressing namespace of the {@code Action} header, prefix {@code wsa}. */
  public static final String ADDRESSING_NAMESPACE = "http://www.w3.org/2005/08/addressing";

  /** The WS-Addressing action of a {@code GetUserSettings} response. */
  public static final String RESPONSE_ACTION =
      "http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettingsResponse";

  /** The SOAPAction a client sends with a {@code GetUserSettings} request. */
  public static final String REQUEST_ACTION =
      "http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettings";

  private static final String NO_ERROR = "NoError";

  private SoapResponses() {}

  /** Starts an answer with the user's settings, whose UserResponse says {@code NoError}. */
  public static SettingsBuilder settings() {
    return new SettingsBuilder();
  }

  /**
   * An answer telling the client to ask again for {@code emailAddress}: UserResponse
   * {@code ErrorCode} {@code RedirectAddress} with the address as its {@code RedirectTarget}.
   */
  public static String redirectAddress(String emailAddress) {
    return envelope(NO_ERROR, "", userResponse(
        "RedirectAddress", "Redirection address.", emailAddress, List.of(), List.of()));
  }

  /**
   * An answer telling the client to POST its request to {@code url}: UserResponse
   * {@code ErrorCode} {@code RedirectUrl} with the URL as its {@code RedirectTarget}.
   */
  public static String redirectUrl(String url) {
    return envelope(NO_ERROR, "", userResponse(
        "RedirectUrl", "Redirection URL.", url, List.of(), List.of()));
  }

  /**
   * An answer whose Response succeeded but whose one UserResponse failed with {@code code}, such
   * as {@code InvalidUser}, {@code InvalidRequest} or {@code InternalServerError}.
   */
  public static String userError(String code, String message) {
    return envelope(NO_ERROR, "", userResponse(code, message, null, List.of(), List.of()));
  }

  /**
   * An answer whose Response itself failed with {@code code}, such as {@code ServerBusy} or
   * {@code InvalidRequest}, and which holds no UserResponse.
   */
  public static String responseError(String code, String message) {
    return envelope(code, message, null);
  }

  /**
   * A SOAP 1.1 {@code Fault}, which SOAP servers send with HTTP status 500.
   *
   * @param code the {@code faultcode}: a name without a prefix ({@code Client}, {@code Server},
   *     {@code VersionMismatch}, {@code MustUnderstand}) is put in the SOAP namespace; a prefixed
   *     name is written as given, and may use the prefixes {@code s} (SOAP) and {@code a}
   *     (Autodiscover) declared on the envelope
   * @param message the {@code faultstring}
   */
  public static String fault(String code, String message) {
    Objects.requireNonNull(code, "code");
    if (code.isEmpty()) {
      throw new IllegalArgumentException("code must not be empty");
    }
    String faultCode = code.indexOf(':') < 0 ? "s:" + code : code;
    return "<s:Envelope xmlns:s=\"" + SOAP_NAMESPACE + "\" xmlns:a=\"" + AUTODISCOVER_NAMESPACE
        + "\">\n"
        + "  <s:Body>\n"
        + "    <s:Fault>\n"
        + "      <faultcode>" + escape(faultCode) + "</faultcode>\n"
        + "      <faultstring xml:lang=\"en-US\">" + escape(message) + "</faultstring>\n"
        + "    </s:Fault>\n"
        + "  </s:Body>\n"
        + "</s:Envelope>\n";
  }

  private static String escape(String value) {
    return PoxResponses.escape(value);
  }

  private static String envelope(String code, String message, String userResponse) {
    return "<s:Envelope xmlns:s=\"" + SOAP_NAMESPACE + "\" xmlns:a=\"" + AUTODISCOVER_NAMESPACE
        + "\" xmlns:xsi=\"" + XSI_NAMESPACE + "\" xmlns:wsa=\"" + ADDRESSING_NAMESPACE + "\">\n"
        + "  <s:Header>\n"
        + "    <wsa:Action s:mustUnderstand=\"1\">" + RESPONSE_ACTION + "</wsa:Action>\n"
        + "    <a:ServerVersionInfo><a:MajorVersion>15</a:MajorVersion>"
        + "<a:MinorVersion>20</a:MinorVersion><a:MajorBuildNumber>0</a:MajorBuildNumber>"
        + "<a:MinorBuildNumber>0</a:MinorBuildNumber><a:Version>Exchange2015</a:Version>"
        + "</a:ServerVersionInfo>\n"
        + "  </s:Header>\n"
        + "  <s:Body>\n"
        + "    <GetUserSettingsResponseMessage xmlns=\"" + AUTODISCOVER_NAMESPACE + "\">\n"
        + "      <Response>\n"
        + "        " + text("ErrorCode", code) + "\n"
        + "        " + text("ErrorMessage", message) + "\n"
        + (userResponse == null
            ? "        <UserResponses/>\n"
            : "        <UserResponses>\n" + userResponse + "        </UserResponses>\n")
        + "      </Response>\n"
        + "    </GetUserSettingsResponseMessage>\n"
        + "  </s:Body>\n"
        + "</s:Envelope>\n";
  }

  private static String userResponse(String code, String message, String redirectTarget,
      List<Setting> settings, List<SettingError> errors) {
    StringBuilder out = new StringBuilder("          <UserResponse>\n");
    out.append("            ").append(text("ErrorCode", code)).append('\n');
    out.append("            ").append(text("ErrorMessage", message)).append('\n');
    out.append("            ").append(redirectTarget == null
        ? "<RedirectTarget xsi:nil=\"true\"/>" : text("RedirectTarget", redirectTarget))
        .append('\n');
    if (errors.isEmpty()) {
      out.append("            <UserSettingErrors/>\n");
    } else {
      out.append("            <UserSettingErrors>\n");
      for (SettingError error : errors) {
        out.append("              <UserSettingError>").append(text("ErrorCode", error.code()))
            .append(text("ErrorMessage", error.message()))
            .append(text("SettingName", error.name())).append("</UserSettingError>\n");
      }
      out.append("            </UserSettingErrors>\n");
    }
    if (settings.isEmpty()) {
      out.append("            <UserSettings/>\n");
    } else {
      out.append("            <UserSettings>\n");
      for (Setting setting : settings) {
        out.append("              <UserSetting xsi:type=\"a:StringSetting\">")
            .append(text("Name", setting.name())).append(text("Value", setting.value()))
            .append("</UserSetting>\n");
      }
      out.append("            </UserSettings>\n");
    }
    return out.append("          </UserResponse>\n").toString();
  }

  /** {@code <name>value</name>}, or {@code <name/>} when the value is empty. */
  private static String text(String name, String value) {
    Objects.requireNonNull(value, name);
    return value.isEmpty()
        ? "<" + name + "/>"
        : "<" + name + ">" + escape(value) + "</" + name + ">";
  }

  private record Setting(String name, String value) {}

  private record SettingError(String name, String code, String message) {}

  /**
   * Builds an answer with the user's settings; settings and setting errors are written in call
   * order, a name given twice twice.
   *
   * <p>Thread safety: not thread-safe; build on one thread.
   */
  public static final class SettingsBuilder {

    private final List<Setting> settings = new ArrayList<>();
    private final List<SettingError> errors = new ArrayList<>();
    private String errorCode = NO_ERROR;
    private String errorMessage = "No error.";

    private SettingsBuilder() {}

    /** A {@code StringSetting} named {@code name}, such as {@code CasVersion}. */
    public SettingsBuilder setting(String name, String value) {
      settings.add(new Setting(
          Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
      return this;
    }

    /** The {@code UserDisplayName} setting. */
    public SettingsBuilder displayName(String displayName) {
      return setting("UserDisplayName", displayName);
    }

    /** The {@code ExternalEwsUrl} setting. */
    public SettingsBuilder externalEwsUrl(String url) {
      return setting("ExternalEwsUrl", url);
    }

    /** The {@code InternalEwsUrl} setting. */
    public SettingsBuilder internalEwsUrl(String url) {
      return setting("InternalEwsUrl", url);
    }

    /**
     * A {@code UserSettingError} for the setting {@code name}, such as code
     * {@code InvalidSetting} with message "The requested setting is invalid." or
     * {@code SettingIsNotAvailable}.
     */
    public SettingsBuilder settingError(String name, String code, String message) {
      errors.add(new SettingError(Objects.requireNonNull(name, "name"),
          Objects.requireNonNull(code, "code"), Objects.requireNonNull(message, "message")));
      return this;
    }

    /**
     * The UserResponse's {@code ErrorCode} and {@code ErrorMessage} instead of {@code NoError}
     * and "No error.", for answers that carry settings and an error at once.
     */
    public SettingsBuilder errorCode(String code, String message) {
      this.errorCode = Objects.requireNonNull(code, "code");
      this.errorMessage = Objects.requireNonNull(message, "message");
      return this;
    }

    /** The answer document. */
    public String build() {
      return envelope(NO_ERROR, "",
          userResponse(errorCode, errorMessage, null, List.copyOf(settings), List.copyOf(errors)));
    }
  }
}

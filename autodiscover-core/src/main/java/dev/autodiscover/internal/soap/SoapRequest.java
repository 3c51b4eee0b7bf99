package dev.autodiscover.internal.soap;

import dev.autodiscover.internal.ServerText;
import dev.autodiscover.internal.xml.XmlEscaping;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes the body of a SOAP Autodiscover {@code GetUserSettings} request ([MS-OXWSADISC] 3.1.4.2)
 * for one mailbox: a SOAP 1.1 envelope whose header asks for Exchange 2013 behaviour and carries
 * the WS-Addressing action and destination, and whose body names the settings wanted.
 *
 * <p>Stateless and thread-safe.
 */
public final class SoapRequest {

  static final String ENVELOPE_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String AUTODISCOVER_NAMESPACE = "http://schemas.microsoft.com/exchange/2010/Autodiscover";
  static final String ADDRESSING_NAMESPACE = "http://www.w3.org/2005/08/addressing";
  static final String ACTION = AUTODISCOVER_NAMESPACE + "/Autodiscover/GetUserSettings";
  static final String SERVER_VERSION = "Exchange2013";

  /** The {@code Content-Type} to send with {@link #body}. */
  public static final String CONTENT_TYPE = "text/xml; charset=utf-8";

  /** The {@code SOAPAction} header to send with {@link #body}: SOAP 1.1 wants it quoted. */
  public static final String SOAP_ACTION = "\"" + ACTION + "\"";

  /**
   * The settings asked for when the host application names none: the user, the mailbox servers,
   * the EWS URLs and schemas, the server version and the mobile mailbox policy.
   */
  public static final List<String> DEFAULT_SETTINGS = List.of(
      "UserDisplayName",
      "UserDN",
      "UserDeploymentId",
      "AutoDiscoverSMTPAddress",
      "InternalMailboxServer",
      "ExternalMailboxServer",
      "InternalEwsUrl",
      "ExternalEwsUrl",
      "EwsSupportedSchemas",
      "CasVersion",
      "MobileMailboxPolicy");

  /** The longest setting name {@link #settingName} accepts. */
  public static final int MAX_SETTING_NAME_CHARS = 64;

  private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z0-9]{1," + MAX_SETTING_NAME_CHARS + "}");

  private SoapRequest() {}

  /**
   * Returns the UTF-8 request body asking for {@code settings} of {@code emailAddress}.
   *
   * @param to the URL the request is POSTed to, repeated in the {@code wsa:To} header
   * @param emailAddress the mailbox's address
   * @param settings the names of the settings wanted, in order, at least one; each must pass
   *     {@link #settingName}
   * @throws IllegalArgumentException if {@code settings} is empty or holds a name that is not a
   *     setting name, or the address or URL holds a character XML 1.0 cannot carry (a control
   *     character other than tab, CR and LF, a lone surrogate, U+FFFE or U+FFFF)
   */
  public static byte[] body(URI to, String emailAddress, List<String> settings) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(emailAddress, "emailAddress");
    Objects.requireNonNull(settings, "settings");
    if (settings.isEmpty()) {
      throw new IllegalArgumentException("settings must name at least one setting");
    }
    StringBuilder requested = new StringBuilder();
    for (String setting : settings) {
      requested.append("          <a:Setting>").append(settingName(setting)).append("</a:Setting>\n");
    }
    String xml =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<soap:Envelope xmlns:soap=\"" + ENVELOPE_NAMESPACE + "\"\n"
            + "               xmlns:a=\"" + AUTODISCOVER_NAMESPACE + "\"\n"
            + "               xmlns:wsa=\"" + ADDRESSING_NAMESPACE + "\">\n"
            + "  <soap:Header>\n"
            + "    <a:RequestedServerVersion>" + SERVER_VERSION + "</a:RequestedServerVersion>\n"
            + "    <wsa:Action>" + ACTION + "</wsa:Action>\n"
            + "    <wsa:To>" + XmlEscaping.escape(to.toString(), "to") + "</wsa:To>\n"
            + "  </soap:Header>\n"
            + "  <soap:Body>\n"
            + "    <a:GetUserSettingsRequestMessage>\n"
            + "      <a:Request>\n"
            + "        <a:Users>\n"
            + "          <a:User>\n"
            + "            <a:Mailbox>" + XmlEscaping.escape(emailAddress, "emailAddress") + "</a:Mailbox>\n"
            + "          </a:User>\n"
            + "        </a:Users>\n"
            + "        <a:RequestedSettings>\n"
            + requested
            + "        </a:RequestedSettings>\n"
            + "      </a:Request>\n"
            + "    </a:GetUserSettingsRequestMessage>\n"
            + "  </soap:Body>\n"
            + "</soap:Envelope>\n";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns {@code name} if it can name a {@code GetUserSettings} setting: 1 to
   * {@value #MAX_SETTING_NAME_CHARS} ASCII letters and digits, such as {@code ExternalEwsUrl}.
   * Whether the server knows the setting is the server's to say.
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  public static String settingName(String name) {
    Objects.requireNonNull(name, "setting name");
    if (!SETTING_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "setting name " + ServerText.quoted(name) + " is not 1 to " + MAX_SETTING_NAME_CHARS
              + " ASCII letters and digits");
    }
    return name;
  }
}

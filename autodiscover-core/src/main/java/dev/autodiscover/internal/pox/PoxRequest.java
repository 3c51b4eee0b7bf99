package dev.autodiscover.internal.pox;

import dev.autodiscover.internal.xml.XmlEscaping;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes the body of a POX Autodiscover request ([MS-OXDSCLI] 2.2.3), which asks for the
 * Outlook response schema {@code 2006a}.
 *
 * <p>Stateless and thread-safe.
 */
public final class PoxRequest {

  /** The {@code Content-Type} to send with {@link #body(String)}. */
  public static final String CONTENT_TYPE = "text/xml; charset=utf-8";

  static final String REQUEST_NAMESPACE =
      "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
  static final String RESPONSE_SCHEMA =
      "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

  private PoxRequest() {}

  /**
   * Returns the UTF-8 request body asking for the settings of {@code emailAddress}.
   *
   * @throws IllegalArgumentException if the address holds a character XML 1.0 cannot carry (a
   *     control character other than tab, CR and LF, a lone surrogate, U+FFFE or U+FFFF)
   */
  public static byte[] body(String emailAddress) {
    return body(REQUEST_NAMESPACE, RESPONSE_SCHEMA, emailAddress);
  }

  /**
   * Returns the UTF-8 body of an Autodiscover request in {@code requestNamespace} asking for the
   * settings of {@code emailAddress} in {@code acceptableResponseSchema}: the shape the POX request
   * and the ActiveSync (mobilesync) request share.
   *
   * @throws IllegalArgumentException if the address holds a character XML 1.0 cannot carry
   */
  public static byte[] body(String requestNamespace, String acceptableResponseSchema, String emailAddress) {
    Objects.requireNonNull(emailAddress, "emailAddress");
    String xml =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<Autodiscover xmlns=\"" + requestNamespace + "\">\n"
            + "  <Request>\n"
            + "    <EMailAddress>" + XmlEscaping.escape(emailAddress, "emailAddress") + "</EMailAddress>\n"
            + "    <AcceptableResponseSchema>" + acceptableResponseSchema + "</AcceptableResponseSchema>\n"
            + "  </Request>\n"
            + "</Autodiscover>\n";
    return xml.getBytes(StandardCharsets.UTF_8);
  }
}

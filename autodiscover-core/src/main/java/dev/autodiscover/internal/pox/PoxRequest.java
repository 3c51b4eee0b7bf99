package dev.autodiscover.internal.pox;

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
    Objects.requireNonNull(emailAddress, "emailAddress");
    String xml =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<Autodiscover xmlns=\"" + REQUEST_NAMESPACE + "\">\n"
            + "  <Request>\n"
            + "    <EMailAddress>" + escape(emailAddress) + "</EMailAddress>\n"
            + "    <AcceptableResponseSchema>" + RESPONSE_SCHEMA + "</AcceptableResponseSchema>\n"
            + "  </Request>\n"
            + "</Autodiscover>\n";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /** Escapes markup characters, and CR so that a reader does not turn it into LF. */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!allowedInXml(c)) {
        throw new IllegalArgumentException(
            String.format(
                "emailAddress contains %s at index %d, which XML 1.0 does not allow",
                describe(c), i));
      }
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\r' -> out.append("&#13;");
        default -> out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return out.toString();
  }

  private static boolean allowedInXml(int c) {
    return c == '\t' || c == '\n' || c == '\r'
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  private static String describe(int c) {
    String code = String.format("U+%04X", c);
    if (Character.isSurrogate((char) c)) {
      return "a lone surrogate " + code;
    }
    return Character.isISOControl(c) ? "the control character " + code : "the character " + code;
  }
}

package dev.autodiscover.internal.xml;

import java.util.Locale;

/**
 * Escapes text for the XML the library writes into its requests.
 *
 * <p>Stateless and thread-safe.
 */
public final class XmlEscaping {

  private XmlEscaping() {}

  /**
   * Returns {@code text} fit for element content or a quoted attribute value: the markup
   * characters {@code & < > " '} as references, and CR as {@code &#13;} so that a reader does not
   * turn it into LF.
   *
   * @param what the name of the value, for the exception's message ({@code emailAddress}...)
   * @throws IllegalArgumentException if {@code text} holds a character XML 1.0 cannot carry (a
   *     control character other than tab, CR and LF, a lone surrogate, U+FFFE or U+FFFF)
   */
  public static String escape(String text, String what) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!allowedInXml(c)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s contains %s at index %d, which XML 1.0 does not allow", what, describe(c), i));
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
    String code = String.format(Locale.ROOT, "U+%04X", c);
    if (Character.isSurrogate((char) c)) {
      return "a lone surrogate " + code;
    }
    return Character.isISOControl(c) ? "the control character " + code : "the character " + code;
  }
}

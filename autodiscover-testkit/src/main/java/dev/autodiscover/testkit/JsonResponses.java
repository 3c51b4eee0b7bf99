package dev.autodiscover.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Autodiscover v2 (JSON) answers, as Exchange Online writes them, for fixture hosts to serve.
 *
 * <pre>{@code
 * host.respondWithJson("Ews",
 *     JsonResponses.answer("Ews", "https://mail.contoso.test/EWS/Exchange.asmx"));
 * host.respondWithJson(400, JsonResponses.error("InvalidProtocol",
 *     "The given protocol value 'Imap' is invalid."));
 * other.redirectJson(302, JsonResponses.redirectLocation(
 *     "autodiscover-s.contoso.test", "alice@contoso.test", "Ews", 1));
 * }</pre>
 *
 * <p>Thread safety: stateless.
 */
public final class JsonResponses {

  private JsonResponses() {}

  /**
   * The answer naming the URL of {@code protocol}, such as
   * {@code {"Protocol":"Ews","Url":"https://outlook.office365.com/EWS/Exchange.asmx"}}.
   */
  public static String answer(String protocol, String url) {
    return "{\"Protocol\":" + quote(protocol) + ",\"Url\":" + quote(url) + "}";
  }

  /**
   * An error object, such as
   * {@code {"ErrorCode":"InvalidProtocol","ErrorMessage":"The given protocol value ..."}}.
   */
  public static String error(String code, String message) {
    return "{\"ErrorCode\":" + quote(code) + ",\"ErrorMessage\":" + quote(message) + "}";
  }

  /**
   * The query form of the JSON URL on {@code host}, as Exchange Online puts it in the
   * {@code Location} of its 302: {@code redirectLocation("autodiscover-s.outlook.com",
   * "user@contoso.com", "Ews", 1)} is
   * {@code https://autodiscover-s.outlook.com/autodiscover/autodiscover.json?Email=user%40contoso.com&Protocol=Ews&RedirectCount=1}.
   *
   * @throws IllegalArgumentException if {@code redirectCount} is negative
   */
  public static String redirectLocation(
      String host, String email, String protocol, int redirectCount) {
    Objects.requireNonNull(host, "host");
    if (redirectCount < 0) {
      throw new IllegalArgumentException("redirectCount must not be negative: " + redirectCount);
    }
    return "https://" + host + FixtureHost.JSON_PATH_PREFIX
        + "?Email=" + URLEncoder.encode(Objects.requireNonNull(email, "email"),
            StandardCharsets.UTF_8)
        + "&Protocol=" + URLEncoder.encode(Objects.requireNonNull(protocol, "protocol"),
            StandardCharsets.UTF_8)
        + "&RedirectCount=" + redirectCount;
  }

  /**
   * {@code value} as a JSON string literal, quotes included: the quotation mark, the reverse
   * solidus, the control characters, the line and paragraph separators and unpaired surrogates are
   * escaped, everything else is kept.
   */
  static String quote(String value) {
    Objects.requireNonNull(value, "value");
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || unpairedSurrogate(value, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static boolean unpairedSurrogate(String value, int index) {
    char c = value.charAt(index);
    if (Character.isHighSurrogate(c)) {
      return index + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(index + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return index == 0 || !Character.isHighSurrogate(value.charAt(index - 1));
    }
    return false;
  }
}

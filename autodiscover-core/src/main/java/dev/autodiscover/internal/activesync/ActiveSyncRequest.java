package dev.autodiscover.internal.activesync;

import dev.autodiscover.internal.pox.PoxRequest;

/**
 * Writes the body of an ActiveSync Autodiscover request ([MS-ASCMD] 2.2.1.1.1), which asks for the
 * mobilesync response schema.
 *
 * <p>Stateless and thread-safe.
 */
public final class ActiveSyncRequest {

  /** The {@code Content-Type} to send with {@link #body(String)}. */
  public static final String CONTENT_TYPE = "text/xml; charset=utf-8";

  static final String REQUEST_NAMESPACE =
      "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006";
  static final String RESPONSE_SCHEMA =
      "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006";

  private ActiveSyncRequest() {}

  /**
   * Returns the UTF-8 request body asking for the ActiveSync settings of {@code emailAddress}.
   *
   * @throws IllegalArgumentException if the address holds a character XML 1.0 cannot carry (a
   *     control character other than tab, CR and LF, a lone surrogate, U+FFFE or U+FFFF)
   */
  public static byte[] body(String emailAddress) {
    return PoxRequest.body(REQUEST_NAMESPACE, RESPONSE_SCHEMA, emailAddress);
  }
}

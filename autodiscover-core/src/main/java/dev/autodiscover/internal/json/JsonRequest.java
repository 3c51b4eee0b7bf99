package dev.autodiscover.internal.json;

import dev.autodiscover.internal.ServerText;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes the URL of an Autodiscover v2 request:
 * {@code https://<host>[:<port>]/autodiscover/autodiscover.json/v1.0/<email>?Protocol=<name>},
 * asked with a plain {@code GET} (answers are read by {@link JsonAnswer}).
 *
 * <p>The address is one path segment, percent-encoded from UTF-8 (RFC 3986 section 2.1). Kept
 * as they are: letters, digits, {@code - . _ ~}, {@code @}, and the sub-delimiters
 * {@code ! $ & ( ) * , =}, which mean nothing in a path segment. Encoded: everything else,
 * including {@code / ? # % [ ]}, space, both quotes, every character outside ASCII, and three
 * characters RFC 3986 would allow: {@code +} (which some servers decode to a space), {@code ;}
 * (which some servers take for the start of path parameters) and {@code '}. The protocol is
 * encoded the same way but keeps only letters, digits and {@code - . _ ~}.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonRequest {

  /** The path every Autodiscover v2 request is asked at, before the address. */
  public static final String PATH = "/autodiscover/autodiscover.json/v1.0/";

  /** The longest protocol name {@link #protocolName} accepts. */
  public static final int MAX_PROTOCOL_CHARS = 64;

  private static final String PROTOCOL_RULE =
      "jsonProtocol must be letters and digits, such as Ews, AutodiscoverV1, ActiveSync or Rest: ";

  private static final String SEGMENT_SUB_DELIMS = "!$&()*,=@";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private JsonRequest() {}

  /**
   * The Autodiscover v2 URL on {@code candidate}'s host for {@code emailAddress} and
   * {@code protocol}. Only the host and port of {@code candidate} are used; the URL is https, on
   * the candidate's port unless that is absent or 443.
   *
   * @throws IllegalArgumentException if {@code candidate} has no host, or {@code emailAddress} is
   *     empty, {@code .} or {@code ..} (which a client would take for a relative path), or holds a
   *     lone surrogate
   */
  public static URI url(URI candidate, String emailAddress, String protocol) {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(emailAddress, "emailAddress");
    Objects.requireNonNull(protocol, "protocol");
    String host = candidate.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException(
          "candidate URL has no host: " + ServerText.quoted(candidate.toString()));
    }
    if (emailAddress.isEmpty() || emailAddress.equals(".") || emailAddress.equals("..")) {
      throw new IllegalArgumentException(
          "email address cannot be a path segment: " + ServerText.quoted(emailAddress));
    }
    int port = candidate.getPort();
    StringBuilder url = new StringBuilder("https://").append(host);
    if (port != -1 && port != 443) {
      url.append(':').append(port);
    }
    url.append(PATH).append(encode(emailAddress, SEGMENT_SUB_DELIMS, "email address"));
    url.append("?Protocol=").append(encode(protocol, "", "protocol"));
    return URI.create(url.toString());
  }

  /**
   * Checks a protocol name a host application gives: 1 to {@value #MAX_PROTOCOL_CHARS} ASCII
   * letters and digits.
   *
   * @return {@code name}, unchanged
   * @throws IllegalArgumentException if it is null, blank, longer, or holds anything else
   */
  public static String protocolName(String name) {
    if (name == null) {
      throw new IllegalArgumentException(PROTOCOL_RULE + "null");
    }
    if (name.length() > MAX_PROTOCOL_CHARS) {
      throw new IllegalArgumentException("jsonProtocol must be at most " + MAX_PROTOCOL_CHARS
          + " characters: " + ServerText.quoted(name));
    }
    boolean valid = !name.isEmpty();
    for (int i = 0; i < name.length() && valid; i++) {
      valid = isAsciiLetterOrDigit(name.charAt(i));
    }
    if (!valid) {
      throw new IllegalArgumentException(PROTOCOL_RULE + ServerText.quoted(name));
    }
    return name;
  }

  private static String encode(String text, String alsoKept, String what) {
    ByteBuffer bytes;
    try {
      bytes = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(text));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(what + " is not valid Unicode (a lone surrogate): "
          + ServerText.quoted(text), e);
    }
    StringBuilder encoded = new StringBuilder(bytes.remaining() * 3);
    while (bytes.hasRemaining()) {
      int b = bytes.get() & 0xFF;
      if (isAsciiLetterOrDigit((char) b) || "-._~".indexOf(b) >= 0 || alsoKept.indexOf(b) >= 0) {
        encoded.append((char) b);
      } else {
        encoded.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
      }
    }
    return encoded.toString();
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }
}

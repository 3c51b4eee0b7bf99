package dev.autodiscover.internal.xml;

import dev.autodiscover.internal.ServerText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes an XML body to characters before any XML parser sees it, as XML 1.0 (Appendix F) finds
 * the encoding: a byte order mark (UTF-8, UTF-16), UTF-16 without one, else the XML declaration's
 * {@code encoding}, else UTF-8. Bytes that are not valid in that encoding are refused here. The
 * JDK's XML parser would refuse them too, but it also prints a {@code [Fatal Error]} line on the
 * process's standard error, which no server should be able to make a library do.
 *
 * <p>Stateless and thread-safe.
 */
public final class XmlText {
  /** An XML declaration's version and encoding, in the order XML 1.0 prescribes; the encoding's value may hold anything. */
  private static final Pattern DECLARED = Pattern.compile(
      "^<\\?xml\\s+version\\s*=\\s*(?:\"[^\"]*\"|'[^']*')\\s+encoding\\s*=\\s*([\"'])(.*?)\\1", Pattern.DOTALL);
  private static final Pattern ENCODING_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,39}");

  private XmlText() {}

  /** Returns {@code body} as text, without a byte order mark. */
  public static String decode(byte[] body) throws Undecodable {
    String text;
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      text = decode(body, 3, StandardCharsets.UTF_8);
    } else if (startsWith(body, 0xFE, 0xFF) || startsWith(body, 0x00, 0x3C, 0x00, 0x3F)) {
      text = decode(body, startsWith(body, 0xFE, 0xFF) ? 2 : 0, StandardCharsets.UTF_16BE);
    } else if (startsWith(body, 0xFF, 0xFE) || startsWith(body, 0x3C, 0x00, 0x3F, 0x00)) {
      text = decode(body, startsWith(body, 0xFF, 0xFE) ? 2 : 0, StandardCharsets.UTF_16LE);
    } else {
      // Read as Latin-1, every byte is one character: the declaration is found whatever follows it.
      Optional<String> declared = declaredEncoding(new String(body, StandardCharsets.ISO_8859_1));
      return decode(body, 0, declared.isPresent() ? charset(declared.get()) : StandardCharsets.UTF_8);
    }
    // The encoding came from the bytes themselves; the declaration must still name an encoding.
    declaredEncoding(text);
    return text;
  }

  /** The encoding the XML declaration at the start of {@code head} names, checked to be an encoding name. */
  private static Optional<String> declaredEncoding(String head) throws Undecodable {
    Matcher declared = DECLARED.matcher(head);
    if (!declared.find()) {
      return Optional.empty();
    }
    String name = declared.group(2);
    if (!ENCODING_NAME.matcher(name).matches()) {
      throw new Undecodable("the declared encoding '" + ServerText.oneLine(name) + "' is not an encoding name");
    }
    return Optional.of(name);
  }

  private static Charset charset(String name) throws Undecodable {
    try {
      Charset charset = Charset.forName(name);
      // A declaration read as ASCII can only name an encoding that agrees with ASCII on it.
      if (charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32")) {
        return StandardCharsets.UTF_8;
      }
      return charset;
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new Undecodable("the declared encoding " + name + " is not one this reader knows");
    }
  }

  private static String decode(byte[] body, int offset, Charset charset) throws Undecodable {
    ByteBuffer bytes = ByteBuffer.wrap(body, offset, body.length - offset);
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (MalformedInputException e) {
      throw new Undecodable("the body is not valid " + charset.name() + " (at byte " + (bytes.position() + 1) + ")");
    } catch (CharacterCodingException e) {
      throw new Undecodable("the body is not valid " + charset.name());
    }
  }

  private static boolean startsWith(byte[] body, int... prefix) {
    if (body.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((body[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** A body whose bytes are not text in the encoding it uses; the message says why. */
  public static final class Undecodable extends Exception {
    Undecodable(String reason) {
      super(reason, null, false, false);
    }
  }
}

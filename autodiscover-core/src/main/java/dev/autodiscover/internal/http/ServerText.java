package dev.autodiscover.internal.http;

import java.util.regex.Pattern;

/**
 * Text a server chose (a status line's reason phrase, a header value, a parser's complaint about
 * its body), made fit for an attempt's one-line detail: whitespace runs, line breaks, control
 * characters and bidirectional-text controls become one space, so that a hostile server cannot
 * break a report into lines or drive the terminal it is printed on, and the text is capped.
 *
 * <p>Stateless and thread-safe.
 */
public final class ServerText {
  /** The most characters of server text kept in one detail. */
  public static final int MAX_CHARS = 200;

  private static final Pattern BREAKS =
      Pattern.compile("[\\s\\p{Cc}\\p{Zl}\\p{Zp}\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]+");

  private ServerText() {}

  /** {@code text} on one line, without control characters, at most {@value #MAX_CHARS} characters. */
  public static String oneLine(String text) {
    String line = BREAKS.matcher(text).replaceAll(" ").strip();
    return line.length() <= MAX_CHARS ? line : line.substring(0, MAX_CHARS - 1) + "…";
  }
}

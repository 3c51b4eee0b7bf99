package dev.autodiscover.internal;

import java.util.Optional;

/**
 * Text a server wrote (a redirect target, an address, an error message) as the story repeats it:
 * on one line, runs of whitespace, control characters (C0 and C1), format characters (bidirectional
 * overrides, zero-width spaces) and line or paragraph separators collapsed to one space, at most
 * {@value #MAX_CHARS} characters. A hostile server can then neither forge lines of a result nor
 * swell it.
 */
public final class ServerText {
  /** The most characters of a server's text the story repeats. */
  public static final int MAX_CHARS = 200;

  private ServerText() {}

  /** Returns {@code text} on one line, cut to {@value #MAX_CHARS} characters ending in an ellipsis. */
  public static String oneLine(String text) {
    boolean cut = text.length() > 4 * MAX_CHARS;
    String line = (cut ? text.substring(0, 4 * MAX_CHARS) : text).replaceAll("[\\s\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+", " ").strip();
    if (!cut && line.length() <= MAX_CHARS) {
      return line;
    }
    return line.substring(0, Math.min(line.length(), MAX_CHARS - 1)) + "…";
  }

  /**
   * Returns how the story tells an error a server answered with: {@code what}, then the code, the
   * message and the debug data, each on one line and each left out when empty, as in
   * {@code Autodiscover error 500: Invalid Mailbox (debug data: ...)}.
   */
  public static String errorLine(String what, String code, String message, Optional<String> debugData) {
    StringBuilder out = new StringBuilder(what);
    if (!code.isEmpty()) {
      out.append(' ').append(oneLine(code));
    }
    if (!message.isEmpty()) {
      out.append(": ").append(oneLine(message));
    }
    debugData.ifPresent(data -> out.append(" (debug data: ").append(oneLine(data)).append(')'));
    return out.toString();
  }

  /** Returns {@code text} on one line in single quotes, followed by its length when it was cut. */
  public static String quoted(String text) {
    String line = "'" + oneLine(text) + "'";
    return text.length() > MAX_CHARS ? line + " (" + text.length() + " characters)" : line;
  }
}

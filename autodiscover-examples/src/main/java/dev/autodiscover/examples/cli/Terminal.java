package dev.autodiscover.examples.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether standard output is an interactive terminal, and whether it can show box-drawing
 * characters.
 *
 * <p>On Java 17 to 21, {@link System#console()} returns a console only when the JVM's standard
 * input and standard output are both attached to a terminal; a redirected or piped standard output
 * therefore gives none. (A terminal on standard output with standard input redirected also gives
 * none: the report is then plain, which is the safe side.) From Java 22 the console may exist
 * without a terminal, and {@code Console.isTerminal()} says whether there is one; it is asked when
 * present.
 */
final class Terminal {
  private static final String BOX_DRAWING = "├─└│✗•";

  private Terminal() {}

  /** Returns whether standard output is an interactive terminal. */
  static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException e) {
      return true; // Java 17 to 21: a console exists only on a terminal.
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** Returns whether the terminal's character set can encode the tree's box-drawing characters. */
  static boolean canDrawBoxes() {
    Console console = System.console();
    return console != null && console.charset().newEncoder().canEncode(BOX_DRAWING);
  }
}

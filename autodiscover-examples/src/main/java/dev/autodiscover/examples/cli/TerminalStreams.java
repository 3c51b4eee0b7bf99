package dev.autodiscover.examples.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.nativ.JLineNativeLoader;
import org.jline.terminal.impl.exec.ExecTerminalProvider;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.SystemStream;
import org.jline.utils.OSUtils;

/**
 * Tells whether the process's standard error and standard output are terminals, and how wide
 * standard error's terminal is.
 *
 * <p>Java 17 cannot tell by itself: {@link System#console()} looks at standard input and output
 * only, so it says "no terminal" for {@code resolve --input - < list.txt} typed at a terminal, and
 * "terminal" for {@code resolve ... 2> log.txt}, the two cases where a progress bar would be
 * wrong. The real question is the C library's {@code isatty(2)} (on Windows: is the handle a
 * console), and JLine, which progressbar brings along, answers it through its native library
 * ({@code jline-terminal-jni}) without opening a terminal, changing its modes or reading standard
 * input. Where that library cannot load (an unusual platform, a temporary directory mounted
 * {@code noexec}), JLine's exec provider runs {@code test -t 2} with the process's own descriptors
 * on POSIX systems. When both fail, the answer is "not a terminal", so that no bar ever lands in a
 * file or a pipe.
 *
 * <p>The answers are about the process's descriptors 1 and 2, whatever writers a command was given.
 *
 * <p>Thread safety: safe for concurrent use; each answer is computed once.
 */
final class TerminalStreams {
  /** JLine reports a native library that cannot load through this logger; the fallback covers it. */
  private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

  private TerminalStreams() {}

  /** Returns whether standard error is a terminal. */
  static boolean stderrIsTerminal() {
    return Answers.STDERR;
  }

  /** Returns whether standard output is a terminal. */
  static boolean stdoutIsTerminal() {
    return Answers.STDOUT;
  }

  /** Returns the width in columns of the terminal standard error is, or -1 when unknown. */
  static int stderrWidth() {
    return Answers.STDERR_WIDTH;
  }

  /** Computes the answers on first use only: the native library loads in some tens of milliseconds. */
  private static final class Answers {
    static final JniTerminalProvider NATIVE = loadNative();
    static final boolean STDERR = isTerminal(SystemStream.Error);
    static final boolean STDOUT = isTerminal(SystemStream.Output);
    static final int STDERR_WIDTH = STDERR ? width(SystemStream.Error) : -1;

    private static JniTerminalProvider loadNative() {
      JLINE_LOG.setLevel(Level.OFF);
      try {
        return JLineNativeLoader.initialize() ? new JniTerminalProvider() : null;
      } catch (RuntimeException | LinkageError e) {
        return null;
      }
    }

    private static boolean isTerminal(SystemStream stream) {
      try {
        if (NATIVE != null) {
          return NATIVE.isSystemStream(stream);
        }
        return !OSUtils.IS_WINDOWS && new ExecTerminalProvider().isPosixSystemStream(stream);
      } catch (RuntimeException | LinkageError e) {
        return false;
      }
    }

    private static int width(SystemStream stream) {
      try {
        int columns = NATIVE != null ? NATIVE.systemStreamWidth(stream) : -1;
        return columns > 0 ? columns : -1;
      } catch (RuntimeException | LinkageError e) {
        return -1;
      }
    }
  }
}

package dev.autodiscover.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Where a run writes its lines: results to standard output, messages to standard error, and, when
 * asked, a progress bar on standard error showing the count, the percentage, the elapsed time, the
 * estimated time left and the rate.
 *
 * <p>The bar is one line redrawn in place with a carriage return. A message for standard error
 * first wipes it and then draws it again below, and so does a result when standard output is the
 * same screen; a result going to a file or a pipe leaves the bar alone.
 *
 * <p>Thread safety: safe for concurrent use.
 */
final class ProgressDisplay implements AutoCloseable {
  private static final int DEFAULT_WIDTH = 80;
  private static final int REDRAW_MILLIS = 500;

  private final PrintWriter out;
  private final PrintWriter err;
  private final BarLine line;
  private final ProgressBar bar;
  private final boolean outSharesScreen;
  private long notResolved;

  private ProgressDisplay(PrintWriter out, PrintWriter err, BarLine line, ProgressBar bar, boolean outSharesScreen) {
    this.out = out;
    this.err = err;
    this.line = line;
    this.bar = bar;
    this.outSharesScreen = outSharesScreen;
  }

  /** Writes straight through, without a bar. */
  static ProgressDisplay plain(PrintWriter out, PrintWriter err) {
    return new ProgressDisplay(out, err, null, null, false);
  }

  /**
   * Draws a bar on {@code err}.
   *
   * @param total how many addresses there are, or -1 while unknown
   * @param width the terminal's width in columns, or -1 when unknown
   * @param outSharesScreen whether {@code out} shows on the same terminal as {@code err}
   */
  static ProgressDisplay withBar(PrintWriter out, PrintWriter err, long total, int width, boolean outSharesScreen) {
    BarLine line = new BarLine(err, (width > 1 ? width : DEFAULT_WIDTH) - 1);
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName("Resolving")
        .setInitialMax(total)
        .setStyle(canEncode('\u2588') ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.ASCII)
        .setConsumer(line)
        .setUpdateIntervalMillis(REDRAW_MILLIS)
        .continuousUpdate() // the clock goes on while a slow address holds everything up
        .showSpeed(new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
        .build();
    return new ProgressDisplay(out, err, line, bar, outSharesScreen);
  }

  /** Writes {@code text} and a line separator to standard output. */
  void printOut(String text) {
    if (line == null || !outSharesScreen) {
      synchronized (this) {
        out.println(text);
        out.flush();
      }
      return;
    }
    synchronized (line) {
      line.wipe();
      out.println(text);
      out.flush();
      line.redraw();
    }
  }

  /** Writes {@code text} and a line separator to standard error. */
  void printErr(String text) {
    if (line == null) {
      synchronized (this) {
        err.println(text);
        err.flush();
      }
      return;
    }
    synchronized (line) {
      line.wipe();
      err.println(text);
      err.flush();
      line.redraw();
    }
  }

  /** Counts one address as done. */
  void step(boolean resolved) {
    if (bar == null) {
      return;
    }
    if (!resolved) {
      synchronized (this) {
        notResolved++;
        bar.setExtraMessage(" " + notResolved + " not resolved");
      }
    }
    bar.step();
  }

  /** Sets the number of addresses, once known. */
  void total(long total) {
    if (bar != null) {
      bar.maxHint(total);
    }
  }

  /** Draws the bar a last time and ends its line, so that what follows starts on a line of its own. */
  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }

  private static boolean canEncode(char c) {
    return Charset.defaultCharset().newEncoder().canEncode(c);
  }

  /** The bar's line on standard error; its monitor orders every write to the screen. */
  private static final class BarLine implements ProgressBarConsumer {
    private final PrintWriter err;
    private final int maxLength;
    private String shown = "";
    private boolean closed;

    BarLine(PrintWriter err, int maxLength) {
      this.err = err;
      this.maxLength = maxLength;
    }

    @Override
    public int getMaxRenderedLength() {
      return maxLength;
    }

    @Override
    public synchronized void accept(String rendered) {
      if (closed) {
        return;
      }
      shown = rendered;
      err.print('\r');
      err.print(rendered);
      err.flush();
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        err.println();
        err.flush();
      }
    }

    /** Blanks the bar's line and puts the cursor at its start. */
    synchronized void wipe() {
      if (!closed && !shown.isEmpty()) {
        err.print('\r');
        err.print(" ".repeat(maxLength));
        err.print('\r');
        err.flush();
      }
    }

    synchronized void redraw() {
      if (!closed && !shown.isEmpty()) {
        err.print('\r');
        err.print(shown);
        err.flush();
      }
    }
  }
}

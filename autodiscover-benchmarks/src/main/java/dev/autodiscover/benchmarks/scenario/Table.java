package dev.autodiscover.benchmarks.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A Markdown table, printed with its columns padded so that it also reads well in a terminal and
 * can be pasted into BENCHMARKS.md as it is. Columns whose header starts with {@code >} are
 * right-aligned (the {@code >} is not shown).
 */
final class Table {

  private final List<String> headers;
  private final boolean[] right;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... headers) {
    this.right = new boolean[headers.length];
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < headers.length; i++) {
      right[i] = headers[i].startsWith(">");
      shown.add(right[i] ? headers[i].substring(1) : headers[i]);
    }
    this.headers = List.copyOf(shown);
  }

  Table row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("a row needs " + headers.size() + " cells: " + Arrays.toString(cells));
    }
    rows.add(Arrays.stream(cells).map(String::valueOf).toList());
    return this;
  }

  List<List<String>> rows() {
    return List.copyOf(rows);
  }

  @Override
  public String toString() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.max(3, headers.get(i).length());
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, widths);
    out.append('|');
    for (int i = 0; i < widths.length; i++) {
      out.append(right[i] ? "-".repeat(widths[i] + 1) + ":|" : "-".repeat(widths[i] + 2) + "|");
    }
    out.append('\n');
    rows.forEach(row -> line(out, row, widths));
    return out.toString();
  }

  private void line(StringBuilder out, List<String> cells, int[] widths) {
    out.append('|');
    for (int i = 0; i < widths.length; i++) {
      String padding = " ".repeat(widths[i] - cells.get(i).length());
      out.append(' ').append(right[i] ? padding + cells.get(i) : cells.get(i) + padding).append(" |");
    }
    out.append('\n');
  }

  static String seconds(double nanos) {
    return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
  }

  static String decimal(double value, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", value);
  }
}

package dev.autodiscover.examples.cli.doctor;

/**
 * How {@link TextReport} draws: with ANSI colours or without, with box-drawing tree glyphs
 * ({@code ├─ └─ │}) or ASCII ones ({@code |- `- |}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param colour whether to colour with ANSI escape sequences
 * @param unicode whether to draw the tree with box-drawing characters
 */
public record Style(boolean colour, boolean unicode) {
  /** No colour, ASCII tree: for files, pipes and {@code --no-color}. */
  public static final Style PLAIN = new Style(false, false);
  /** Colour and box-drawing tree: for a terminal. */
  public static final Style TERMINAL = new Style(true, true);

  private static final String RESET = "\u001B[0m";

  String branch(boolean last) {
    return unicode ? (last ? "└─ " : "├─ ") : (last ? "`- " : "|- ");
  }

  String indent(boolean last) {
    return last ? "   " : unicode ? "│  " : "|  ";
  }

  String problemMark() {
    return unicode ? "✗" : "x";
  }

  String noteMark() {
    return unicode ? "•" : "*";
  }

  /** Returns {@code text} in bold, when colouring. */
  public String bold(String text) {
    return paint("1", text);
  }

  String dim(String text) {
    return paint("2", text);
  }

  String paint(ReportNode.Status status, String text) {
    return switch (status) {
      case OK -> paint("32", text);
      case FAILED -> paint("31", text);
      case WARNING -> paint("33", text);
      case INFO -> paint("36", text);
      case SKIPPED -> paint("2", text);
    };
  }

  String red(String text) {
    return paint("31", text);
  }

  String green(String text) {
    return paint("32", text);
  }

  String yellow(String text) {
    return paint("33", text);
  }

  private String paint(String code, String text) {
    return colour ? "\u001B[" + code + "m" + text + RESET : text;
  }
}

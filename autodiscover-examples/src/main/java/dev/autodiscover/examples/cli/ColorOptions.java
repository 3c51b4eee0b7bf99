package dev.autodiscover.examples.cli;

import dev.autodiscover.examples.cli.doctor.Style;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The options that choose how a report is drawn: colour and box-drawing glyphs, or plain ASCII. */
final class ColorOptions {
  @Option(names = "--color",
      description = "Colour the report and draw its tree with box-drawing characters, even when the"
          + " output is not a terminal.")
  boolean color;

  @Option(names = "--no-color",
      description = "Plain report: no colour, ASCII tree (also when the NO_COLOR environment variable"
          + " is set). By default the report is coloured only on a terminal.")
  boolean noColor;

  /** Returns the style for standard output as it is now. */
  Style style(Function<String, String> environment) {
    return style(environment, Terminal::stdoutIsTerminal, Terminal::canDrawBoxes);
  }

  /**
   * Returns the style: {@code --color} or {@code --no-color} when given; otherwise plain when
   * {@code NO_COLOR} is set to anything but the empty string, or when standard output is not a
   * terminal; otherwise coloured, with box-drawing glyphs when the terminal can show them.
   */
  Style style(Function<String, String> environment, BooleanSupplier terminal, BooleanSupplier boxes) {
    if (color && noColor) {
      throw new BadInputException("--color and --no-color exclude each other");
    }
    if (color) {
      return Style.TERMINAL;
    }
    String noColorVariable = environment.apply("NO_COLOR");
    if (noColor || (noColorVariable != null && !noColorVariable.isEmpty()) || !terminal.getAsBoolean()) {
      return Style.PLAIN;
    }
    return new Style(true, boxes.getAsBoolean());
  }
}

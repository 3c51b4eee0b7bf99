package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodiscover.examples.cli.doctor.Style;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColorOptionsTest {
  private static final Map<String, String> NO_VARIABLES = Map.of();

  private static Style style(boolean color, boolean noColor, Map<String, String> environment, boolean terminal) {
    ColorOptions options = new ColorOptions();
    options.color = color;
    options.noColor = noColor;
    return options.style(environment::get, () -> terminal, () -> true);
  }

  @Test
  void coloursATerminalAndNothingElse() {
    assertThat(style(false, false, NO_VARIABLES, true)).isEqualTo(Style.TERMINAL);
    assertThat(style(false, false, NO_VARIABLES, false)).isEqualTo(Style.PLAIN);
  }

  @Test
  void noColorTheOptionOrTheVariableMakesATerminalPlain() {
    assertThat(style(false, true, NO_VARIABLES, true)).isEqualTo(Style.PLAIN);
    assertThat(style(false, false, Map.of("NO_COLOR", "1"), true)).isEqualTo(Style.PLAIN);
  }

  @Test
  void anEmptyNoColorVariableIsIgnored() {
    assertThat(style(false, false, Map.of("NO_COLOR", ""), true)).isEqualTo(Style.TERMINAL);
  }

  @Test
  void colorForcesColourEvenIntoAPipe() {
    assertThat(style(true, false, Map.of("NO_COLOR", "1"), false)).isEqualTo(Style.TERMINAL);
  }

  @Test
  void aTerminalThatCannotShowBoxesGetsColourWithAsciiGlyphs() {
    ColorOptions options = new ColorOptions();

    assertThat(options.style(name -> null, () -> true, () -> false)).isEqualTo(new Style(true, false));
  }

  @Test
  void colorAndNoColorTogetherAreBadInput() {
    assertThatThrownBy(() -> style(true, true, NO_VARIABLES, true))
        .isInstanceOf(BadInputException.class)
        .hasMessage("--color and --no-color exclude each other");
  }
}

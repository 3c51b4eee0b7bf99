package dev.autodiscover.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XmlEscapingTest {

  @Test
  void markupCharactersAndCarriageReturnBecomeReferences() {
    assertThat(XmlEscaping.escape("a&b<c>d\"e'f\rg\nh\ti", "value"))
        .isEqualTo("a&amp;b&lt;c&gt;d&quot;e&apos;f&#13;g\nh\ti");
  }

  @Test
  void textWithoutMarkupIsLeftAsItIs() {
    assertThat(XmlEscaping.escape("zoë@bücher.example \uD83D\uDE00", "value"))
        .isEqualTo("zoë@bücher.example \uD83D\uDE00");
  }

  @Test
  void characterXmlCannotCarryIsRefusedNamingTheValue() {
    assertThatThrownBy(() -> XmlEscaping.escape("ab\u001B", "setting"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("setting contains the control character U+001B at index 2, which XML 1.0 does not allow");
    assertThatThrownBy(() -> XmlEscaping.escape("\uDC00", "to"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("to contains a lone surrogate U+DC00 at index 0, which XML 1.0 does not allow");
    assertThatThrownBy(() -> XmlEscaping.escape("x\uFFFE", "emailAddress"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("emailAddress contains the character U+FFFE at index 1, which XML 1.0 does not allow");
  }
}

package dev.autodiscover.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerTextTest {

  @Test
  void lineBreaksAndControlCharactersCannotForgeALineOfTheStory() {
    assertThat(ServerText.oneLine("https://a.test/\r\n  PREFIXED_HOST x: SUCCESS\u0000"))
        .isEqualTo("https://a.test/ PREFIXED_HOST x: SUCCESS");
  }

  @Test
  void unicodeLineBreaksC1ControlsAndBidiOverridesAreFoldedToo() {
    assertThat(ServerText.oneLine("a\u0085b\u2028c\u2029d\u009B2Je\u202Efdp.exe")).isEqualTo("a b c d 2Je fdp.exe");
  }

  @Test
  void longTextIsCutWithAnEllipsisAndQuotedWithItsLength() {
    String huge = "x".repeat(5_000_000);

    assertThat(ServerText.oneLine(huge)).hasSize(ServerText.MAX_CHARS).endsWith("x…");
    assertThat(ServerText.quoted(huge)).isEqualTo("'" + "x".repeat(199) + "…' (5000000 characters)");
  }

  @Test
  void shortTextIsQuotedAsItIs() {
    assertThat(ServerText.quoted("bob@fabrikam.test")).isEqualTo("'bob@fabrikam.test'");
    assertThat(ServerText.oneLine("x".repeat(ServerText.MAX_CHARS))).hasSize(ServerText.MAX_CHARS).doesNotEndWith("…");
  }
}

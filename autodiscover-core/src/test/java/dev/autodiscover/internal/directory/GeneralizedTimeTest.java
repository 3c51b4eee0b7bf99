package dev.autodiscover.internal.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneralizedTimeTest {

  @Test
  void readsTheFormActiveDirectoryWritesForWhenCreated() {
    assertThat(GeneralizedTime.parse("20190312101522.0Z")).contains(Instant.parse("2019-03-12T10:15:22Z"));
  }

  @Test
  void appliesAnOffsetAndAFractionOfASecond() {
    assertThat(GeneralizedTime.parse("20190312111522.25+0100"))
        .contains(Instant.parse("2019-03-12T10:15:22.250Z"));
  }

  @Test
  void aFractionAfterTheMinutesIsAFractionOfAMinute() {
    assertThat(GeneralizedTime.parse("201903121015.5Z")).contains(Instant.parse("2019-03-12T10:15:30Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2019", "20190312101522", "20191312101522.0Z", "yesterday", "20190230101522Z"})
  void anythingElseIsNoTimeAtAll(String value) {
    assertThat(GeneralizedTime.parse(value)).isEmpty();
  }
}

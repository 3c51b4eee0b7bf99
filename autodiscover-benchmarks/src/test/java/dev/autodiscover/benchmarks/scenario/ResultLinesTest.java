package dev.autodiscover.benchmarks.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultLinesTest {

  @Test
  void resultSurvivesTheTripThroughStandardOutput() {
    JobResult result = new JobResult(
        new Resolution("warmup@warmup.test", true, 12_345, "PREFIXED_HOST https://a/x"),
        List.of(new Resolution("a@b.test", true, 1, "PREFIXED_HOST\thttps://autodiscover.b.test/x"),
            new Resolution("c@d.test", false, 2, "NO_ENDPOINT: nothing answered")),
        99, new HeapPeak(1024, -1));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ResultLines.write(result, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

    assertThat(lines).allMatch(ResultLines::isResultLine);
    assertThat(ResultLines.read(lines)).isEqualTo(result);
  }

  @Test
  void resultWithoutItsEndLineIsRejected() {
    assertThatThrownBy(() -> ResultLines.read(List.of("@@wall\t5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("incomplete");
  }
}

package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void listsEveryStoryByName() {
    CommandRun run = CommandRun.of(List.of("demo", "--list"));

    assertThat(run.status()).isZero();
    assertThat(run.out().lines().map(line -> line.split("\\s+")[0]))
        .containsExactlyElementsOf(DemoScenario.all().stream().map(DemoScenario::name).toList());
  }

  @Test
  void playsEveryStoryOnLoopbackAndEndsWithASummary() {
    CommandRun run = CommandRun.of(List.of("demo"));

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("== root-certificate-www-only")
        .contains("CERTIFICATE_REJECTED - certificate for contoso.test")
        .contains("Summary")
        .containsPattern("srv-record-fix\\s+resolved\\s+SRV https://mail.contoso.test/")
        .containsPattern("nothing-published\\s+failed\\s+NO_ENDPOINT");
  }

  @Test
  void playsOneStoryAsJson() {
    CommandRun run = CommandRun.of(List.of("demo", "--json", "redirect-addr"));

    List<JsonNode> lines = run.jsonLines();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("finalEmail").asText()).isEqualTo("alice@contoso.mail.example.test");
    assertThat(lines.get(0).at("/redirects/0/type").asText()).isEqualTo("REDIRECT_ADDR");
  }
}

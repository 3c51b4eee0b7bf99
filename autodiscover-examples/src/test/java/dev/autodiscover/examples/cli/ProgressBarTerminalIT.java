package dev.autodiscover.examples.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.PoxResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code autodiscover.jar} in a real pseudo-terminal, as a person at a terminal
 * would, and reads the screen they would see.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs the jar through /bin/sh in a POSIX pseudo-terminal")
class ProgressBarTerminalIT {
  private static final Path JAR = Path.of("target", "autodiscover.jar");
  private static final int COLUMNS = 120;
  private static final String EWS = "https://mail.contoso.test/EWS/Exchange.asmx";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path directory;

  private FixtureNetwork network;

  @BeforeEach
  void startNetwork() {
    assumeTrue(Files.exists(Path.of("/dev/ptmx")), "this machine offers no pseudo-terminals");
    network = FixtureNetwork.start();
  }

  @AfterEach
  void stopNetwork() {
    if (network != null) {
      network.close();
    }
  }

  /**
   * Three mailboxes; the first one's server answers after 1.1 s, so that the run lasts over a
   * second and the bar has a rate to show.
   */
  private List<String> resolveThreeMailboxes() throws IOException {
    for (String domain : List.of("contoso.test", "fabrikam.test", "tailspin.test")) {
      network.httpsHost("autodiscover." + domain)
          .respondWithPox(PoxResponses.settings("User", "user@" + domain, EWS));
    }
    FixtureHost slow = network.hosts().get(0);
    slow.wireMock().stubFor(post(urlPathMatching("(?i)/autodiscover/autodiscover\\.xml"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", FixtureHost.XML_CONTENT_TYPE)
            .withBody(PoxResponses.settings("Alice", "alice@contoso.test", EWS)).withFixedDelay(1100)));
    Path input = directory.resolve("mailboxes.txt");
    Files.writeString(input, "# wave 1\nalice@contoso.test\nbob@fabrikam.test\n\ncarol@tailspin.test\n");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toAbsolutePath().toString(),
        "resolve", "--json", "--methods", "prefixed-host", "--concurrency", "3", "--input", input.toString()));
    command.addAll(LoopbackArguments.of(network, directory));
    return command;
  }

  @Test
  void drawsTheBarOnTheTerminalWhileTheResultsGoToAFile() throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$0\" \"$@\" > results.jsonl"));
    command.addAll(resolveThreeMailboxes());

    Screen screen = runInTerminal(command);

    assertThat(screen.status()).as(screen.text()).isZero();
    assertThat(screen.lines()).as(screen.text())
        .anySatisfy(line -> assertThat(line).startsWith("Resolving 100%").contains("3/3").containsPattern("\\d\\.\\d/s"))
        .contains("Summary: 3 addresses: 3 resolved, 0 not resolved")
        .noneMatch(line -> line.contains("{"));
    assertThat(Files.readAllLines(directory.resolve("results.jsonl"))).extracting(line -> MAPPER.readTree(line).get("email").asText())
        .containsExactly("alice@contoso.test", "bob@fabrikam.test", "carol@tailspin.test");
  }

  @Test
  void keepsEachResultWholeWhenTheResultsShareTheTerminal() throws Exception {
    Screen screen = runInTerminal(resolveThreeMailboxes());

    assertThat(screen.status()).as(screen.text()).isZero();
    List<String> jsonLines = screen.lines().stream().filter(line -> line.contains("{")).toList();
    assertThat(jsonLines).as(screen.text()).extracting(line -> json(line).get("email").asText())
        .containsExactly("alice@contoso.test", "bob@fabrikam.test", "carol@tailspin.test");
    int lastResult = screen.lines().indexOf(jsonLines.get(2));
    List<String> below = screen.lines().subList(lastResult + 1, screen.lines().size());
    assertThat(below).as(screen.text())
        .anySatisfy(line -> assertThat(line).startsWith("Resolving 100%").contains("3/3"))
        .contains("Summary: 3 addresses: 3 resolved, 0 not resolved");
  }

  private static JsonNode json(String line) {
    try {
      return MAPPER.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("a result line on the screen is not whole JSON: " + line, e);
    }
  }

  /**
   * What the terminal showed when the command ended.
   *
   * @param status the exit status
   * @param lines the screen's lines, trailing blanks removed
   */
  private record Screen(int status, List<String> lines) {
    String text() {
      return String.join("\n", lines);
    }
  }

  private Screen runInTerminal(List<String> command) throws Exception {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("TERM", "xterm");
    PtyProcess process = new PtyProcessBuilder(command.toArray(String[]::new))
        .setEnvironment(environment)
        .setDirectory(directory.toString())
        .setInitialColumns(COLUMNS)
        .setInitialRows(40)
        .start();
    CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command ended within 60 s").isTrue();
      return new Screen(process.exitValue(),
          render(new String(output.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8)));
    } finally {
      process.destroyForcibly();
    }
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      // Linux ends a pseudo-terminal's output with EIO once the program has gone
      return new byte[0];
    }
  }

  /**
   * Plays the output the way a terminal does: a carriage return goes back to the start of the
   * line, a line feed down a line, other characters overwrite what is under the cursor; escape
   * sequences (colours) take no room.
   */
  private static List<String> render(String output) {
    List<StringBuilder> rows = new ArrayList<>(List.of(new StringBuilder()));
    int row = 0;
    int column = 0;
    for (int i = 0; i < output.length(); i++) {
      char c = output.charAt(i);
      if (c == '\u001b' && i + 1 < output.length() && output.charAt(i + 1) == '[') {
        i += 2;
        while (i < output.length() && (output.charAt(i) < '@' || output.charAt(i) > '~')) {
          i++;
        }
      } else if (c == '\r') {
        column = 0;
      } else if (c == '\n') {
        row++;
        if (row == rows.size()) {
          rows.add(new StringBuilder());
        }
      } else {
        StringBuilder line = rows.get(row);
        while (line.length() < column) {
          line.append(' ');
        }
        if (column < line.length()) {
          line.setCharAt(column, c);
        } else {
          line.append(c);
        }
        column++;
      }
    }
    return rows.stream().map(line -> line.toString().stripTrailing()).filter(line -> !line.isEmpty()).toList();
  }
}

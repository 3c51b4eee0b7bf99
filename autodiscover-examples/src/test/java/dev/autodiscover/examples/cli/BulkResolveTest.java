package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autodiscover.testkit.FixtureHost;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.PoxResponses;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code resolve} with many addresses: order, streaming, bad lines, the summary, the bar, threads. */
class BulkResolveTest extends LoopbackCommandTest {
  private static final String EWS = "https://mail.contoso.test/EWS/Exchange.asmx";

  private List<String> args(String... args) {
    return arguments("resolve", args);
  }

  private CommandRun resolve(String... args) {
    return run("resolve", args);
  }

  private FixtureHost autodiscoverHost(String domain, String user) {
    return network.httpsHost("autodiscover." + domain)
        .respondWithPox(PoxResponses.settings(user, user + "@" + domain, EWS));
  }

  private Path inputFile(String text) throws Exception {
    Path input = scratch.resolve("mailboxes.txt");
    Files.writeString(input, text);
    return input;
  }

  /** The addresses of the text results, in the order printed. */
  private static List<String> describedAddresses(String out) {
    return out.lines().filter(line -> line.startsWith("Autodiscover for "))
        .map(line -> line.split(" ")[2]).toList();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @ParameterizedTest(name = "json={0}")
  @ValueSource(booleans = {true, false})
  void printsResultsInInputOrderWhileAnEarlierAddressIsStillResolving(boolean json) throws Exception {
    List<FixtureHost> fast = List.of(autodiscoverHost("fast1.test", "a"), autodiscoverHost("fast2.test", "b"),
        autodiscoverHost("fast3.test", "c"));
    try (StallingServer slow = StallingServer.start()) {
      network.route("autodiscover.slow.test", FixtureNetwork.HTTPS_PORT, slow.port());
      List<String> args = args("--methods", "prefixed-host", "--concurrency", "4", "--input", inputFile(
          "slow@slow.test\na@fast1.test\nb@fast2.test\nc@fast3.test\n").toString());
      if (json) {
        args.add("--json");
      }
      StringWriter out = new StringWriter();
      CompletableFuture<CommandRun> running =
          CompletableFuture.supplyAsync(() -> CommandRun.of(args, InputStream.nullInputStream(), out));

      await("the later addresses to reach their hosts while the first one stalls",
          () -> slow.accepted() > 0 && fast.stream().allMatch(host -> !host.requests().isEmpty()));
      assertThat(out.toString()).as("nothing may come out before the first address is done").isEmpty();
      slow.release();
      CommandRun run = running.get(30, TimeUnit.SECONDS);

      assertThat(run.status()).as(run.err()).isEqualTo(1);
      List<String> order = json
          ? run.jsonLines().stream().map(line -> line.get("email").asText()).toList()
          : describedAddresses(run.out());
      assertThat(order).containsExactly("slow@slow.test", "a@fast1.test", "b@fast2.test", "c@fast3.test");
    }
  }

  @Test
  void printsEachResultBeforeTheInputHasEnded() throws Exception {
    autodiscoverHost("contoso.test", "alice");
    PipedOutputStream feed = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(feed);
    StringWriter out = new StringWriter();
    List<String> args = args("--json", "--methods", "prefixed-host", "--input", "-");
    CompletableFuture<CommandRun> running = CompletableFuture.supplyAsync(() -> CommandRun.of(args, stdin, out));

    feed.write("alice@contoso.test\n".getBytes(StandardCharsets.UTF_8));
    feed.flush();
    await("alice's result while the input is still open", () -> out.toString().contains("alice@contoso.test"));
    feed.write("# later\n\nbob@contoso.test\n".getBytes(StandardCharsets.UTF_8));
    feed.close();
    CommandRun run = running.get(30, TimeUnit.SECONDS);

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.jsonLines()).extracting(line -> line.get("email").asText())
        .containsExactly("alice@contoso.test", "bob@contoso.test");
  }

  @Test
  void reportsEachBadLineOfStandardInputWithItsNumberAndGoesOn() {
    autodiscoverHost("contoso.test", "alice");

    CommandRun run = CommandRun.of(args("--json", "--methods", "prefixed-host", "--input", "-"),
        "# mailboxes\n\nalice@contoso.test\nnot-an-address\n   \nbob@contoso.test\nalice@\n");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err().lines().filter(line -> line.startsWith("autodiscover:")))
        .containsExactly(
            "autodiscover: stdin line 4: 'not-an-address' has no '@' and so no domain",
            "autodiscover: stdin line 7: 'alice@' has no domain after the '@'");
    assertThat(run.jsonLines()).extracting(line -> line.get("email").asText() + " " + line.at("/error/code").asText("-"))
        .containsExactly("alice@contoso.test -", "not-an-address INVALID_EMAIL", "bob@contoso.test -",
            "alice@ INVALID_EMAIL");
  }

  @Test
  void aHugeLineIsReportedAsTooLongAndTheNextLineIsStillResolved() {
    autodiscoverHost("contoso.test", "alice");

    CommandRun run = CommandRun.of(args("--json", "--methods", "prefixed-host", "--input", "-"),
        "x".repeat(3_000_000) + "@contoso.test\r\nalice@contoso.test\n");

    assertThat(run.err().lines().filter(line -> line.startsWith("autodiscover:")))
        .containsExactly("autodiscover: stdin line 1: the address is longer than 320 characters");
    assertThat(run.jsonLines()).extracting(line -> line.at("/error/code").asText("-"))
        .containsExactly("INVALID_EMAIL", "-");
    assertThat(run.jsonLines().get(0).get("email").asText()).as("only the start of the line was kept")
        .hasSize(AddressSource.MAX_LINE_CHARS);
  }

  @Test
  void summarisesMethodsErrorCodesOutcomesAndBadLinesOnStderrKeepingStdoutJsonLines() throws Exception {
    network.httpsHost("contoso.test", network.certificateAuthority().issue("www.contoso.test")).serveWebSite();
    autodiscoverHost("contoso.test", "alice");
    network.httpsHost("mail.fabrikam.test").respondWithPox(PoxResponses.settings("Bob", "bob@fabrikam.test", EWS));
    network.dns().addSrv("_autodiscover._tcp.fabrikam.test", 0, 0, 443, "mail.fabrikam.test");
    Path input = inputFile("alice@contoso.test\nbob@fabrikam.test\ncarol@nowhere.test\nnot-an-address\n");

    CommandRun run = resolve("--json", "--input", input.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.jsonLines()).hasSize(4);
    assertThat(run.out()).doesNotContain("Summary");
    assertThat(run.err())
        .contains("Summary: 4 addresses: 2 resolved, 1 not resolved, 1 bad line")
        .containsPattern("endpoint method: +PREFIXED_HOST 1, SRV 1")
        .containsPattern("error code: +NO_ENDPOINT 1")
        .containsPattern("attempt outcomes: +DNS_FAILED 2, REDIRECTED 1, CERTIFICATE_REJECTED 1 \\(addresses\\)")
        .containsPattern("bad lines: +4");
  }

  @Test
  void summarisesOnStderrInTextModeToo() {
    autodiscoverHost("contoso.test", "alice");

    CommandRun run = resolve("--methods", "prefixed-host", "alice@contoso.test", "bob@fabrikam.test");

    assertThat(run.status()).isEqualTo(1);
    assertThat(describedAddresses(run.out())).containsExactly("alice@contoso.test", "bob@fabrikam.test");
    assertThat(run.out()).doesNotContain("Summary");
    assertThat(run.err()).contains("Summary: 2 addresses: 1 resolved, 1 not resolved")
        .containsPattern("endpoint method: +PREFIXED_HOST 1\\R")
        .containsPattern("error code: +NO_ENDPOINT 1\\R")
        .containsPattern("attempt outcomes: +DNS_FAILED 1 \\(addresses\\)");
  }

  @Test
  void printsNoSummaryForASingleAddress() {
    autodiscoverHost("contoso.test", "alice");

    CommandRun run = resolve("--json", "alice@contoso.test");

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void drawsNoProgressBarWhenStderrIsNotATerminal() throws Exception {
    assumeThat(TerminalStreams.stderrIsTerminal()).as("this JVM's standard error is a terminal").isFalse();
    autodiscoverHost("contoso.test", "alice");

    CommandRun run = resolve("--json", "--input", inputFile("alice@contoso.test\nbob@contoso.test\n").toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.err()).startsWith("Summary: 2 addresses").doesNotContain("Resolving").doesNotContain("\r");
  }

  @Test
  void drawsTheProgressBarOnStderrWhenToldAlways() throws Exception {
    autodiscoverHost("contoso.test", "alice");

    CommandRun run = resolve("--json", "--progress", "always", "--concurrency", "2",
        "--input", inputFile("alice@contoso.test\nbob@contoso.test\ncarol@contoso.test\n").toString());

    assertThat(run.status()).as(run.err()).isZero();
    String lastDrawing = run.err().substring(run.err().lastIndexOf('\r') + 1);
    assertThat(lastDrawing).startsWith("Resolving 100%").contains("3/3");
    assertThat(run.err()).contains("Summary: 3 addresses: 3 resolved");
    assertThat(run.out()).doesNotContain("\r").doesNotContain("Resolving");
    assertThat(run.jsonLines()).hasSize(3);
  }

  @Test
  void leavesNoThreadOfItsOwnRunning() throws Exception {
    autodiscoverHost("contoso.test", "alice");
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      input.append("user").append(i).append("@contoso.test\n");
    }
    List<String> args = args("--json", "--concurrency", "8", "--methods", "prefixed-host",
        "--input", inputFile(input.toString()).toString());
    // Threads join the group of the thread that starts them: whatever the command starts is in
    // this group, and the fixture hosts' own server threads are not.
    ThreadGroup group = new ThreadGroup("resolve-command");
    CompletableFuture<CommandRun> running = new CompletableFuture<>();
    Thread command = new Thread(group, () -> running.complete(CommandRun.of(args)), "resolve-command");
    command.start();
    command.join();

    CommandRun run = running.get();
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.jsonLines()).hasSize(20);
    Thread[] threads = new Thread[group.activeCount() + 16];
    List<Thread> left = Arrays.asList(threads).subList(0, group.enumerate(threads, true));
    assertThat(left).extracting(Thread::getName).noneMatch(name -> name.startsWith(BulkResolver.THREAD_NAME_PREFIX));
    assertThat(left).as("threads the command left running").allMatch(Thread::isDaemon);
  }

  @Test
  void resolvesTheArgumentsBeforeTheInputLines() throws Exception {
    autodiscoverHost("contoso.test", "alice");

    CommandRun run = resolve("--json", "--methods", "prefixed-host", "--input",
        inputFile("bob@contoso.test\n").toString(), "alice@contoso.test");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.jsonLines()).extracting(line -> line.get("email").asText())
        .containsExactly("alice@contoso.test", "bob@contoso.test");
    JsonNode first = run.jsonLines().get(0);
    assertThat(first.at("/endpoint/method").asText()).isEqualTo("PREFIXED_HOST");
  }
}

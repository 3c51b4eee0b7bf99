package dev.autodiscover.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePinStoreTest {
  private static final String CERTIFICATE = "ab".repeat(32);
  private static final String OTHER_CERTIFICATE = "cd".repeat(32);

  @TempDir Path directory;

  private Path file() {
    return directory.resolve("pins");
  }

  @Test
  void missingFileIsAnEmptyStore() {
    PinStore pins = PinStore.file(file());

    assertThat(pins.isPinned("new.contoso.test", CERTIFICATE)).isFalse();
    assertThat(file()).doesNotExist();
  }

  @Test
  void pinSurvivesARestart() {
    PinStore.file(file()).pin("new.contoso.test", CERTIFICATE);

    PinStore restarted = PinStore.file(file());

    assertThat(restarted.isPinned("new.contoso.test", CERTIFICATE)).isTrue();
    assertThat(restarted.isPinned("NEW.contoso.test.", CERTIFICATE.toUpperCase())).isTrue();
  }

  @Test
  void pinIsWrittenAsHostAndSha256InLowerCase() throws IOException {
    PinStore.file(file()).pin("New.Contoso.Test.", CERTIFICATE.toUpperCase());

    assertThat(Files.readAllLines(file())).containsExactly("new.contoso.test " + CERTIFICATE);
  }

  @Test
  void pinCoversOnlyThatCertificateForThatHost() {
    PinStore.file(file()).pin("new.contoso.test", CERTIFICATE);

    PinStore restarted = PinStore.file(file());

    assertThat(restarted.isPinned("new.contoso.test", OTHER_CERTIFICATE)).isFalse();
    assertThat(restarted.isPinned("autodiscover.contoso.test", CERTIFICATE)).isFalse();
  }

  @Test
  void commentsAndBlankLinesAreReadAndKept() throws IOException {
    Files.writeString(file(), String.join("\n",
        "# certificates trusted always",
        "",
        "mail.contoso.test " + OTHER_CERTIFICATE + "  # the old server",
        ""));

    PinStore pins = PinStore.file(file());
    pins.pin("new.contoso.test", CERTIFICATE);

    assertThat(pins.isPinned("mail.contoso.test", OTHER_CERTIFICATE)).isTrue();
    assertThat(Files.readAllLines(file())).containsExactly(
        "# certificates trusted always",
        "",
        "mail.contoso.test " + OTHER_CERTIFICATE + "  # the old server",
        "new.contoso.test " + CERTIFICATE);
  }

  @Test
  void malformedLineIsReportedWithTheFileAndItsLineNumber() throws IOException {
    Files.writeString(file(), String.join("\n",
        "# pins",
        "mail.contoso.test " + CERTIFICATE,
        "new.contoso.test not-a-sha256",
        ""));

    assertThatThrownBy(() -> PinStore.file(file()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file() + ":3:")
        .hasMessageContaining("new.contoso.test not-a-sha256");
  }

  @Test
  void upperCaseHostInTheFileIsMalformed() throws IOException {
    Files.writeString(file(), "Mail.Contoso.Test " + CERTIFICATE + "\n");

    assertThatThrownBy(() -> PinStore.file(file()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file() + ":1:");
  }

  @Test
  void pinThatIsNotASha256IsRefusedAndNothingIsWritten() {
    PinStore pins = PinStore.file(file());

    assertThatThrownBy(() -> pins.pin("new.contoso.test", "abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sha256");
    assertThat(file()).doesNotExist();
  }

  @Test
  void leftoverTemporaryFileFromACrashDoesNotCorruptTheStore() throws IOException {
    PinStore.file(file()).pin("mail.contoso.test", OTHER_CERTIFICATE);
    Path crashed = directory.resolve(".pins.123456.tmp");
    Files.writeString(crashed, "mail.contoso.test " + OTHER_CERTIFICATE + "\nnew.contoso.test ab",
        StandardCharsets.UTF_8);

    PinStore restarted = PinStore.file(file());
    restarted.pin("new.contoso.test", CERTIFICATE);
    PinStore again = PinStore.file(file());

    assertThat(again.isPinned("mail.contoso.test", OTHER_CERTIFICATE)).isTrue();
    assertThat(again.isPinned("new.contoso.test", CERTIFICATE)).isTrue();
    assertThat(Files.readAllLines(file())).containsExactly(
        "mail.contoso.test " + OTHER_CERTIFICATE, "new.contoso.test " + CERTIFICATE);
  }

  @Test
  void writeLeavesNoTemporaryFileBehind() throws IOException {
    PinStore.file(file()).pin("new.contoso.test", CERTIFICATE);

    try (var entries = Files.list(directory)) {
      assertThat(entries).containsExactly(file());
    }
  }

  @Test
  void missingDirectoryIsCreatedOnTheFirstPin() {
    Path nested = directory.resolve("autodiscover").resolve("pins");

    PinStore.file(nested).pin("new.contoso.test", CERTIFICATE);

    assertThat(PinStore.file(nested).isPinned("new.contoso.test", CERTIFICATE)).isTrue();
  }

  @Test
  void concurrentPinsAllReachTheFile() throws Exception {
    PinStore pins = PinStore.file(file());
    int threads = 8;
    int pinsPerThread = 25;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(executor.submit(() -> {
          start.await();
          for (int i = 0; i < pinsPerThread; i++) {
            pins.pin("host" + thread + "-" + i + ".contoso.test", CERTIFICATE);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }

    PinStore restarted = PinStore.file(file());
    assertThat(Files.readAllLines(file())).hasSize(threads * pinsPerThread).doesNotHaveDuplicates();
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < pinsPerThread; i++) {
        assertThat(restarted.isPinned("host" + t + "-" + i + ".contoso.test", CERTIFICATE)).isTrue();
      }
    }
  }
}

package dev.autodiscover.internal.cache;

import static dev.autodiscover.internal.cache.InMemoryEndpointCacheTest.LEARNED;
import static dev.autodiscover.internal.cache.InMemoryEndpointCacheTest.TTL;
import static dev.autodiscover.internal.cache.InMemoryEndpointCacheTest.found;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.Endpoint;
import dev.autodiscover.spi.CachedEndpoint;
import dev.autodiscover.spi.EndpointCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file cache: what it writes, what it reads back, and what it refuses. */
class FileEndpointCacheTest {
  @TempDir Path directory;

  @Test
  void aFileCacheSurvivesARestart() {
    Path file = directory.resolve("endpoints.txt");
    CachedEndpoint contoso = found("contoso.com");
    CachedEndpoint custom = CachedEndpoint.found("fabrikam.com", new Endpoint(
        URI.create("https://mail.fabrikam.com/autodiscover/autodiscover.xml?x=1#top"),
        DiscoveryMethod.of("HOSTED_DIRECTORY")), LEARNED.plusNanos(123_456_789), TTL);
    EndpointCache first = EndpointCache.file(file);
    first.put(contoso);
    first.put(custom);

    EndpointCache restarted = EndpointCache.file(file);

    assertThat(restarted.get("contoso.com", LEARNED)).contains(contoso);
    assertThat(restarted.get("fabrikam.com", LEARNED)).contains(custom);
  }

  @Test
  void aFailureEntryKeepsItsReason() {
    Path file = directory.resolve("endpoints.txt");
    CachedEndpoint failure = CachedEndpoint.failed(
        "contoso.com", "every step failed: SRV  NXDOMAIN # and TLS refused", LEARNED, TTL);
    CachedEndpoint silent = CachedEndpoint.failed("fabrikam.com", "", LEARNED, TTL);
    EndpointCache first = EndpointCache.file(file);
    first.put(failure);
    first.put(silent);

    EndpointCache restarted = EndpointCache.file(file);

    assertThat(restarted.get("contoso.com", LEARNED)).contains(failure);
    assertThat(restarted.get("fabrikam.com", LEARNED)).contains(silent);
  }

  @Test
  void theFileStartsWithAHeaderNamingTheFormatAndHoldsOneDomainALine() throws IOException {
    Path file = directory.resolve("endpoints.txt");
    EndpointCache cache = EndpointCache.file(file);
    cache.put(found("contoso.com"));
    cache.put(CachedEndpoint.failed("fabrikam.com", "no step answered", LEARNED, TTL));

    assertThat(Files.readAllLines(file)).first().asString()
        .startsWith("# autodiscover endpoint cache, format 1");
    assertThat(Files.readAllLines(file)).filteredOn(line -> !line.startsWith("#")).containsExactly(
        "contoso.com 2024-05-01T10:00:00Z 2024-05-01T11:00:00Z found PREFIXED_HOST"
            + " https://autodiscover.contoso.com/autodiscover/autodiscover.xml",
        "fabrikam.com 2024-05-01T10:00:00Z 2024-05-01T11:00:00Z failed no step answered");
  }

  @Test
  void aFileWrittenByHandIsRead() throws IOException {
    Path file = directory.resolve("endpoints.txt");
    Files.write(file, List.of(
        "# written by hand",
        "",
        "   # an indented comment",
        "Contoso.com.  2024-05-01T10:00:00Z\t2024-05-02T10:00:00Z found SRV https://mail.contoso.com/a",
        "fabrikam.com 2024-05-01T10:00:00Z 2024-05-02T10:00:00Z failed"));

    EndpointCache cache = EndpointCache.file(file);

    assertThat(cache.get("contoso.com", LEARNED)).hasValueSatisfying(entry ->
        assertThat(entry.endpoint()).contains(
            new Endpoint(URI.create("https://mail.contoso.com/a"), DiscoveryMethod.SRV)));
    assertThat(cache.get("fabrikam.com", LEARNED)).hasValueSatisfying(entry ->
        assertThat(entry.reason()).isEmpty());
  }

  @Test
  void entriesPastExpiryInTheFileAreNeverReturned() throws IOException {
    Path file = directory.resolve("endpoints.txt");
    Files.write(file, List.of(
        "contoso.com 2024-04-01T10:00:00Z 2024-04-02T10:00:00Z found SRV https://mail.contoso.com/a"));

    assertThat(EndpointCache.file(file).get("contoso.com", LEARNED)).isEmpty();
  }

  @Test
  void aMissingFileIsAnEmptyCacheUntilTheFirstWrite() {
    Path file = directory.resolve("not-yet").resolve("endpoints.txt");

    EndpointCache cache = EndpointCache.file(file);

    assertThat(cache.get("contoso.com", LEARNED)).isEmpty();
    assertThat(file).doesNotExist();
    cache.put(found("contoso.com"));
    assertThat(file).exists();
    assertThat(directory.resolve("not-yet")).isDirectoryNotContaining(path -> path.toString().endsWith(".tmp"));
  }

  @Test
  void aMalformedLineIsReportedWithItsLineNumber() throws IOException {
    Path file = directory.resolve("endpoints.txt");
    Files.write(file, List.of(
        "# endpoints",
        "contoso.com 2024-05-01T10:00:00Z 2024-05-02T10:00:00Z found SRV https://mail.contoso.com/a",
        "fabrikam.com yesterday 2024-05-02T10:00:00Z failed"));

    assertThatThrownBy(() -> EndpointCache.file(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file.toAbsolutePath() + ":3: learned must be an ISO-8601 instant")
        .hasMessageContaining("'yesterday'");
  }

  @Test
  void eachKindOfMalformedLineSaysWhatIsWrong() throws IOException {
    assertMalformed("contoso.com 2024-05-01T10:00:00Z", "expected '<domain> <learned> <expires> found");
    assertMalformed("contoso.com 2024-05-01T10:00:00Z 2024-05-02T10:00:00Z lost",
        "expected 'found' or 'failed' after the expiry time, not: 'lost'");
    assertMalformed("contoso.com 2024-05-01T10:00:00Z 2024-05-02T10:00:00Z found https://mail.contoso.com/a",
        "expected '<METHOD> <url>' after 'found'");
    assertMalformed("contoso.com 2024-05-01T10:00:00Z 2024-05-02T10:00:00Z found srv https://mail.contoso.com/a",
        "method name must be upper-case");
    assertMalformed("contoso.com 2024-05-01T10:00:00Z 2024-05-02T10:00:00Z found SRV https://[bad/a",
        "url is not a URL");
    assertMalformed("contoso.com 2024-05-02T10:00:00Z 2024-05-01T10:00:00Z failed",
        "expires must be after learned");
    assertMalformed("contoso.com 2024-05-01T10:00:00Z 2024-05-02T10:00:00Z failed tab\there",
        "reason must be one line without control characters");
  }

  private void assertMalformed(String line, String problem) throws IOException {
    Path file = Files.write(directory.resolve("malformed.txt"), List.of(line));

    assertThatThrownBy(() -> EndpointCache.file(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file.toAbsolutePath() + ":1: ")
        .hasMessageContaining(problem);
  }

  @Test
  void anUnreadableFileIsReportedAsAnIoError() throws IOException {
    Path notAFile = Files.createDirectory(directory.resolve("endpoints.txt"));

    assertThatThrownBy(() -> EndpointCache.file(notAFile))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read the endpoint cache file " + notAFile.toAbsolutePath());
  }

  @Test
  void aWriteFailureLeavesTheCacheUnchanged() throws IOException {
    Path parent = directory.resolve("cache");
    Path file = parent.resolve("endpoints.txt");
    EndpointCache cache = EndpointCache.file(file);
    CachedEndpoint contoso = found("contoso.com");
    cache.put(contoso);
    Files.delete(file);
    Files.delete(parent);
    Files.writeString(parent, "a regular file where the cache's directory was");

    assertThatThrownBy(() -> cache.put(found("fabrikam.com")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot write the endpoint cache file " + file.toAbsolutePath());
    assertThatThrownBy(() -> cache.remove("contoso.com")).isInstanceOf(UncheckedIOException.class);

    assertThat(cache.get("fabrikam.com", LEARNED)).isEmpty();
    assertThat(cache.get("contoso.com", LEARNED)).contains(contoso);
  }

  @Test
  void aRemovedDomainIsGoneFromTheFile() {
    Path file = directory.resolve("endpoints.txt");
    EndpointCache cache = EndpointCache.file(file);
    cache.put(found("contoso.com"));
    cache.put(found("fabrikam.com"));
    cache.remove("CONTOSO.COM");

    EndpointCache restarted = EndpointCache.file(file);

    assertThat(restarted.get("contoso.com", LEARNED)).isEmpty();
    assertThat(restarted.get("fabrikam.com", LEARNED)).isPresent();
  }

  @Test
  void domainsAreMatchedIgnoringCase() {
    EndpointCache cache = EndpointCache.file(directory.resolve("endpoints.txt"));
    CachedEndpoint entry = found("contoso.com");
    cache.put(entry);

    assertThat(cache.get("CONTOSO.com.", LEARNED)).contains(entry);
  }

  @Test
  void aStaleEntryIsNotReturnedAndIsDropped() {
    EndpointCache cache = EndpointCache.file(directory.resolve("endpoints.txt"));
    CachedEndpoint entry = found("contoso.com");
    cache.put(entry);

    assertThat(cache.get("contoso.com", entry.expires())).isEmpty();
    assertThat(cache.get("contoso.com", LEARNED)).isEmpty();
  }

  @Test
  void leastRecentlyUsedDomainIsDroppedFirstAndTheFileKeepsTheRest() {
    Path file = directory.resolve("endpoints.txt");
    EndpointCache cache = new FileEndpointCache(file, 3);
    cache.put(found("a.test"));
    cache.put(found("b.test"));
    cache.put(found("c.test"));
    cache.get("a.test", LEARNED);
    cache.put(found("d.test"));

    EndpointCache restarted = new FileEndpointCache(file, 3);

    for (EndpointCache each : List.of(cache, restarted)) {
      assertThat(each.get("b.test", LEARNED)).as(each + ": least recently used").isEmpty();
      assertThat(each.get("a.test", LEARNED)).isPresent();
      assertThat(each.get("c.test", LEARNED)).isPresent();
      assertThat(each.get("d.test", LEARNED)).isPresent();
    }
  }

  @Test
  void aFileLongerThanTheBoundKeepsItsLastDomains() throws IOException {
    Path file = directory.resolve("endpoints.txt");
    EndpointCache unbounded = new FileEndpointCache(file, 10);
    for (String domain : List.of("a.test", "b.test", "c.test", "d.test")) {
      unbounded.put(found(domain));
    }

    EndpointCache small = new FileEndpointCache(file, 3);

    assertThat(small.get("a.test", LEARNED)).isEmpty();
    assertThat(small.get("d.test", LEARNED)).isPresent();
  }

  @Test
  void putsFromManyThreadsAreAllWritten() throws Exception {
    Path file = directory.resolve("endpoints.txt");
    EndpointCache cache = EndpointCache.file(file);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> puts = IntStream.range(0, 64)
          .<Future<?>>mapToObj(i -> threads.submit(() -> cache.put(found("d" + i + ".test"))))
          .toList();
      for (Future<?> put : puts) {
        put.get();
      }
    } finally {
      threads.shutdownNow();
    }

    EndpointCache restarted = EndpointCache.file(file);

    assertThat(IntStream.range(0, 64).filter(i -> restarted.get("d" + i + ".test", LEARNED).isEmpty()))
        .isEmpty();
  }
}

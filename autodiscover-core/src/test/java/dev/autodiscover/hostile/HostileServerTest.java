package dev.autodiscover.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.AutodiscoverResult;
import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.testkit.RawHost;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test with its own fixture network on loopback, whose hosts answer as no well-behaved server
 * does. These tests run in a JVM of their own with a 32 MiB heap (see this module's pom): a
 * resolution that held a 300 MB body, or a gzip bomb expanded, would end that JVM with an
 * OutOfMemoryError.
 */
abstract class HostileServerTest {
  /**
   * Far more than a resolution reads (1 MiB) plus what the two ends' socket buffers can hold
   * (Linux lets a loopback connection's grow to some 36 MiB), and far less than the 300 MB
   * offered. A client that drained an unread body before closing it would pass it: OkHttp drains
   * for up to 100 ms, in which it took 70 to 100 MB of these bodies on loopback.
   */
  static final long MAX_BYTES_SENT = 64L << 20;

  FixtureNetwork network;
  final Transcript transcript = new Transcript();

  @BeforeEach
  final void startNetwork() {
    network = FixtureNetwork.start();
  }

  @AfterEach
  final void stopNetwork() {
    network.close();
  }

  /** Resolves {@code email} with {@link HostileNetwork#resolver}, which must end within {@link HostileNetwork#BOUND}. */
  AutodiscoverResult resolve(String email) {
    long start = System.nanoTime();
    AutodiscoverResult result = HostileNetwork.resolver(network).listener(transcript).build().resolve(email);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).as(result.describe()).isLessThan(HostileNetwork.BOUND);
    return result;
  }

  /** The one exchange {@code host} had, once it has ended. */
  static RawHost.Served onlyExchange(RawHost host) throws InterruptedException {
    List<RawHost.Served> served = host.awaitServed(1, Duration.ofSeconds(10));
    assertThat(served).hasSize(1);
    return served.get(0);
  }

  /** Asserts that {@code host} stopped sending because the client hung up, long before the end. */
  static void assertHungUpEarly(RawHost host) throws InterruptedException {
    RawHost.Served served = onlyExchange(host);
    assertThat(served.ending()).as(served.toString()).isEqualTo(RawHost.Ending.CLIENT_HUNG_UP);
    assertThat(served.bytesWritten()).as(served.toString()).isLessThan(MAX_BYTES_SENT);
  }
}

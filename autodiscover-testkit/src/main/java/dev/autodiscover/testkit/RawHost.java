package dev.autodiscover.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLServerSocket;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host whose answers are raw bytes written by a {@link RawExchange}: the server that breaks
 * HTTP on purpose, for testing how a client stands up to hostile or broken answers (bodies of
 * hundreds of megabytes, gzip bombs, bodies that trickle, headers that never end).
 *
 * <p>It serves HTTPS, with its certificate, and plain HTTP, on two ports of 127.0.0.1 that a
 * {@link FixtureNetwork} routes from the name's ports 443 and 80. Each connection carries one
 * exchange: the host reads the request (its head and, when it has a {@code Content-Length}, its
 * body), records it, hands it to the handler, and closes the connection when the handler
 * returns. A connection on which no complete request arrives (a TLS handshake the client
 * abandoned, a request head over 64 KiB or a body over 1 MiB) is closed without calling the
 * handler. It speaks HTTP/1.1 only: its TLS offers no ALPN, so clients do not try HTTP/2.
 *
 * <pre>{@code
 * RawHost root = network.rawHost("contoso.test", (request, response) -> {
 *   response.write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n\r\n<Autodisc"
 *       .getBytes(StandardCharsets.US_ASCII));
 *   Thread.sleep(60_000);                             // ... and nothing more for a minute
 * });
 * ... resolve alice@contoso.test with a short request timeout ...
 * RawHost.Served answer = root.awaitServed(1, Duration.ofSeconds(5)).get(0);
 * assertThat(answer.ending()).isEqualTo(RawHost.Ending.HOST_CLOSED);  // the client gave up
 * }</pre>
 *
 * <p>Thread safety: safe for concurrent use. Two daemon threads accept connections and one
 * daemon thread serves each connection; all end when the host is closed.
 */
public final class RawHost implements AutoCloseable {

  /** How an exchange ended. */
  public enum Ending {
    /** The handler returned; everything it wrote was handed to the connection. */
    ANSWERED,
    /** A write failed because the client closed the connection first. */
    CLIENT_HUNG_UP,
    /** The handler threw something other than a failed write; the exception is logged. */
    HANDLER_FAILED,
    /** The host was closed while the handler was still answering. */
    HOST_CLOSED
  }

  /**
   * One exchange that has ended.
   *
   * @param request the request the handler answered
   * @param bytesWritten how many bytes the handler wrote to the connection; bytes the system
   *     accepted for sending count even if the client never read them
   * @param ending how the exchange ended
   */
  public record Served(ReceivedRequest request, long bytesWritten, Ending ending) {
    public Served {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(ending, "ending");
    }
  }

  private static final Logger log = LoggerFactory.getLogger(RawHost.class);
  private static final int BACKLOG = 50;
  private static final int REQUEST_READ_TIMEOUT_MILLIS = 30_000;
  private static final long CLOSE_WAIT_MILLIS = 2_000;

  private final String name;
  private final HeldCertificate certificate;
  private final RawExchange handler;
  private final ServerSocket https;
  private final ServerSocket http;
  private final ExecutorService connections;
  private final List<Thread> acceptors = new ArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<Served> served = new CopyOnWriteArrayList<>();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  private RawHost(String name, HeldCertificate certificate, RawExchange handler, ServerSocket https,
      ServerSocket http) {
    this.name = name;
    this.certificate = certificate;
    this.handler = handler;
    this.https = https;
    this.http = http;
    AtomicInteger threads = new AtomicInteger();
    this.connections = Executors.newCachedThreadPool(work -> {
      Thread thread = new Thread(work, "raw-host-" + name + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Starts a raw host for {@code name} serving {@code certificate} on a port of 127.0.0.1 for
   * HTTPS and another for HTTP; a {@link FixtureNetwork} routes the name's ports to them.
   *
   * @throws UncheckedIOException if no port could be bound
   */
  static RawHost start(String name, HeldCertificate certificate, RawExchange handler) {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(handler, "handler");
    String normalized = FixtureNames.normalize(name);
    ServerSocket https = null;
    ServerSocket http = null;
    try {
      HandshakeCertificates server = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
      https = server.sslContext().getServerSocketFactory().createServerSocket(0, BACKLOG, Loopback.IPV4);
      ((SSLServerSocket) https).setUseClientMode(false);
      http = new ServerSocket(0, BACKLOG, Loopback.IPV4);
      RawHost host = new RawHost(normalized, certificate, handler, https, http);
      host.accept(https, "https");
      host.accept(http, "http");
      return host;
    } catch (IOException e) {
      closeQuietly(https);
      closeQuietly(http);
      throw new UncheckedIOException("could not start a raw host for " + name, e);
    }
  }

  /** The host name this server stands for, in lower case without a trailing dot. */
  public String name() {
    return name;
  }

  /** The port on 127.0.0.1 where it serves HTTPS. */
  public int httpsPort() {
    return https.getLocalPort();
  }

  /** The port on 127.0.0.1 where it serves plain HTTP. */
  public int httpPort() {
    return http.getLocalPort();
  }

  /** The certificate it presents on its HTTPS port. */
  public HeldCertificate certificate() {
    return certificate;
  }

  /** How many TCP connections it has accepted, on either port, since it started. */
  public long acceptedConnections() {
    return accepted.get();
  }

  /**
   * Every request received so far, oldest first, as an unmodifiable snapshot; a request is here
   * as soon as its handler is called.
   */
  public List<ReceivedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The exchanges that have ended so far, in the order they ended, as an unmodifiable snapshot. */
  public List<Served> served() {
    return List.copyOf(served);
  }

  /**
   * Waits until at least {@code count} exchanges have ended and returns them, in the order they
   * ended. An exchange ends a moment after the client hangs up: when the handler's next write
   * fails.
   *
   * @throws IllegalStateException if fewer have ended within {@code within}
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public List<Served> awaitServed(int count, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    synchronized (served) {
      while (served.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("only " + served.size() + " of " + count + " exchanges with "
              + name + " ended within " + within.toMillis() + " ms; still answering: "
              + (requests.size() - served.size()));
        }
        TimeUnit.NANOSECONDS.timedWait(served, left);
      }
      return List.copyOf(served);
    }
  }

  /**
   * Stops listening, interrupts the handlers and closes every connection; calling it again does
   * nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeQuietly(https);
    closeQuietly(http);
    open.forEach(RawHost::closeQuietly);
    connections.shutdownNow();
    try {
      connections.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      for (Thread acceptor : acceptors) {
        acceptor.join(CLOSE_WAIT_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "RawHost[" + name + " https=127.0.0.1:" + https.getLocalPort() + " http=127.0.0.1:"
        + http.getLocalPort() + " requests=" + requests.size() + "]";
  }

  private void accept(ServerSocket server, String scheme) {
    Thread acceptor = new Thread(() -> {
      while (!closed.get()) {
        try {
          Socket socket = server.accept();
          accepted.incrementAndGet();
          open.add(socket);
          connections.execute(() -> serve(socket, scheme));
        } catch (IOException | RuntimeException e) {
          if (!closed.get()) {
            log.debug("{} stopped accepting {} connections", name, scheme, e);
          }
          return;
        }
      }
    }, "raw-host-" + name + "-" + scheme);
    acceptor.setDaemon(true);
    acceptors.add(acceptor);
    acceptor.start();
  }

  private void serve(Socket socket, String scheme) {
    try (socket) {
      if (closed.get()) {
        return;
      }
      socket.setSoTimeout(REQUEST_READ_TIMEOUT_MILLIS);
      ReceivedRequest request = RawRequestReader.read(socket.getInputStream(), scheme);
      if (request == null) {
        return;
      }
      requests.add(request);
      socket.setSoTimeout(0);
      CountingOutput out = new CountingOutput(socket.getOutputStream());
      Ending ending = answer(request, out);
      synchronized (served) {
        served.add(new Served(request, out.count(), ending));
        served.notifyAll();
      }
    } catch (IOException e) {
      if (!closed.get()) {
        log.debug("{} closed a {} connection without a complete request: {}", name, scheme, e.toString());
      }
    } finally {
      open.remove(socket);
    }
  }

  private Ending answer(ReceivedRequest request, CountingOutput out) {
    try {
      handler.respond(request, out);
      return closed.get() ? Ending.HOST_CLOSED : Ending.ANSWERED;
    } catch (InterruptedException e) {
      return Ending.HOST_CLOSED;
    } catch (IOException e) {
      if (closed.get()) {
        return Ending.HOST_CLOSED;
      }
      if (out.failed()) {
        log.debug("the client of {} hung up after {} bytes of the answer to {}", name, out.count(), request);
        return Ending.CLIENT_HUNG_UP;
      }
      log.warn("the handler of {} failed answering {}", name, request, e);
      return Ending.HANDLER_FAILED;
    } catch (RuntimeException e) {
      log.warn("the handler of {} failed answering {}", name, request, e);
      return Ending.HANDLER_FAILED;
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      log.debug("could not close {}", closeable, e);
    }
  }

  /** The connection's output, counting what was written and remembering whether a write failed. */
  private static final class CountingOutput extends OutputStream {
    private final OutputStream delegate;
    private final AtomicLong count = new AtomicLong();
    private volatile boolean failed;

    CountingOutput(OutputStream delegate) {
      this.delegate = delegate;
    }

    long count() {
      return count.get();
    }

    boolean failed() {
      return failed;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        delegate.write(b);
      } catch (IOException e) {
        failed = true;
        throw e;
      }
      count.incrementAndGet();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      Objects.checkFromIndexSize(offset, length, bytes.length);
      try {
        delegate.write(bytes, offset, length);
      } catch (IOException e) {
        failed = true;
        throw e;
      }
      count.addAndGet(length);
    }

    @Override
    public void flush() throws IOException {
      try {
        delegate.flush();
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}

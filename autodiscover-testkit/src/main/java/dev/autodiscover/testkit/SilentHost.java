package dev.autodiscover.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host that accepts TCP connections and never sends a byte: the web server that takes the
 * connection and then hangs, as a root domain behind a broken load balancer or firewall does.
 *
 * <p>A TLS client connecting to it sends its ClientHello and waits for an answer that never
 * comes, until its own read timeout; a plain HTTP client waits likewise for a status line. What
 * clients send is read and thrown away. A connection stays open until the client closes it or
 * the host is closed, so a client that hangs up releases it at once.
 *
 * <pre>{@code
 * SilentHost root = network.silentHost("contoso.test");   // routed for ports 443 and 80
 * ... resolve alice@contoso.test ...
 * assertThat(root.acceptedConnections()).isEqualTo(1);
 * }</pre>
 *
 * <p>Thread safety: safe for concurrent use. One daemon thread serves every connection and ends
 * when the host is closed.
 */
public final class SilentHost implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SilentHost.class);
  private static final int BACKLOG = 200;
  private static final int CLOSE_WAIT_MILLIS = 1_000;

  private final String name;
  private final Selector selector;
  private final ServerSocketChannel server;
  private final int port;
  private final Thread thread;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();

  private SilentHost(String name, Selector selector, ServerSocketChannel server) throws IOException {
    this.name = name;
    this.selector = selector;
    this.server = server;
    this.port = ((InetSocketAddress) server.getLocalAddress()).getPort();
    this.thread = new Thread(this::serve, "silent-host-" + name);
    this.thread.setDaemon(true);
  }

  /**
   * Starts a silent host for {@code name} on 127.0.0.1 and a port the system chooses; a
   * {@link FixtureNetwork} routes the name's ports to it.
   *
   * @throws UncheckedIOException if no port could be bound
   */
  static SilentHost start(String name) {
    Selector selector = null;
    ServerSocketChannel server = null;
    try {
      selector = Selector.open();
      server = ServerSocketChannel.open();
      server.bind(new InetSocketAddress(Loopback.IPV4, 0), BACKLOG);
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
      SilentHost host = new SilentHost(FixtureNames.normalize(name), selector, server);
      host.thread.start();
      return host;
    } catch (IOException e) {
      closeQuietly(server);
      closeQuietly(selector);
      throw new UncheckedIOException("could not start a silent host for " + name, e);
    }
  }

  /** The host name this server stands for, in lower case without a trailing dot. */
  public String name() {
    return name;
  }

  /** The port on 127.0.0.1 where it listens. */
  public int port() {
    return port;
  }

  /** How many TCP connections it has accepted since it started. */
  public long acceptedConnections() {
    return accepted.get();
  }

  /** How many of those connections are still open: accepted, and not yet closed by the client. */
  public int openConnections() {
    return open.get();
  }

  /**
   * Stops listening and closes every connection it holds, so that waiting clients see the
   * connection end; calling it again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeQuietly(server);
    selector.wakeup();
    try {
      thread.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "SilentHost[" + name + " 127.0.0.1:" + port + " accepted=" + accepted.get()
        + " open=" + open.get() + "]";
  }

  private void serve() {
    ByteBuffer discard = ByteBuffer.allocate(8192);
    try {
      while (!closed.get()) {
        selector.select();
        for (SelectionKey key : selector.selectedKeys()) {
          if (!key.isValid()) {
            continue;
          }
          if (key.isAcceptable()) {
            accept();
          } else if (key.isReadable()) {
            drain(key, discard);
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | ClosedSelectorException e) {
      if (!closed.get()) {
        log.debug("silent host {} stopped serving", name, e);
      }
    } finally {
      for (SelectionKey key : selector.keys()) {
        closeQuietly(key.channel());
      }
      open.set(0);
      closeQuietly(selector);
    }
  }

  private void accept() throws IOException {
    SocketChannel connection;
    while ((connection = server.accept()) != null) {
      connection.configureBlocking(false);
      connection.register(selector, SelectionKey.OP_READ);
      accepted.incrementAndGet();
      open.incrementAndGet();
      log.debug("{} accepted a connection from {} and will not answer", name,
          connection.getRemoteAddress());
    }
  }

  /** Reads and forgets what the client sent; closes our side once the client has closed its own. */
  private void drain(SelectionKey key, ByteBuffer discard) {
    SocketChannel connection = (SocketChannel) key.channel();
    try {
      int read;
      do {
        discard.clear();
        read = connection.read(discard);
      } while (read > 0);
      if (read < 0) {
        release(key);
      }
    } catch (IOException e) {
      release(key); // reset by the client
    }
  }

  private void release(SelectionKey key) {
    key.cancel();
    closeQuietly(key.channel());
    open.decrementAndGet();
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
}

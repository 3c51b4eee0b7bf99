package dev.autodiscover.benchmarks.scenario;

import dev.autodiscover.testkit.RoutingSocketFactory;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A SOCKS5 server on 127.0.0.1 that forwards CONNECT requests the way a fixture network's
 * {@link RoutingSocketFactory} routes them, for clients that cannot be handed a socket factory
 * but honour {@code -DsocksProxyHost} (every plain {@code java.net.Socket} does).
 *
 * <p>Only what the JDK's SOCKS client speaks: no authentication, CONNECT, IPv4 addresses. A
 * request naming a host instead of an address is refused ("address type not supported"), so no
 * name is ever resolved here; an unrouted loopback address is "connection refused" and any
 * address outside 127.0.0.0/8 "not allowed by ruleset", without a connection being tried.
 *
 * <p>Thread safety: safe for concurrent use; two daemon threads per open connection.
 */
final class Socks5Proxy implements AutoCloseable {

  private static final int VERSION = 5;
  private static final int NO_AUTHENTICATION = 0;
  private static final int NO_ACCEPTABLE_METHOD = 0xff;
  private static final int CONNECT = 1;
  private static final int IPV4 = 1;
  private static final int SUCCEEDED = 0;
  private static final int NOT_ALLOWED = 2;
  private static final int CONNECTION_REFUSED = 5;
  private static final int COMMAND_NOT_SUPPORTED = 7;
  private static final int ADDRESS_TYPE_NOT_SUPPORTED = 8;

  private final RoutingSocketFactory routes;
  private final ServerSocket server;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicLong connections = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  private Socks5Proxy(RoutingSocketFactory routes, ServerSocket server) {
    this.routes = routes;
    this.server = server;
  }

  /** Starts a proxy on 127.0.0.1 and a port the system chooses. */
  static Socks5Proxy start(RoutingSocketFactory routes) {
    try {
      ServerSocket server = new ServerSocket(0, 200, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
      Socks5Proxy proxy = new Socks5Proxy(routes, server);
      daemon("socks5-accept", proxy::acceptLoop).start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the SOCKS5 proxy", e);
    }
  }

  int port() {
    return server.getLocalPort();
  }

  /** How many CONNECT requests were forwarded. */
  long forwardedConnections() {
    return connections.get();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeQuietly(server);
    sockets.forEach(Socks5Proxy::closeQuietly);
  }

  private void acceptLoop() {
    while (!closed.get()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        daemon("socks5-" + client.getPort(), () -> serve(client)).start();
      } catch (IOException e) {
        if (!closed.get()) {
          System.err.println("SOCKS5 proxy: accept failed: " + e);
        }
      }
    }
  }

  private void serve(Socket client) {
    Socket target = null;
    try {
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      if (!negotiate(in, out)) {
        return;
      }
      InetSocketAddress requested = readConnectRequest(in, out);
      if (requested == null) {
        return;
      }
      InetSocketAddress destination;
      try {
        destination = routes.targetFor(requested);
      } catch (ConnectException e) {
        reply(out, CONNECTION_REFUSED);
        return;
      } catch (IOException e) {
        reply(out, NOT_ALLOWED);
        return;
      }
      target = new Socket();
      sockets.add(target);
      try {
        target.connect(destination, 5_000);
      } catch (IOException e) {
        reply(out, CONNECTION_REFUSED);
        return;
      }
      connections.incrementAndGet();
      reply(out, SUCCEEDED);
      Socket upstream = target;
      daemon("socks5-up-" + client.getPort(), () -> pump(client, upstream)).start();
      pump(upstream, client);
    } catch (IOException e) {
      // the client went away mid-handshake; nothing to tell anyone
    } finally {
      closeQuietly(client);
      closeQuietly(target);
      sockets.remove(client);
      if (target != null) {
        sockets.remove(target);
      }
    }
  }

  private static boolean negotiate(DataInputStream in, OutputStream out) throws IOException {
    int version = in.readUnsignedByte();
    int count = in.readUnsignedByte();
    byte[] methods = in.readNBytes(count);
    boolean offered = false;
    for (byte method : methods) {
      offered |= method == NO_AUTHENTICATION;
    }
    if (version != VERSION || !offered) {
      out.write(new byte[] {VERSION, (byte) NO_ACCEPTABLE_METHOD});
      out.flush();
      return false;
    }
    out.write(new byte[] {VERSION, NO_AUTHENTICATION});
    out.flush();
    return true;
  }

  private static InetSocketAddress readConnectRequest(DataInputStream in, OutputStream out)
      throws IOException {
    in.readUnsignedByte(); // version
    int command = in.readUnsignedByte();
    in.readUnsignedByte(); // reserved
    int addressType = in.readUnsignedByte();
    if (addressType != IPV4) {
      reply(out, ADDRESS_TYPE_NOT_SUPPORTED);
      return null;
    }
    byte[] address = in.readNBytes(4);
    int port = in.readUnsignedShort();
    if (command != CONNECT) {
      reply(out, COMMAND_NOT_SUPPORTED);
      return null;
    }
    return new InetSocketAddress(InetAddress.getByAddress(address), port);
  }

  private static void reply(OutputStream out, int status) throws IOException {
    out.write(new byte[] {VERSION, (byte) status, 0, IPV4, 0, 0, 0, 0, 0, 0});
    out.flush();
  }

  /** Copies {@code from} to {@code to} until either ends, then shuts {@code to}'s output. */
  private static void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static Thread daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // already closed or reset; either way it is gone
    }
  }
}

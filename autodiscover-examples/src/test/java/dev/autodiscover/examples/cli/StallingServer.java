package dev.autodiscover.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP server on 127.0.0.1 that accepts connections and says nothing until the test releases it;
 * then it closes them, and any later connection at once. A client handshaking with it waits for
 * exactly as long as the test wants, with no timing involved.
 */
final class StallingServer implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> held = new ArrayList<>();
  private boolean released;

  private StallingServer(ServerSocket server) {
    this.server = server;
    Thread acceptor = new Thread(this::accept, "stalling-server-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static StallingServer start() {
    try {
      return new StallingServer(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getLocalPort();
  }

  /** The number of connections accepted so far. */
  synchronized int accepted() {
    return held.size();
  }

  /** Closes every connection, now and from now on. */
  synchronized void release() {
    released = true;
    held.forEach(StallingServer::closeQuietly);
  }

  @Override
  public void close() {
    release();
    closeQuietly(server);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        synchronized (this) {
          held.add(socket);
          if (released) {
            closeQuietly(socket);
          }
        }
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // already closed
    }
  }
}

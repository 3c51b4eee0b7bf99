package dev.autodiscover.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * A socket that asks its {@link RoutingSocketFactory} where to connect before connecting.
 *
 * <p>Thread safety: as {@link Socket}.
 */
final class RoutingSocket extends Socket {

  private final RoutingSocketFactory factory;

  RoutingSocket(RoutingSocketFactory factory) {
    this.factory = factory;
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    if (!(endpoint instanceof InetSocketAddress requested)) {
      throw new IllegalArgumentException("unsupported address type: " + endpoint);
    }
    InetSocketAddress target;
    try {
      target = factory.targetFor(requested);
    } catch (IOException e) {
      close(); // as a failed Socket.connect does
      throw e;
    }
    super.connect(target, timeout);
  }
}

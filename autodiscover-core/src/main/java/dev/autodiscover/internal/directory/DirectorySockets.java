package dev.autodiscover.internal.directory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * The socket factory JNDI's LDAP provider is given by class name: it hands each connection to the
 * {@link Connector} bound to the calling thread for the duration of one directory search, so that
 * host names go through the resolver's DNS client and sockets through its socket factory.
 *
 * <p>JNDI opens its connection on the thread that creates the context, which is the thread that
 * bound the connector. Public only because JNDI looks the class up by name.
 */
public final class DirectorySockets extends SocketFactory {
  private static final ThreadLocal<Connector> CONNECTOR = new ThreadLocal<>();

  private final Connector connector;

  private DirectorySockets(Connector connector) {
    this.connector = connector;
  }

  /** Opens one connection to an LDAP server. */
  @FunctionalInterface
  interface Connector {
    Socket connect(String host, int port) throws IOException;
  }

  /** Binds {@code connector} to this thread until the returned handle is closed. */
  static Binding bind(Connector connector) {
    CONNECTOR.set(connector);
    return CONNECTOR::remove;
  }

  /** Ends a {@link #bind}. */
  interface Binding extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Called by JNDI through reflection.
   *
   * @throws IllegalStateException when no connector is bound to this thread
   */
  public static SocketFactory getDefault() {
    Connector connector = CONNECTOR.get();
    if (connector == null) {
      throw new IllegalStateException("no directory search is running on this thread");
    }
    return new DirectorySockets(connector);
  }

  @Override
  public Socket createSocket() throws IOException {
    throw new SocketException("unconnected sockets are not used: the connector applies its own timeouts");
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connector.connect(host, port);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return connector.connect(host, port);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connector.connect(host.getHostAddress(), port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connector.connect(address.getHostAddress(), port);
  }
}

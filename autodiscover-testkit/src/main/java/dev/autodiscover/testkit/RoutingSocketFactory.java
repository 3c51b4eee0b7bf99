package dev.autodiscover.testkit;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;

/**
 * A socket factory whose sockets connect to loopback only, sending connections for a routed
 * (address, port) to another loopback port — so a fixture on a system-chosen port can stand in
 * for {@code https://host:443} without root or fixed ports.
 *
 * <p>When a socket is asked to connect to an address and port:
 * <ol>
 *   <li>a routed (address, port) connects to the route's target on 127.0.0.0/8;</li>
 *   <li>otherwise 127.0.0.1 itself is connected to as asked;</li>
 *   <li>any other address in 127.0.0.0/8 (an unrouted synthetic address) fails at once with a
 *       {@link ConnectException}, as a closed port would, without touching the network;</li>
 *   <li>any address outside 127.0.0.0/8 fails with an {@link IOException} naming it; no
 *       connection is ever attempted.</li>
 * </ol>
 *
 * <pre>{@code
 * RoutingSocketFactory sockets = new RoutingSocketFactory()
 *     .route(InetAddress.getByName("127.0.1.1"), 443, new InetSocketAddress("127.0.0.1", 50443));
 * OkHttpClient client = new OkHttpClient.Builder().socketFactory(sockets).dns(...).build();
 * }</pre>
 *
 * <p>Thread safety: safe for concurrent use; routes may be added and removed while sockets are
 * being connected.
 */
public final class RoutingSocketFactory extends SocketFactory {

  private final Map<InetSocketAddress, InetSocketAddress> routes = new ConcurrentHashMap<>();

  /** Creates a factory with no routes. */
  public RoutingSocketFactory() {}

  /**
   * Sends connections for ({@code address}, {@code port}) to {@code target}, replacing any
   * earlier route for them.
   *
   * @param address the address clients will connect to, usually a synthetic one in 127.0.0.0/8
   * @param port the port clients will connect to, such as 443
   * @param target a resolved address in 127.0.0.0/8 where a server listens
   * @throws IllegalArgumentException if {@code target} is unresolved or not in 127.0.0.0/8
   */
  public RoutingSocketFactory route(InetAddress address, int port, InetSocketAddress target) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(target, "target");
    checkPort(port);
    if (target.isUnresolved() || !Loopback.isLoopbackV4(target.getAddress())) {
      throw new IllegalArgumentException(
          "target must be a resolved address in 127.0.0.0/8, not " + target);
    }
    routes.put(new InetSocketAddress(address, port), target);
    return this;
  }

  /** Removes the route for ({@code address}, {@code port}), if there is one. */
  public RoutingSocketFactory unroute(InetAddress address, int port) {
    Objects.requireNonNull(address, "address");
    routes.remove(new InetSocketAddress(address, port));
    return this;
  }

  /** An unmodifiable snapshot of the routes, from requested (address, port) to target. */
  public Map<InetSocketAddress, InetSocketAddress> routes() {
    return Map.copyOf(routes);
  }

  /**
   * Where a connection to {@code requested} goes, following the rules in the class description.
   *
   * @throws ConnectException for an unrouted address in 127.0.0.0/8 other than 127.0.0.1
   * @throws IOException for an unresolved address or one outside 127.0.0.0/8
   */
  public InetSocketAddress targetFor(InetSocketAddress requested) throws IOException {
    Objects.requireNonNull(requested, "requested");
    if (requested.isUnresolved()) {
      throw new IOException("refusing to connect to unresolved " + requested.getHostString() + ":"
          + requested.getPort() + "; resolve it (through the stub DNS server) first");
    }
    InetSocketAddress target = routes.get(requested);
    if (target != null) {
      return target;
    }
    InetAddress address = requested.getAddress();
    if (address.equals(Loopback.IPV4)) {
      return requested;
    }
    String shown = address.getHostAddress() + ":" + requested.getPort();
    if (Loopback.isLoopbackV4(address)) {
      throw new ConnectException("Connection refused: nothing serves " + shown
          + " (no route for this port in the fixture network)");
    }
    throw new IOException("refusing to connect to " + shown
        + ": this socket factory only reaches addresses in 127.0.0.0/8");
  }

  @Override
  public Socket createSocket() {
    return new RoutingSocket(this);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    Socket socket = createSocket();
    bind(socket, localHost, localPort);
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
      int localPort) throws IOException {
    Socket socket = createSocket();
    bind(socket, localAddress, localPort);
    socket.connect(new InetSocketAddress(address, port));
    return socket;
  }

  @Override
  public String toString() {
    return "RoutingSocketFactory" + routes;
  }

  private static void bind(Socket socket, InetAddress localAddress, int localPort)
      throws IOException {
    try {
      socket.bind(new InetSocketAddress(localAddress, localPort));
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private static void checkPort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be in 1..65535: " + port);
    }
  }
}

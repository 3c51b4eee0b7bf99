package dev.autodiscover.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pretend internet on loopback: a stub DNS server, a certificate authority, and fixture hosts
 * that clients reach at {@code https://name:443} and {@code http://name:80}, with neither root
 * nor fixed ports.
 *
 * <p>Each host name gets a synthetic address of its own (127.0.1.1, 127.0.1.2, ... — inside
 * 127.0.0.0/8, never bound), published as an A record in {@link #dns()}. The
 * {@link #socketFactory()} sends a connection for (synthetic address, 443) to the host's HTTPS
 * port and (synthetic address, 80) to its HTTP port; a synthetic address without a route for
 * the port is refused at once, and an address outside 127.0.0.0/8 is never connected to. A
 * client under test therefore needs three things: DNS queries sent to {@link #dnsServer()},
 * sockets from {@link #socketFactory()}, and trust in {@link #certificateAuthority()}.
 *
 * <pre>{@code
 * try (FixtureNetwork network = FixtureNetwork.start()) {
 *   TestCertificateAuthority ca = network.certificateAuthority();
 *   FixtureHost host = network.httpsHost("autodiscover.contoso.test")
 *       .respondWithPox(PoxResponses.settings("Alice", "alice@contoso.test", ewsUrl));
 *   network.httpsHost("contoso.test", ca.issue("www.contoso.test")).serveWebSite();
 *   network.host("mail.contoso.test").https().http().start();
 *   network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");
 *   network.unreachableHost("old.contoso.test");
 *   network.silentHost("hangs.contoso.test");
 *   network.rawHost("broken.contoso.test", RawExchange.verbatim(bytes));
 *   ... a client using network.dnsServer(), network.socketFactory() and ca.trust() ...
 * }
 * }</pre>
 *
 * <p>Thread safety: safe for concurrent use; hosts and records may be added while clients run.
 */
public final class FixtureNetwork implements AutoCloseable {

  /** The port HTTPS clients connect to. */
  public static final int HTTPS_PORT = 443;

  /** The port plain HTTP clients connect to. */
  public static final int HTTP_PORT = 80;

  private static final Logger log = LoggerFactory.getLogger(FixtureNetwork.class);
  private static final int ADDRESSES_PER_BLOCK = 254;
  private static final int MAX_ADDRESSES = ADDRESSES_PER_BLOCK * 255;

  private final StubDnsServer dns;
  private final TestCertificateAuthority ca;
  private final RoutingSocketFactory sockets = new RoutingSocketFactory();
  private final Map<String, InetAddress> addresses = new ConcurrentHashMap<>();
  private final List<FixtureHost> hosts = new CopyOnWriteArrayList<>();
  private final List<SilentHost> silentHosts = new CopyOnWriteArrayList<>();
  private final List<RawHost> rawHosts = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private FixtureNetwork(StubDnsServer dns, TestCertificateAuthority ca) {
    this.dns = dns;
    this.ca = ca;
  }

  /** Starts a network with its DNS server and a fresh certificate authority, and no hosts. */
  public static FixtureNetwork start() {
    TestCertificateAuthority ca = TestCertificateAuthority.create("Autodiscover Testkit Root CA");
    return new FixtureNetwork(StubDnsServer.start(), ca);
  }

  /** The authority that issues this network's default certificates; clients should trust it. */
  public TestCertificateAuthority certificateAuthority() {
    return ca;
  }

  /** Client-side handshake certificates trusting this network's authority and nothing else. */
  public HandshakeCertificates clientTrust() {
    return ca.trust();
  }

  /** The stub DNS server, for records beyond the hosts' A records (SRV, CNAME, ...). */
  public StubDnsServer dns() {
    return dns;
  }

  /** Where clients send their DNS queries. */
  public InetSocketAddress dnsServer() {
    return dns.address();
  }

  /** The socket factory clients must connect through. */
  public RoutingSocketFactory socketFactory() {
    return sockets;
  }

  /**
   * Starts describing a host for {@code name}; {@code https()} without a certificate uses one
   * issued by this network's authority for the name.
   */
  public FixtureHostBuilder host(String name) {
    return new FixtureHostBuilder(name, ca::issue, this::attach);
  }

  /** Starts an HTTPS host for {@code name} with a certificate from this network's authority. */
  public FixtureHost httpsHost(String name) {
    return host(name).https().start();
  }

  /** Starts an HTTPS host for {@code name} serving {@code certificate}. */
  public FixtureHost httpsHost(String name, HeldCertificate certificate) {
    return host(name).https(certificate).start();
  }

  /** Starts a plain HTTP host for {@code name}. */
  public FixtureHost httpHost(String name) {
    return host(name).http().start();
  }

  /**
   * Publishes {@code name} in DNS with a synthetic address on which nothing listens, so that
   * every connection to it is refused.
   *
   * @throws IllegalStateException if the name is already in this network
   */
  public synchronized InetAddress unreachableHost(String name) {
    String normalized = FixtureNames.normalize(name);
    if (addresses.containsKey(normalized)) {
      throw new IllegalStateException(normalized + " is already in this network, as "
          + addresses.get(normalized).getHostAddress());
    }
    return addressFor(normalized);
  }

  /**
   * Starts a host for {@code name} that accepts TCP connections on ports 443 and 80 and never
   * sends a byte, so that a client's TLS handshake or HTTP request waits until the client's own
   * timeout. The network closes it, and every connection it holds, when the network closes.
   *
   * @throws IllegalStateException if the name's port 443 or 80 is already served, or the network
   *     is closed
   */
  public synchronized SilentHost silentHost(String name) {
    String normalized = FixtureNames.normalize(name);
    InetAddress address = freeAddressForBothPorts(normalized);
    SilentHost host = SilentHost.start(normalized);
    InetSocketAddress target = new InetSocketAddress(Loopback.IPV4, host.port());
    sockets.route(address, HTTPS_PORT, target);
    sockets.route(address, HTTP_PORT, target);
    silentHosts.add(host);
    log.debug("{} is {} in the fixture network", host, address.getHostAddress());
    return host;
  }

  /**
   * Starts a host for {@code name} whose answers are the raw bytes {@code handler} writes, over
   * TLS on port 443 with a certificate from this network's authority, and in plain text on port
   * 80. The network closes it when the network closes.
   *
   * <pre>{@code
   * RawHost root = network.rawHost("contoso.test", (request, response) -> {
   *   response.write("HTTP/1.1 200 OK\r\nContent-Length: 300000000\r\n\r\n"
   *       .getBytes(StandardCharsets.US_ASCII));
   *   ... write as much of the body as the client takes ...
   * });
   * }</pre>
   *
   * @throws IllegalStateException if the name's port 443 or 80 is already served, or the network
   *     is closed
   * @see RawHost
   */
  public RawHost rawHost(String name, RawExchange handler) {
    return rawHost(name, ca.issue(FixtureNames.normalize(name)), handler);
  }

  /**
   * Starts a host for {@code name} like {@link #rawHost(String, RawExchange)}, presenting
   * {@code certificate} on port 443.
   *
   * @throws IllegalStateException if the name's port 443 or 80 is already served, or the network
   *     is closed
   */
  public synchronized RawHost rawHost(String name, HeldCertificate certificate, RawExchange handler) {
    String normalized = FixtureNames.normalize(name);
    InetAddress address = freeAddressForBothPorts(normalized);
    RawHost host = RawHost.start(normalized, certificate, handler);
    sockets.route(address, HTTPS_PORT, new InetSocketAddress(Loopback.IPV4, host.httpsPort()));
    sockets.route(address, HTTP_PORT, new InetSocketAddress(Loopback.IPV4, host.httpPort()));
    rawHosts.add(host);
    log.debug("{} is {} in the fixture network", host, address.getHostAddress());
    return host;
  }

  /**
   * Returns the synthetic address of {@code normalized}, a host about to serve both port 443 and
   * port 80 there.
   *
   * @throws IllegalStateException if either port is already served, or the network is closed
   */
  private InetAddress freeAddressForBothPorts(String normalized) {
    if (closed.get()) {
      throw new IllegalStateException("this network is closed");
    }
    InetAddress address = addressFor(normalized);
    checkFree(address, HTTPS_PORT, normalized);
    checkFree(address, HTTP_PORT, normalized);
    return address;
  }

  /**
   * The synthetic address of {@code name}.
   *
   * @throws IllegalArgumentException if the network has no host of that name
   */
  public InetAddress addressOf(String name) {
    InetAddress address = addresses.get(FixtureNames.normalize(name));
    if (address == null) {
      throw new IllegalArgumentException("no host named " + name + " in this network; known: "
          + addresses.keySet());
    }
    return address;
  }

  /**
   * Sends connections for ({@code name}, {@code port}) to {@code loopbackPort} on 127.0.0.1 —
   * for instance {@code network.route("mail.contoso.test", 8443, host.httpsPort())}.
   */
  public FixtureNetwork route(String name, int port, int loopbackPort) {
    InetAddress address = addressFor(FixtureNames.normalize(name));
    sockets.route(address, port, new InetSocketAddress(Loopback.IPV4, loopbackPort));
    return this;
  }

  /** The hosts started in this network, oldest first. */
  public List<FixtureHost> hosts() {
    return List.copyOf(hosts);
  }

  /** The silent hosts started in this network, oldest first. */
  public List<SilentHost> silentHosts() {
    return List.copyOf(silentHosts);
  }

  /** The raw hosts started in this network, oldest first. */
  public List<RawHost> rawHosts() {
    return List.copyOf(rawHosts);
  }

  /** Stops every host and the DNS server; calling it again does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (FixtureHost host : hosts) {
      try {
        host.close();
      } catch (RuntimeException e) {
        log.debug("could not stop {}", host, e);
      }
    }
    silentHosts.forEach(SilentHost::close);
    rawHosts.forEach(RawHost::close);
    dns.close();
  }

  @Override
  public String toString() {
    return "FixtureNetwork[dns=" + dns.address() + " hosts=" + hosts + "]";
  }

  private synchronized void attach(FixtureHost host) {
    if (closed.get()) {
      throw new IllegalStateException("this network is closed");
    }
    InetAddress address = addressFor(host.name());
    Map<Integer, Integer> ports = new TreeMap<>();
    if (host.hasHttps()) {
      ports.put(HTTPS_PORT, host.httpsPort());
    }
    if (host.hasHttp()) {
      ports.put(HTTP_PORT, host.httpPort());
    }
    ports.keySet().forEach(port -> checkFree(address, port, host.name()));
    ports.forEach((port, loopbackPort) ->
        sockets.route(address, port, new InetSocketAddress(Loopback.IPV4, loopbackPort)));
    hosts.add(host);
    log.debug("{} is {} in the fixture network", host, address.getHostAddress());
  }

  private void checkFree(InetAddress address, int port, String name) {
    InetSocketAddress existing = sockets.routes().get(new InetSocketAddress(address, port));
    if (existing != null) {
      throw new IllegalStateException(name + ":" + port + " is already served from "
          + existing + "; use one host with https() and http() for both ports");
    }
  }

  private synchronized InetAddress addressFor(String name) {
    InetAddress existing = addresses.get(name);
    if (existing != null) {
      return existing;
    }
    int index = addresses.size();
    if (index >= MAX_ADDRESSES) {
      throw new IllegalStateException("no synthetic addresses left (127.0.1.1 to 127.0.255.254 are taken)");
    }
    InetAddress address = Loopback.address(new byte[] {
        127, 0, (byte) (1 + index / ADDRESSES_PER_BLOCK), (byte) (1 + index % ADDRESSES_PER_BLOCK)});
    addresses.put(name, address);
    dns.addA(name, address.getHostAddress());
    return address;
  }
}

package dev.autodiscover.testkit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An authoritative DNS server on 127.0.0.1 that answers from records the test gives it, over UDP
 * and TCP on one port chosen by the system.
 *
 * <p>Unknown names get NXDOMAIN; a known name without a record of the asked type gets an empty
 * NOERROR answer (NODATA); a CNAME is answered together with its target's records when the
 * target is also served here. UDP answers larger than the client accepts (512 bytes, or its EDNS
 * payload size) are sent truncated so the client retries over TCP. Every question is recorded
 * and can be read back with {@link #queries()}.
 *
 * <p>A zone can be signed with DNSSEC ({@link #signZone(String)}): a query with the DO bit then gets
 * the RRSIGs of the answer's RRsets, and a negative answer in that zone gets the zone's SOA and the
 * NSEC records that prove it, so that a validating resolver given the zone's trust anchor validates
 * every answer, and refuses answers changed after signing.
 *
 * <pre>{@code
 * try (StubDnsServer dns = StubDnsServer.start()) {
 *   dns.addA("autodiscover.contoso.test", "127.0.1.1");
 *   dns.addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");
 *   SimpleResolver resolver = new SimpleResolver(dns.address());
 *   ...
 *   assertThat(dns.queries()).contains(new DnsQuery("contoso.test", "SRV", "UDP"));
 * }
 * }</pre>
 *
 * <p>Thread safety: safe for concurrent use; records may be added while the server is serving.
 * Serving threads are daemon threads and end when the server is closed.
 */
public final class StubDnsServer implements AutoCloseable {

  /** TTL, in seconds, of records added by the convenience methods. */
  public static final long DEFAULT_TTL = 60;

  private static final Logger log = LoggerFactory.getLogger(StubDnsServer.class);
  private static final int BIND_ATTEMPTS = 20;
  private static final int TCP_IDLE_TIMEOUT_MILLIS = 30_000;
  private static final int CLOSE_WAIT_MILLIS = 1_000;

  private final DnsZone zone = new DnsZone();
  private final Map<Name, ZoneSigner> signers = new ConcurrentHashMap<>();
  private final List<DnsQuery> queries = new CopyOnWriteArrayList<>();
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final InetSocketAddress address;
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  private StubDnsServer(DatagramSocket udp, ServerSocket tcp) {
    this.udp = udp;
    this.tcp = tcp;
    this.address = new InetSocketAddress(tcp.getInetAddress(), tcp.getLocalPort());
  }

  /**
   * Starts a server on 127.0.0.1, UDP and TCP on the same system-chosen port.
   *
   * @throws UncheckedIOException if no port free for both protocols could be found
   */
  public static StubDnsServer start() {
    IOException last = null;
    for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
      ServerSocket tcp = null;
      try {
        tcp = new ServerSocket(0, 50, Loopback.IPV4);
        DatagramSocket udp =
            new DatagramSocket(new InetSocketAddress(Loopback.IPV4, tcp.getLocalPort()));
        StubDnsServer server = new StubDnsServer(udp, tcp);
        server.startThreads();
        return server;
      } catch (IOException e) {
        last = e;
        closeQuietly(tcp);
      }
    }
    throw new UncheckedIOException(
        "could not bind UDP and TCP on one port of 127.0.0.1", last);
  }

  /** The address clients send their queries to (127.0.0.1 and the chosen port). */
  public InetSocketAddress address() {
    return address;
  }

  /** The port, the same for UDP and TCP. */
  public int port() {
    return address.getPort();
  }

  /** Adds an A record; {@code ipv4} must be an IPv4 literal such as {@code "127.0.1.1"}. */
  public StubDnsServer addA(String name, String ipv4) {
    return add(new ARecord(name(name), DClass.IN, DEFAULT_TTL, literal(ipv4, Address.IPv4, "ipv4")));
  }

  /** Adds an AAAA record; {@code ipv6} must be an IPv6 literal such as {@code "::1"}. */
  public StubDnsServer addAaaa(String name, String ipv6) {
    return add(
        new AAAARecord(name(name), DClass.IN, DEFAULT_TTL, literal(ipv6, Address.IPv6, "ipv6")));
  }

  /** Adds an SRV record; a {@code target} of {@code "."} means "no such service". */
  public StubDnsServer addSrv(String name, int priority, int weight, int port, String target) {
    return add(
        new SRVRecord(name(name), DClass.IN, DEFAULT_TTL, priority, weight, port, name(target)));
  }

  /** Adds a CNAME record making {@code name} an alias of {@code target}. */
  public StubDnsServer addCname(String name, String target) {
    return add(new CNAMERecord(name(name), DClass.IN, DEFAULT_TTL, name(target)));
  }

  /** Adds any record, served as given (its own TTL and class). */
  public StubDnsServer add(Record record) {
    Objects.requireNonNull(record, "record");
    if (!record.getName().isAbsolute()) {
      throw new IllegalArgumentException("record name must be absolute: " + record.getName());
    }
    zone.add(record);
    return this;
  }

  /**
   * Signs the zone at {@code zone} with DNSSEC, its signatures valid from an hour ago for 30 days,
   * and returns its trust anchors. See {@link #signZone(String, Instant, Instant)}.
   */
  public SignedZone signZone(String zone) {
    Instant now = Instant.now();
    return signZone(zone, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
  }

  /**
   * Signs the zone at {@code zone} with DNSSEC, with signatures valid from {@code inception} to
   * {@code expiration} (a time already past makes every signature expired), and returns its trust
   * anchors.
   *
   * <p>The zone is every record at or under {@code zone}; it should not hold another signed zone.
   * The first signing generates the zone's key (ECDSA P-256, algorithm 13), adds its DNSKEY record
   * and, unless the zone has one, an SOA record at the apex; signing again re-signs with the same key
   * and replaces the previous signatures. Records added after signing are served as they are, with
   * no signature or with the RRset's old one: to a validating resolver they are bogus, as records
   * forged on their way would be.
   */
  public synchronized SignedZone signZone(String zone, Instant inception, Instant expiration) {
    Objects.requireNonNull(inception, "inception");
    Objects.requireNonNull(expiration, "expiration");
    if (!inception.isBefore(expiration)) {
      throw new IllegalArgumentException("inception " + inception + " must come before expiration " + expiration);
    }
    Name apex = name(zone).canonicalize();
    ZoneSigner signer = signers.computeIfAbsent(apex, ZoneSigner::generate);
    if (!this.zone.has(apex, Type.DNSKEY)) {
      add(signer.dnskey());
    }
    if (!this.zone.has(apex, Type.SOA)) {
      add(signer.soa());
    }
    this.zone.replaceSignatures(apex, signer.sign(this.zone.recordsUnder(apex), inception, expiration));
    return signer.anchors();
  }

  /**
   * Removes every record, signatures included; the server answers NXDOMAIN to everything
   * afterwards. A zone signed again keeps the key it had, and so its trust anchors.
   */
  public void clearRecords() {
    zone.clear();
  }

  /** The questions received so far, oldest first, as an unmodifiable snapshot. */
  public List<DnsQuery> queries() {
    return List.copyOf(queries);
  }

  /** Forgets the questions received so far. */
  public void clearQueries() {
    queries.clear();
  }

  /** Stops serving and releases the port; calling it again does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    udp.close();
    closeQuietly(tcp);
    for (Socket connection : connections) {
      closeQuietly(connection);
    }
    for (Thread thread : threads) {
      try {
        thread.join(CLOSE_WAIT_MILLIS); // the sockets are released once their threads return
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "StubDnsServer[" + address.getAddress().getHostAddress() + ":" + port() + "]";
  }

  static Name name(String name) {
    Objects.requireNonNull(name, "name");
    try {
      return Name.fromString(name, Name.root);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a DNS name: " + name, e);
    }
  }

  private static InetAddress literal(String value, int family, String parameter) {
    Objects.requireNonNull(value, parameter);
    try {
      return Address.getByAddress(value, family);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(parameter + " is not an IP literal: " + value, e);
    }
  }

  private void startThreads() {
    threads.add(daemon("stub-dns-udp-" + port(), this::serveUdp));
    threads.add(daemon("stub-dns-tcp-" + port(), this::acceptTcp));
    threads.forEach(Thread::start);
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  private void serveUdp() {
    byte[] buffer = new byte[65535];
    while (!closed.get()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
        byte[] reply = handle(buffer, packet.getLength(), DnsQuery.UDP);
        if (reply != null) {
          udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
        }
      } catch (IOException | RuntimeException e) {
        if (!closed.get()) {
          log.debug("UDP query failed", e);
        }
      }
    }
  }

  private void acceptTcp() {
    while (!closed.get()) {
      try {
        Socket connection = tcp.accept();
        connections.add(connection);
        if (closed.get()) {
          closeQuietly(connection);
          return;
        }
        daemon("stub-dns-tcp-conn-" + port(), () -> serveTcp(connection)).start();
      } catch (IOException e) {
        if (!closed.get()) {
          log.debug("TCP accept failed", e);
        }
      }
    }
  }

  private void serveTcp(Socket connection) {
    try (connection) {
      connection.setSoTimeout(TCP_IDLE_TIMEOUT_MILLIS);
      DataInputStream in = new DataInputStream(connection.getInputStream());
      DataOutputStream out = new DataOutputStream(connection.getOutputStream());
      while (!closed.get()) {
        int length;
        try {
          length = in.readUnsignedShort();
        } catch (EOFException e) {
          return; // the client is done with this connection
        }
        byte[] packet = new byte[length];
        in.readFully(packet);
        byte[] reply = handle(packet, length, DnsQuery.TCP);
        if (reply != null) {
          out.writeShort(reply.length);
          out.write(reply);
          out.flush();
        }
      }
    } catch (SocketException e) {
      // closed by either side
    } catch (IOException | RuntimeException e) {
      if (!closed.get()) {
        log.debug("TCP connection failed", e);
      }
    } finally {
      connections.remove(connection);
    }
  }

  /** The wire answer to one packet, or {@code null} when it should not be answered. */
  private byte[] handle(byte[] packet, int length, String transport) {
    Message query;
    try {
      query = new Message(Arrays.copyOf(packet, length));
    } catch (IOException | RuntimeException e) {
      log.debug("malformed {} packet of {} bytes", transport, length);
      return StubDnsResponses.formErr(packet, length);
    }
    if (!DnsZone.isStandardQuery(query)) {
      return query.getHeader().getFlag(Flags.QR)
          ? null
          : StubDnsResponses.error(query, Rcode.NOTIMP).toWire();
    }
    List<Record> questions = new ArrayList<>(query.getSection(Section.QUESTION));
    if (questions.size() != 1) {
      return StubDnsResponses.error(query, Rcode.FORMERR).toWire();
    }
    Record question = questions.get(0);
    String type = Type.string(question.getType());
    queries.add(new DnsQuery(display(question.getName()), type, transport));
    Message response = zone.answer(query);
    log.debug("{} {} {} -> {}", transport, question.getName(), type,
        Rcode.string(response.getHeader().getRcode()));
    if (DnsQuery.UDP.equals(transport)) {
      return StubDnsResponses.forUdp(query, response, StubDnsResponses.udpLimit(query));
    }
    return response.toWire();
  }

  static String display(Name name) {
    String text = name.canonicalize().toString(true);
    return text.isEmpty() ? "." : text.toLowerCase(Locale.ROOT);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // nothing useful to do while releasing a test resource
    }
  }
}

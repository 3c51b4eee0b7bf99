package dev.autodiscover.examples.cli.doctor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What OkHttp reported about one HTTP call: its DNS lookup, each connection attempt with its TLS
 * handshake, a reused connection, each exchange, and how the call ended. Times are {@link
 * System#nanoTime()} readings.
 *
 * <p>Thread-safe: OkHttp may open connections on threads of its own, so every event is recorded
 * under this object's lock; read it once the call has ended.
 */
final class CallTrace extends EventListener {
  /** A name lookup; {@code addresses} is null until it ends. */
  static final class Lookup {
    final String host;
    final long start;
    long end;
    List<InetAddress> addresses;

    Lookup(String host, long start) {
      this.host = host;
      this.start = start;
    }
  }

  /** One TCP connection attempt and the TLS handshake on it. */
  static final class Connect {
    final InetSocketAddress address;
    final Proxy proxy;
    final long start;
    long tlsStart = -1;
    long tlsEnd = -1;
    Handshake handshake;
    /** The certificates the server sent, leaf first, as it sent them; empty when unknown. */
    List<Certificate> presented = List.of();
    long end = -1;
    Protocol protocol;
    IOException failure;
    long failedAt = -1;

    Connect(InetSocketAddress address, Proxy proxy, long start) {
      this.address = address;
      this.proxy = proxy;
      this.start = start;
    }

    /** Returns when the TCP part ended: the TLS start, the connection's end, or its failure. */
    long tcpEnd() {
      return tlsStart >= 0 ? tlsStart : end >= 0 ? end : failedAt;
    }
  }

  /** One request sent and the response headers read. */
  static final class Exchange {
    final long start;
    String method;
    long headersEnd = -1;
    int status = -1;
    Protocol protocol;
    String message;
    String contentType;
    long bodyEnd = -1;
    long bodyBytes = -1;
    IOException failure;

    Exchange(long start) {
      this.start = start;
    }
  }

  private final String url;
  private final long start = System.nanoTime();
  private Lookup lookup;
  private final List<Connect> connects = new ArrayList<>();
  private Connection acquired;
  private boolean reused;
  private final List<Exchange> exchanges = new ArrayList<>();
  private long end = -1;
  private IOException failure;

  CallTrace(Call call) {
    this.url = call.request().url().toString();
  }

  synchronized String url() {
    return url;
  }

  synchronized long start() {
    return start;
  }

  synchronized Optional<Lookup> lookup() {
    return Optional.ofNullable(lookup);
  }

  synchronized List<Connect> connects() {
    return List.copyOf(connects);
  }

  /** Returns the connection the call used, when it was one an earlier call had opened. */
  synchronized Optional<Connection> reusedConnection() {
    return reused ? Optional.ofNullable(acquired) : Optional.empty();
  }

  synchronized List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  synchronized long end() {
    return end;
  }

  synchronized Optional<IOException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public synchronized void dnsStart(Call call, String domainName) {
    lookup = new Lookup(domainName, System.nanoTime());
  }

  @Override
  public synchronized void dnsEnd(Call call, String domainName, List<InetAddress> addresses) {
    if (lookup != null) {
      lookup.end = System.nanoTime();
      lookup.addresses = List.copyOf(addresses);
    }
  }

  @Override
  public synchronized void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
    connects.add(new Connect(address, proxy, System.nanoTime()));
  }

  @Override
  public synchronized void secureConnectStart(Call call) {
    latestOpen().ifPresent(connect -> connect.tlsStart = System.nanoTime());
  }

  @Override
  public synchronized void secureConnectEnd(Call call, Handshake handshake) {
    latestOpen().ifPresent(connect -> {
      connect.tlsEnd = System.nanoTime();
      connect.handshake = handshake;
    });
  }

  @Override
  public synchronized void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
    open(address).ifPresent(connect -> {
      connect.end = System.nanoTime();
      connect.protocol = protocol;
    });
  }

  @Override
  public synchronized void connectFailed(
      Call call, InetSocketAddress address, Proxy proxy, Protocol protocol, IOException e) {
    open(address).ifPresent(connect -> {
      connect.failedAt = System.nanoTime();
      connect.failure = e;
    });
  }

  /**
   * Notes the connection, whether an earlier call had opened it, and for a new TLS connection the
   * certificates the server sent. Those are read from the socket's session: the handshake's own
   * list is rebuilt towards a trusted root, which a certificate trusted only by pin has not.
   */
  @Override
  public synchronized void connectionAcquired(Call call, Connection connection) {
    acquired = connection;
    reused = connects.stream().noneMatch(connect -> connect.end >= 0);
    if (!reused && connection.socket() instanceof SSLSocket socket) {
      for (int i = connects.size() - 1; i >= 0; i--) {
        Connect connect = connects.get(i);
        if (connect.handshake != null) {
          try {
            connect.presented = List.of(socket.getSession().getPeerCertificates());
          } catch (SSLPeerUnverifiedException e) {
            connect.presented = List.of();
          }
          return;
        }
      }
    }
  }

  @Override
  public synchronized void requestHeadersStart(Call call) {
    exchanges.add(new Exchange(System.nanoTime()));
  }

  @Override
  public synchronized void requestHeadersEnd(Call call, Request request) {
    latestExchange().ifPresent(exchange -> exchange.method = request.method());
  }

  @Override
  public synchronized void requestFailed(Call call, IOException e) {
    latestExchange().ifPresent(exchange -> exchange.failure = e);
  }

  @Override
  public synchronized void responseHeadersEnd(Call call, Response response) {
    latestExchange().ifPresent(exchange -> {
      exchange.headersEnd = System.nanoTime();
      exchange.status = response.code();
      exchange.protocol = response.protocol();
      exchange.message = response.message();
      exchange.contentType = response.header("Content-Type");
    });
  }

  @Override
  public synchronized void responseBodyEnd(Call call, long byteCount) {
    latestExchange().ifPresent(exchange -> {
      exchange.bodyEnd = System.nanoTime();
      exchange.bodyBytes = byteCount;
    });
  }

  @Override
  public synchronized void responseFailed(Call call, IOException e) {
    latestExchange().ifPresent(exchange -> exchange.failure = e);
  }

  @Override
  public synchronized void callEnd(Call call) {
    end = System.nanoTime();
  }

  @Override
  public synchronized void callFailed(Call call, IOException e) {
    end = System.nanoTime();
    failure = e;
  }

  /** The latest connection attempt that has neither ended nor failed. */
  private Optional<Connect> latestOpen() {
    for (int i = connects.size() - 1; i >= 0; i--) {
      Connect connect = connects.get(i);
      if (connect.end < 0 && connect.failure == null) {
        return Optional.of(connect);
      }
    }
    return Optional.empty();
  }

  /** The connection attempt to {@code address} that has neither ended nor failed. */
  private Optional<Connect> open(InetSocketAddress address) {
    for (int i = connects.size() - 1; i >= 0; i--) {
      Connect connect = connects.get(i);
      if (connect.end < 0 && connect.failure == null && connect.address.equals(address)) {
        return Optional.of(connect);
      }
    }
    return latestOpen();
  }

  private Optional<Exchange> latestExchange() {
    return exchanges.isEmpty() ? Optional.empty() : Optional.of(exchanges.get(exchanges.size() - 1));
  }
}

package dev.autodiscover.spi;

import dev.autodiscover.internal.dns.DnsjavaClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

/**
 * Resolves the DNS names the library needs: addresses of every host it connects to, and SRV
 * records. Every name the resolver looks up goes through its {@code DnsClient}, including the hosts
 * the HTTP client connects to.
 *
 * <p>Names are always absolute: no search domain is ever appended. Implementations must be
 * thread-safe.
 *
 * <pre>{@code
 * DnsClient dns = DnsClient.usingServers(DnsClient.parseServer("127.0.0.1:5353"));
 * }</pre>
 */
public interface DnsClient {

  /**
   * Returns the IPv4 and IPv6 addresses of {@code hostname}, never an empty list.
   *
   * @throws UnknownHostException when the name has no address, or the lookup failed; the message
   *     says which
   */
  List<InetAddress> lookupAddresses(String hostname) throws UnknownHostException;

  /**
   * Returns the SRV records of {@code name} (such as {@code _autodiscover._tcp.contoso.com}), in
   * the order the server sent them; empty when the name or its SRV records do not exist.
   *
   * @throws UnknownHostException when the lookup itself failed (timeout, server failure)
   */
  List<SrvRecord> lookupSrv(String name) throws UnknownHostException;

  /**
   * Returns the IPv4 and IPv6 addresses of {@code hostname}, as {@link #lookupAddresses(String)}
   * does, giving up after {@code timeout}. A timeout of zero or less leaves no time to ask a server:
   * only an answer already at hand (cached) is returned.
   *
   * <p>The default ignores {@code timeout} and calls {@link #lookupAddresses(String)}, so a client
   * written before this method existed keeps its own time limit.
   *
   * @throws UnknownHostException as {@link #lookupAddresses(String)} does, and when the time is up,
   *     with a message saying that the lookup timed out
   */
  default List<InetAddress> lookupAddresses(String hostname, Duration timeout) throws UnknownHostException {
    return lookupAddresses(hostname);
  }

  /**
   * Returns the SRV records of {@code name}, as {@link #lookupSrv(String)} does, giving up after
   * {@code timeout}. A timeout of zero or less leaves no time to ask a server: only an answer
   * already at hand (cached) is returned.
   *
   * <p>The default ignores {@code timeout} and calls {@link #lookupSrv(String)}, so a client
   * written before this method existed keeps its own time limit.
   *
   * @throws UnknownHostException as {@link #lookupSrv(String)} does, and when the time is up, with
   *     a message saying that the lookup timed out
   */
  default List<SrvRecord> lookupSrv(String name, Duration timeout) throws UnknownHostException {
    return lookupSrv(name);
  }

  /** Returns a client using the system's DNS configuration (resolv.conf or its equivalent). */
  static DnsClient system() {
    return DnsjavaClient.system();
  }

  /** Returns a client that sends every query to these servers, in order. */
  static DnsClient usingServers(List<InetSocketAddress> servers) {
    return DnsjavaClient.usingServers(servers);
  }

  /** Returns a client that sends every query to these servers, in order. */
  static DnsClient usingServers(InetSocketAddress... servers) {
    return usingServers(List.of(servers));
  }

  /**
   * Parses a DNS server written as {@code HOST}, {@code HOST:PORT}, {@code [IPV6]:PORT} or a bare
   * IPv6 literal; the port defaults to 53. The host must be an IP literal (a DNS server is not
   * itself looked up in DNS).
   *
   * @throws IllegalArgumentException naming what is wrong with {@code server}
   */
  static InetSocketAddress parseServer(String server) {
    return DnsjavaClient.parseServer(server);
  }
}

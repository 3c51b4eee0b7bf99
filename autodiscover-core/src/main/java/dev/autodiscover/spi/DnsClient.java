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
 * DnsClient validating = DnsClient.requiringDnssec(DnssecTrustAnchors.read(anchorFile), server);
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

  /**
   * Returns the CNAME chain of {@code hostname}: the name it is an alias of, then the name that one
   * is an alias of, and so on; empty when {@code hostname} is no alias or does not exist. Gives up
   * after {@code timeout}.
   *
   * <p>The default returns an empty list, so a client written before this method existed reports
   * no alias, and the steps that look for one (the Office 365 step, when it waits for
   * {@code autodiscover.<domain>} to be an alias of Microsoft's service) propose nothing.
   *
   * @throws UnknownHostException when the lookup failed or timed out, or the chain loops or is longer
   *     than the client follows
   */
  default List<String> lookupAliases(String hostname, Duration timeout) throws UnknownHostException {
    return List.of();
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
   * Returns a client that sends every query to these servers, in order, and uses only the answers
   * that DNSSEC validates as secure from {@code anchors}: every A, AAAA and SRV answer, and every
   * "no such name" or "no such record" answer, must carry signatures that chain up to one of the
   * anchors. An answer that is unsigned (no anchor covers its zone, or the zone is not signed) or
   * bogus (a signature that does not verify or has expired) fails the lookup with an
   * {@link UnknownHostException} whose message names the answer and says why; an address lookup
   * fails when either its A or its AAAA answer is refused.
   *
   * <p>The servers must return DNSSEC records (RRSIG, NSEC, DNSKEY) to queries with the DO bit, as
   * validating recursive resolvers and authoritative servers of signed zones do; the client
   * validates for itself and does not trust the servers' AD flag. The resolver's time limits apply
   * to the whole validation, which may ask for DNSKEY and DS records besides the answer.
   *
   * <pre>{@code
   * DnssecTrustAnchors anchors = DnssecTrustAnchors.read(Path.of("/var/lib/unbound/root.key"));
   * DnsClient dns = DnsClient.requiringDnssec(anchors, DnsClient.parseServer("192.0.2.53"));
   * }</pre>
   *
   * @param anchors where the chains of trust start; see {@link DnssecTrustAnchors} for where to get them
   */
  static DnsClient requiringDnssec(DnssecTrustAnchors anchors, List<InetSocketAddress> servers) {
    return DnsjavaClient.requiringDnssec(anchors, servers);
  }

  /**
   * Returns a client that sends every query to these servers, in order, and uses only the answers
   * that DNSSEC validates from {@code anchors}; see {@link #requiringDnssec(DnssecTrustAnchors, List)}.
   */
  static DnsClient requiringDnssec(DnssecTrustAnchors anchors, InetSocketAddress... servers) {
    return requiringDnssec(anchors, List.of(servers));
  }

  /**
   * Returns a client using the system's DNS configuration that uses only the answers DNSSEC validates
   * from {@code anchors}; see {@link #requiringDnssec(DnssecTrustAnchors, List)}. The system's
   * servers must pass DNSSEC records on, which some local stub resolvers do not.
   */
  static DnsClient systemRequiringDnssec(DnssecTrustAnchors anchors) {
    return DnsjavaClient.systemRequiringDnssec(anchors);
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

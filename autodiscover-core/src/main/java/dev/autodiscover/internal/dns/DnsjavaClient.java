package dev.autodiscover.internal.dns;

import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.spi.DnssecTrustAnchors;
import dev.autodiscover.spi.SrvRecord;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupFailedException;
import org.xbill.DNS.lookup.LookupResult;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;
import org.xbill.DNS.lookup.RedirectLoopException;
import org.xbill.DNS.lookup.RedirectOverflowException;

/**
 * The default {@link DnsClient}, on dnsjava's {@link LookupSession}; the DNSSEC-requiring variant puts
 * a {@link ValidatedAnswers} validator between the session and the servers, so that only validated
 * answers are used and cached. Thread-safe.
 */
public final class DnsjavaClient implements DnsClient {
  private static final Logger log = LoggerFactory.getLogger(DnsjavaClient.class);
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

  /** The one-argument lookups' time limit, and the most any lookup waits for its answers. */
  public static final Duration MAX_WAIT = QUERY_TIMEOUT.multipliedBy(3);

  /** The most CNAME (or DNAME) records followed from the name asked for to the records answered. */
  public static final int MAX_ALIASES = 8;

  private final LookupSession session;
  private final String description;

  private DnsjavaClient(Resolver resolver, String description) {
    resolver.setTimeout(QUERY_TIMEOUT);
    // Answers are cached for their TTL; names are always absolute, so no search path applies.
    this.session = LookupSession.builder()
        .resolver(resolver)
        .maxRedirects(MAX_ALIASES)
        .cache(new Cache(DClass.IN))
        .build();
    this.description = description;
  }

  /** Returns a client on the system's resolver configuration. */
  public static DnsjavaClient system() {
    return new DnsjavaClient(new ExtendedResolver(), "system DNS");
  }

  /** Returns a client sending every query to {@code servers}, in order. */
  public static DnsjavaClient usingServers(List<InetSocketAddress> servers) {
    return new DnsjavaClient(resolverFor(servers), "DNS servers " + servers);
  }

  /**
   * Returns a client on the system's resolver configuration that uses only answers DNSSEC validates
   * from {@code anchors}.
   */
  public static DnsjavaClient systemRequiringDnssec(DnssecTrustAnchors anchors) {
    Objects.requireNonNull(anchors, "anchors");
    return new DnsjavaClient(new ValidatedAnswers(new ExtendedResolver(), anchors),
        "system DNS requiring DNSSEC from trust anchors for " + anchors.zones());
  }

  /**
   * Returns a client sending every query to {@code servers}, in order, that uses only answers DNSSEC
   * validates from {@code anchors}.
   */
  public static DnsjavaClient requiringDnssec(DnssecTrustAnchors anchors, List<InetSocketAddress> servers) {
    Objects.requireNonNull(anchors, "anchors");
    return new DnsjavaClient(new ValidatedAnswers(resolverFor(servers), anchors),
        "DNS servers " + servers + " requiring DNSSEC from trust anchors for " + anchors.zones());
  }

  private static Resolver resolverFor(List<InetSocketAddress> servers) {
    Objects.requireNonNull(servers, "servers");
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("servers must name at least one DNS server");
    }
    List<Resolver> resolvers = new ArrayList<>();
    for (InetSocketAddress server : servers) {
      Objects.requireNonNull(server, "servers must not contain null");
      resolvers.add(new SimpleResolver(server));
    }
    return resolvers.size() == 1 ? resolvers.get(0) : new ExtendedResolver(resolvers);
  }

  /** Parses {@code HOST}, {@code HOST:PORT}, {@code [IPV6]:PORT} or a bare IPv6 literal. */
  public static InetSocketAddress parseServer(String server) {
    Objects.requireNonNull(server, "server");
    String text = server.trim();
    String host = text;
    int port = 53;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("DNS server '" + server + "' has '[' without ']'");
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("DNS server '" + server + "': expected ':PORT' after ']'");
        }
        port = parsePort(rest.substring(1), server);
      }
    } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      host = text.substring(0, text.indexOf(':'));
      port = parsePort(text.substring(text.indexOf(':') + 1), server);
    }
    if (!IpLiterals.isIpLiteral(host)) {
      throw new IllegalArgumentException(
          "DNS server '" + server + "' must be an IP address, optionally with :PORT");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("DNS server '" + server + "' is not an IP address", e);
    }
  }

  private static int parsePort(String text, String server) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(
        "DNS server '" + server + "' has port '" + text + "'; expected 1..65535");
  }

  @Override
  public List<InetAddress> lookupAddresses(String hostname) throws UnknownHostException {
    return lookupAddresses(hostname, MAX_WAIT);
  }

  /**
   * Asks for the A and the AAAA records at once and waits for both, at most {@code timeout} (and
   * never more than {@link #MAX_WAIT}). IPv4 addresses come first. NXDOMAIN on either question ends
   * the lookup, and so does an answer that DNSSEC did not validate when the client requires it; when
   * one question fails or runs out of time, the other's addresses are returned.
   */
  @Override
  public List<InetAddress> lookupAddresses(String hostname, Duration timeout) throws UnknownHostException {
    Name name = absolute(hostname);
    Duration bound = bound(timeout);
    long deadline = System.nanoTime() + bound.toNanos();
    List<Question> questions = List.of(ask(name, Type.A), ask(name, Type.AAAA));
    List<InetAddress> addresses = new ArrayList<>();
    UnknownHostException failure = null;
    for (Question question : questions) {
      try {
        for (Record record : question.records(deadline, bound)) {
          if (record instanceof ARecord a) {
            addresses.add(InetAddress.getByAddress(hostname, a.getAddress().getAddress()));
          } else if (record instanceof AAAARecord aaaa) {
            addresses.add(InetAddress.getByAddress(hostname, aaaa.getAddress().getAddress()));
          }
        }
      } catch (NoSuchNameException | UnvalidatedAnswerException e) {
        throw e;
      } catch (UnknownHostException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (addresses.isEmpty()) {
      throw failure != null ? failure : new UnknownHostException(hostname + ": no A or AAAA record");
    }
    if (failure != null) {
      log.debug("{} resolved to {} although {}", hostname, addresses, failure.getMessage());
    } else {
      log.debug("{} resolved to {}", hostname, addresses);
    }
    return List.copyOf(addresses);
  }

  @Override
  public List<SrvRecord> lookupSrv(String name) throws UnknownHostException {
    return lookupSrv(name, MAX_WAIT);
  }

  /** Waits at most {@code timeout} for the SRV records, and never more than {@link #MAX_WAIT}. */
  @Override
  public List<SrvRecord> lookupSrv(String name, Duration timeout) throws UnknownHostException {
    Duration bound = bound(timeout);
    long deadline = System.nanoTime() + bound.toNanos();
    List<SrvRecord> records = new ArrayList<>();
    for (Record record : ask(absolute(name), Type.SRV).records(deadline, bound)) {
      if (record instanceof SRVRecord srv) {
        String target = srv.getTarget().equals(Name.root) ? "." : withoutDot(srv.getTarget());
        records.add(new SrvRecord(srv.getPriority(), srv.getWeight(), srv.getPort(), target));
      }
    }
    log.debug("SRV {} answered {}", name, records);
    return List.copyOf(records);
  }

  /**
   * Asks for the CNAME record of each name in turn, at most {@link #MAX_ALIASES}, all within
   * {@code timeout} (and never more than {@link #MAX_WAIT}).
   */
  @Override
  public List<String> lookupAliases(String hostname, Duration timeout) throws UnknownHostException {
    Duration bound = bound(timeout);
    long deadline = System.nanoTime() + bound.toNanos();
    List<String> chain = new ArrayList<>();
    Set<Name> seen = new HashSet<>();
    Name name = absolute(hostname);
    seen.add(name);
    while (true) {
      List<Record> records;
      try {
        records = ask(name, Type.CNAME).records(deadline, bound);
      } catch (NoSuchNameException e) {
        records = List.of();
      }
      Optional<Name> target = records.stream()
          .filter(CNAMERecord.class::isInstance)
          .map(record -> ((CNAMERecord) record).getTarget())
          .findFirst();
      if (target.isEmpty()) {
        log.debug("{} is an alias of {}", hostname, chain);
        return List.copyOf(chain);
      }
      if (!seen.add(target.get())) {
        throw new UnknownHostException(hostname + ": the CNAME chain loops back on itself");
      }
      if (chain.size() == MAX_ALIASES) {
        throw new UnknownHostException(hostname + ": the CNAME chain is longer than " + MAX_ALIASES + " aliases");
      }
      chain.add(withoutDot(target.get()));
      name = target.get();
    }
  }

  /** {@code timeout} within {@code [0, MAX_WAIT]}. */
  private static Duration bound(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      return Duration.ZERO;
    }
    return timeout.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : timeout;
  }

  /** Sends the question (or finds its answer in the cache) without waiting for the answer. */
  private Question ask(Name name, int type) {
    return new Question(name, type, session.lookupAsync(name, type).toCompletableFuture());
  }

  /** One question on its way. */
  private final class Question {
    private final Name name;
    private final String what;
    private final CompletableFuture<LookupResult> answer;

    Question(Name name, int type, CompletableFuture<LookupResult> answer) {
      this.name = name;
      this.what = withoutDot(name) + " " + Type.string(type);
      this.answer = answer;
    }

    /**
     * Returns the records of the answer, waiting until {@code deadline} ({@link System#nanoTime()})
     * at most; empty when the name has no records of this type.
     *
     * @param bound how long the whole lookup was given, for the timeout message
     * @throws NoSuchNameException when the name does not exist
     * @throws UnvalidatedAnswerException when the client requires DNSSEC and the answer is not secure
     */
    List<Record> records(long deadline, Duration bound) throws UnknownHostException {
      try {
        return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).getRecords();
      } catch (ExecutionException | CompletionException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof NoSuchDomainException) {
          log.debug("{}: no such domain", what);
          throw new NoSuchNameException(withoutDot(name) + ": no such domain (NXDOMAIN)");
        }
        if (cause instanceof UnvalidatedAnswerException) {
          log.debug("{}: {}", what, cause.getMessage());
          throw new UnvalidatedAnswerException(cause.getMessage());
        }
        if (cause instanceof NoSuchRRSetException) {
          log.debug("{}: no records", what);
          return List.of();
        }
        throw new UnknownHostException(what + " lookup failed via " + description + ": " + reason(cause));
      } catch (TimeoutException e) {
        log.debug("{}: no answer within {} ms", what, bound.toMillis());
        throw new UnknownHostException(
            what + " lookup timed out after " + bound.toMillis() + " ms via " + description);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnknownHostException(what + " lookup interrupted");
      }
    }
  }

  private static String reason(Throwable cause) {
    if (cause instanceof RedirectLoopException) {
      return "the CNAME chain loops back on itself";
    }
    if (cause instanceof RedirectOverflowException) {
      return "the CNAME chain is longer than " + MAX_ALIASES + " aliases";
    }
    if (cause instanceof LookupFailedException || cause.getMessage() == null) {
      return cause.getClass().getSimpleName();
    }
    return cause.getMessage();
  }

  private static Name absolute(String hostname) throws UnknownHostException {
    Objects.requireNonNull(hostname, "hostname");
    try {
      return Name.fromString(hostname.endsWith(".") ? hostname : hostname + ".");
    } catch (TextParseException e) {
      throw new UnknownHostException(hostname + ": not a valid DNS name (" + e.getMessage() + ")");
    }
  }

  private static String withoutDot(Name name) {
    String text = name.toString();
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  @Override
  public String toString() {
    return "DnsjavaClient{" + description + "}";
  }
}

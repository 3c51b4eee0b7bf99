package dev.autodiscover.internal.directory;

import dev.autodiscover.DirectoryBind;
import dev.autodiscover.internal.dns.IpLiterals;
import dev.autodiscover.spi.DirectoryClient;
import dev.autodiscover.spi.DirectoryException;
import dev.autodiscover.spi.DirectoryException.Reason;
import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.spi.ServiceConnectionPoint;
import dev.autodiscover.spi.ServiceConnectionPoints;
import dev.autodiscover.tls.CertificateRejectedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.AuthenticationException;
import javax.naming.AuthenticationNotSupportedException;
import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.NoPermissionException;
import javax.naming.PartialResultException;
import javax.naming.SizeLimitExceededException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.LdapName;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.security.auth.Subject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link DirectoryClient}: the JDK's LDAP client (JNDI), with host names resolved
 * through the resolver's {@link DnsClient}, TCP through its socket factory, LDAPS judged by its
 * trust rules, and the whole exchange bounded by the timeout it is given (a watchdog closes the
 * connection when time is up). Referrals are not followed; at most {@value #MAX_OBJECTS} objects
 * are read. Passwords are handed to JNDI only and never logged.
 *
 * <p>Immutable and thread-safe.
 */
public final class JndiDirectoryClient implements DirectoryClient {
  private static final Logger log = LoggerFactory.getLogger(JndiDirectoryClient.class);

  /** The search [MS-OXDISCO] gives, with objectClass for objectCategory so any LDAP server answers it. */
  static final String FILTER = "(&(objectClass=serviceConnectionPoint)(|(keywords=" + POINTER_KEYWORD
      + ")(keywords=" + URL_KEYWORD + ")))";
  static final int MAX_OBJECTS = 1000;
  private static final Pattern LDAP_ERROR = Pattern.compile("\\[LDAP: error code (\\d+) - (.*)]", Pattern.DOTALL);
  private static final String[] ATTRIBUTES = {"serviceBindingInformation", "keywords", "whenCreated"};

  private final DnsClient dns;
  private final SocketFactory sockets;
  private final Supplier<SSLSocketFactory> tls;
  private final Duration connectTimeout;

  /**
   * @param sockets the factory for TCP sockets
   * @param tls layers TLS over them for {@code ldaps://}, asked for only when one is opened; it must
   *     check the certificate and host name
   * @param connectTimeout the limit for opening one TCP connection
   */
  public JndiDirectoryClient(DnsClient dns, SocketFactory sockets, Supplier<SSLSocketFactory> tls, Duration connectTimeout) {
    this.dns = dns;
    this.sockets = sockets;
    this.tls = tls;
    this.connectTimeout = connectTimeout;
  }

  @Override
  public ServiceConnectionPoints search(URI server, DirectoryBind bind, Duration timeout)
      throws DirectoryException {
    boolean secure = "ldaps".equalsIgnoreCase(server.getScheme());
    String host = unbracketed(server.getHost());
    int port = server.getPort() != -1 ? server.getPort() : secure ? 636 : 389;
    long deadline = System.nanoTime() + timeout.toNanos();
    Exchange exchange = new Exchange(host, port, secure, deadline);
    Thread thread = Thread.currentThread();
    ClassLoader loader = thread.getContextClassLoader();
    // JNDI loads the socket factory by name through the context class loader.
    thread.setContextClassLoader(JndiDirectoryClient.class.getClassLoader());
    ScheduledFuture<?> watchdog = Watchdog.schedule(exchange::expire, timeout.toNanos());
    Hashtable<String, Object> env = environment(server, host, port, bind, timeout);
    try (DirectorySockets.Binding binding = DirectorySockets.bind(exchange::connect)) {
      if (bind instanceof DirectoryBind.Kerberos kerberos && kerberos.subject().isPresent()) {
        return Subject.doAs(kerberos.subject().get(),
            (PrivilegedExceptionAction<ServiceConnectionPoints>) () -> read(env));
      }
      return read(env);
    } catch (PrivilegedActionException e) {
      throw explain(e.getException(), server, bind, exchange);
    } catch (NamingException e) {
      throw explain(e, server, bind, exchange);
    } finally {
      watchdog.cancel(false);
      exchange.closeAll();
      if (env.get(Context.SECURITY_CREDENTIALS) instanceof char[] password) {
        Arrays.fill(password, '\0');
      }
      thread.setContextClassLoader(loader);
    }
  }

  private static ServiceConnectionPoints read(Hashtable<String, Object> env) throws NamingException {
    DirContext context = new InitialDirContext(env);
    try {
      Attributes root = context.getAttributes("", new String[] {"configurationNamingContext"});
      Attribute naming = root.get("configurationNamingContext");
      if (naming == null || !(naming.get() instanceof String base) || base.isBlank()) {
        throw new NotActiveDirectory();
      }
      SearchControls controls = new SearchControls(
          SearchControls.SUBTREE_SCOPE, MAX_OBJECTS, 0, ATTRIBUTES, false, false);
      List<ServiceConnectionPoint> found = new ArrayList<>();
      boolean truncated = false;
      NamingEnumeration<SearchResult> results = context.search(new LdapName(base), FILTER, controls);
      try {
        while (results.hasMore()) {
          found.add(entry(results.next()));
        }
      } catch (SizeLimitExceededException e) {
        truncated = true;
      } catch (PartialResultException e) {
        log.debug("ignoring referrals under {}", base);
      } finally {
        results.close();
      }
      return new ServiceConnectionPoints(base, found, truncated);
    } finally {
      context.close();
    }
  }

  private static ServiceConnectionPoint entry(SearchResult result) throws NamingException {
    Attributes attributes = result.getAttributes();
    List<String> created = strings(attributes.get("whenCreated"));
    return new ServiceConnectionPoint(
        result.getNameInNamespace(),
        strings(attributes.get("serviceBindingInformation")),
        strings(attributes.get("keywords")),
        created.isEmpty() ? Optional.empty() : GeneralizedTime.parse(created.get(0)));
  }

  private static List<String> strings(Attribute attribute) throws NamingException {
    List<String> values = new ArrayList<>();
    if (attribute != null) {
      for (int i = 0; i < attribute.size(); i++) {
        if (attribute.get(i) instanceof String value) {
          values.add(value);
        }
      }
    }
    return values;
  }

  private Hashtable<String, Object> environment(URI server, String host, int port, DirectoryBind bind, Duration timeout) {
    Hashtable<String, Object> env = new Hashtable<>();
    env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
    String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    env.put(Context.PROVIDER_URL, server.getScheme().toLowerCase(Locale.ROOT) + "://" + authority + ":" + port);
    env.put("java.naming.ldap.factory.socket", DirectorySockets.class.getName());
    env.put("java.naming.ldap.version", "3");
    env.put(Context.REFERRAL, "ignore");
    env.put("com.sun.jndi.ldap.read.timeout", Long.toString(Math.max(1, timeout.toMillis())));
    if (bind instanceof DirectoryBind.Simple simple) {
      env.put(Context.SECURITY_AUTHENTICATION, "simple");
      env.put(Context.SECURITY_PRINCIPAL, simple.bindDn());
      env.put(Context.SECURITY_CREDENTIALS, simple.password());
    } else if (bind instanceof DirectoryBind.Kerberos) {
      env.put(Context.SECURITY_AUTHENTICATION, "GSSAPI");
    } else {
      env.put(Context.SECURITY_AUTHENTICATION, "none");
    }
    return env;
  }

  private static DirectoryException explain(Exception e, URI server, DirectoryBind bind, Exchange exchange) {
    Optional<dev.autodiscover.tls.CertificateDiagnosis> certificate = CertificateRejectedException.find(e);
    if (certificate.isPresent()) {
      return new DirectoryException(certificate.get(),
          "the certificate of " + server + " was rejected: " + certificate.get().summary(), e);
    }
    if (exchange.expired.get() || hasCause(e, SocketTimeoutException.class)
        || String.valueOf(e.getMessage()).contains("read timed out")) {
      return new DirectoryException(Reason.TIMEOUT, server + " did not answer in time", e);
    }
    if (e instanceof NotActiveDirectory) {
      return new DirectoryException(Reason.FAILED, server
          + " has no configurationNamingContext in its RootDSE: it is not an Active Directory domain controller", e);
    }
    if (e instanceof AuthenticationException || e instanceof AuthenticationNotSupportedException) {
      String why = ldapMessage(e);
      String root = rootMessage(e);
      return new DirectoryException(Reason.BIND_REFUSED, "the " + describe(bind) + " to " + server + " failed: "
          + (why.contains(root) ? why : why + ": " + root), e);
    }
    if (e instanceof NoPermissionException || ldapMessage(e).contains("000004DC")) {
      return new DirectoryException(Reason.BIND_REFUSED,
          server + " refused the search to the " + describe(bind) + ": " + ldapMessage(e), e);
    }
    if (e instanceof CommunicationException || e instanceof IOException) {
      return new DirectoryException(Reason.UNREACHABLE,
          "cannot connect to " + server + ": " + rootMessage(e), e);
    }
    return new DirectoryException(Reason.FAILED, server + " failed the search: " + ldapMessage(e), e);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the innermost message of {@code e}'s causes: JNDI wraps socket errors in its own. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }

  /** Returns JNDI's {@code [LDAP: error code 49 - text]} as {@code text (LDAP error 49)}. */
  private static String ldapMessage(Exception e) {
    String explanation = e instanceof NamingException naming ? naming.getExplanation() : e.getMessage();
    if (explanation == null || explanation.isBlank()) {
      return rootMessage(e);
    }
    Matcher m = LDAP_ERROR.matcher(explanation.strip());
    return m.matches() ? m.group(2).strip() + " (LDAP error " + m.group(1) + ")" : explanation.strip();
  }

  private static String describe(DirectoryBind bind) {
    if (bind instanceof DirectoryBind.Simple simple) {
      return "simple bind as " + simple.bindDn();
    }
    return bind instanceof DirectoryBind.Kerberos ? "Kerberos (GSSAPI) bind" : "anonymous bind";
  }

  private static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** The RootDSE holds no configuration naming context. */
  private static final class NotActiveDirectory extends NamingException {
    private static final long serialVersionUID = 1L;
  }

  /** The connections of one search, and whether its time ran out. */
  private final class Exchange {
    private final String host;
    private final int port;
    private final boolean secure;
    private final long deadline;
    private final List<Socket> opened = new CopyOnWriteArrayList<>();
    private final AtomicBoolean expired = new AtomicBoolean();

    Exchange(String host, int port, boolean secure, long deadline) {
      this.host = host;
      this.port = port;
      this.secure = secure;
      this.deadline = deadline;
    }

    /** Opens the connection JNDI asks for, which is always to this exchange's server. */
    Socket connect(String requestedHost, int requestedPort) throws IOException {
      List<InetAddress> addresses = IpLiterals.isIpLiteral(host)
          ? List.of(InetAddress.getByName(host))
          : dns.lookupAddresses(host, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      IOException failure = null;
      for (InetAddress address : addresses) {
        Socket socket = sockets.createSocket();
        opened.add(socket);
        try {
          socket.connect(new InetSocketAddress(address, port), millisLeft(connectTimeout));
          return secure ? handshake(socket) : socket;
        } catch (IOException e) {
          socket.close();
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
          if (e instanceof SocketTimeoutException && millisLeft(Duration.ofDays(1)) <= 1) {
            break;
          }
        }
      }
      throw failure != null ? failure : new IOException("no address for " + host);
    }

    private Socket handshake(Socket socket) throws IOException {
      SSLSocket ssl = (SSLSocket) tls.get().createSocket(socket, host, port, true);
      opened.add(ssl);
      ssl.setSoTimeout(millisLeft(Duration.ofDays(1)));
      ssl.startHandshake();
      ssl.setSoTimeout(0);
      return ssl;
    }

    private int millisLeft(Duration cap) throws SocketTimeoutException {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new SocketTimeoutException("time is up");
      }
      return (int) Math.min(Math.min(left, cap.toMillis()), Integer.MAX_VALUE);
    }

    void expire() {
      expired.set(true);
      log.debug("directory search at {}:{} ran out of time; closing its connection", host, port);
      closeAll();
    }

    void closeAll() {
      for (Socket socket : opened) {
        try {
          socket.close();
        } catch (IOException e) {
          log.debug("closing a directory connection", e);
        }
      }
    }
  }
}

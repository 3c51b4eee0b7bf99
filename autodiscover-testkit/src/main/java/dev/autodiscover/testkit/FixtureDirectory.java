package dev.autodiscover.testkit;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLServerSocketFactory;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An LDAP server on 127.0.0.1 that looks, to a client searching for Exchange Autodiscover, like
 * an Active Directory domain controller: its RootDSE names the configuration naming context, and
 * serviceConnectionPoint (SCP) objects sit where Exchange publishes them.
 *
 * <p>A client finds the SCPs as Outlook does: it reads {@code configurationNamingContext} from
 * the RootDSE (base {@code ""}, scope base), then searches that subtree for
 * {@code (&(objectClass=serviceConnectionPoint)(|(keywords=}{@link #POINTER_KEYWORD}{@code )
 * (keywords=}{@link #URL_KEYWORD}{@code )))} and reads {@code serviceBindingInformation},
 * {@code keywords} and {@code whenCreated}. As in AD, {@code keywords} and
 * {@code serviceBindingInformation} match without regard to case, and {@code whenCreated} is
 * written in GeneralizedTime ({@code "20190312101522.0Z"}). Containers between the naming
 * context and an SCP are created as needed. The server runs UnboundID's in-memory directory with
 * AD's definitions of the SCP classes and attributes added to the standard schema; it does
 * nothing else AD does (no Kerberos, no referrals, no access control beyond
 * {@link Builder#requireBind()}). Every bind and search is recorded and can be read back with
 * {@link #requests()}.
 *
 * <pre>{@code
 * try (FixtureDirectory directory = FixtureDirectory.forDomain("corp.test")
 *     .user("CN=Alice,CN=Users,DC=corp,DC=test", "secret")
 *     .requireBind()
 *     .start()) {
 *   directory.addServiceUrl("CAS01", "https://mail.corp.test/Autodiscover/Autodiscover.xml",
 *       Instant.parse("2019-03-12T10:15:22Z"), "Site=Berlin");
 *   directory.addPointer("contoso", "LDAP://dc1.contoso.test", Instant.now(),
 *       "Domain=contoso.test");
 *   ... a client connecting to directory.url() ...
 *   assertThat(directory.requests()).extracting(ReceivedLdapRequest::dn)
 *       .contains(directory.configurationNamingContext());
 * }
 * }</pre>
 *
 * <p>Thread safety: safe for concurrent use; entries may be added while clients search. Serving
 * threads end when the directory is closed.
 */
public final class FixtureDirectory implements AutoCloseable {

  /** Keyword of an SCP whose serviceBindingInformation is an Autodiscover URL. */
  public static final String URL_KEYWORD = "77378F46-2C66-4aa9-A6A6-3E7A48B19596";

  /** Keyword of an SCP whose serviceBindingInformation points at another LDAP server. */
  public static final String POINTER_KEYWORD = "67661D7F-8FC4-4fa7-BFAC-E1D7794C1F68";

  private static final Logger log = LoggerFactory.getLogger(FixtureDirectory.class);

  /** Where Exchange keeps its servers, below CN=Services of the configuration naming context. */
  private static final String EXCHANGE_SERVERS = "CN=Servers,"
      + "CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,"
      + "CN=First Organization,CN=Microsoft Exchange";

  /** Where Exchange keeps pointer SCPs, below CN=Services of the configuration naming context. */
  private static final String AUTODISCOVER_CONTAINER = "CN=Microsoft Exchange Autodiscover";

  /** GeneralizedTime to the second, written as AD writes it. */
  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss'.0Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final String[] SCP_CLASSES =
      {"top", "leaf", "connectionPoint", "serviceConnectionPoint"};

  private final String domain;
  private final DN domainDn;
  private final DN configurationDn;
  private final DN servicesDn;
  private final InMemoryDirectoryServer server;
  private final boolean ldaps;
  private final int port;
  private final List<ReceivedLdapRequest> requests;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Set<DN> entries = new HashSet<>(); // guarded by this

  private FixtureDirectory(Builder builder, InMemoryDirectoryServer server,
      List<ReceivedLdapRequest> requests) {
    this.domain = builder.domain;
    this.domainDn = builder.domainDn;
    this.configurationDn = child(domainDn, "Configuration");
    this.servicesDn = child(configurationDn, "Services");
    this.server = server;
    this.ldaps = builder.certificate != null;
    this.port = server.getListenPort();
    this.requests = requests;
  }

  /**
   * Starts describing a directory for the Active Directory domain {@code adDomain}, e.g.
   * "corp.test" -> base DN DC=corp,DC=test.
   *
   * @throws IllegalArgumentException if {@code adDomain} is not a DNS name
   */
  public static Builder forDomain(String adDomain) {
    return new Builder(adDomain);
  }

  /** The Active Directory domain, in lower case, such as {@code "corp.test"}. */
  public String domain() {
    return domain;
  }

  /** The DN of the configuration naming context, such as CN=Configuration,DC=corp,DC=test. */
  public String configurationNamingContext() {
    return configurationDn.toString();
  }

  /** The port the server listens on, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** Where clients connect: {@code ldap://127.0.0.1:PORT}, or {@code ldaps://127.0.0.1:PORT}. */
  public URI url() {
    return URI.create((ldaps ? "ldaps" : "ldap") + "://" + Loopback.IPV4.getHostAddress() + ":"
        + port);
  }

  /**
   * Adds an SCP holding an Autodiscover URL, as Exchange publishes one for a Client Access
   * server: keywords = URL_KEYWORD plus {@code keywords} (e.g. "Site=Berlin"); returns its DN.
   *
   * <p>The SCP is {@code CN=server,CN=Autodiscover,CN=Protocols,CN=server,CN=Servers,CN=Exchange
   * Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=First Organization,
   * CN=Microsoft Exchange,CN=Services} in the configuration naming context.
   *
   * @throws IllegalStateException if an SCP for {@code server} was already added
   */
  public String addServiceUrl(
      String server, String url, Instant whenCreated, String... keywords) {
    requireText(server, "server");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(whenCreated, "whenCreated");
    DN serverDn = child(below(servicesDn, EXCHANGE_SERVERS), server);
    DN parent = child(child(serverDn, "Protocols"), "Autodiscover");
    return add("an Autodiscover URL SCP for server " + server, parent, server, List.of(url),
        withKeyword(URL_KEYWORD, keywords), whenCreated);
  }

  /**
   * Adds a pointer SCP: serviceBindingInformation = ldapUrl (e.g. "LDAP://dc1.other.test"),
   * keywords = POINTER_KEYWORD plus {@code keywords} (e.g. "Domain=contoso.test"); returns its
   * DN.
   *
   * <p>The SCP is {@code CN=name,CN=Microsoft Exchange Autodiscover,CN=Services} in the
   * configuration naming context.
   *
   * @throws IllegalStateException if an SCP named {@code name} is already there
   */
  public String addPointer(String name, String ldapUrl, Instant whenCreated, String... keywords) {
    requireText(name, "name");
    Objects.requireNonNull(ldapUrl, "ldapUrl");
    Objects.requireNonNull(whenCreated, "whenCreated");
    return add("a pointer SCP named " + name, below(servicesDn, AUTODISCOVER_CONTAINER), name,
        List.of(ldapUrl), withKeyword(POINTER_KEYWORD, keywords), whenCreated);
  }

  /**
   * Adds a serviceConnectionPoint with exactly these values (no keyword added; whenCreated may be
   * null = absent); returns its DN.
   *
   * <p>The SCP is {@code CN=cn,CN=Microsoft Exchange Autodiscover,CN=Services} in the
   * configuration naming context; an empty list leaves its attribute out.
   *
   * @throws IllegalStateException if an SCP named {@code cn} is already there
   * @throws IllegalArgumentException if an attribute holds a value twice, ignoring case (which
   *     AD refuses, and UnboundID's in-memory server would silently keep)
   */
  public String addServiceConnectionPoint(String cn, List<String> serviceBindingInformation,
      List<String> keywords, Instant whenCreated) {
    requireText(cn, "cn");
    return add("an SCP named " + cn, below(servicesDn, AUTODISCOVER_CONTAINER), cn,
        distinct("serviceBindingInformation", serviceBindingInformation),
        distinct("keywords", keywords), whenCreated);
  }

  /** Every bind and search the server received, in order. */
  public List<ReceivedLdapRequest> requests() {
    return List.copyOf(requests);
  }

  /** Stops the server; calling it again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.shutDown(true);
    }
  }

  @Override
  public String toString() {
    return "FixtureDirectory[" + domain + " at " + url() + "]";
  }

  private synchronized String add(String what, DN parent, String cn,
      List<String> serviceBindingInformation, List<String> keywords, Instant whenCreated) {
    if (closed.get()) {
      throw new IllegalStateException("the directory is closed");
    }
    DN dn = child(parent, cn);
    if (entries.contains(dn)) {
      throw new IllegalStateException(what + " already exists: " + dn);
    }
    createContainers(parent);
    List<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("objectClass", SCP_CLASSES));
    attributes.add(new Attribute("cn", cn));
    if (!serviceBindingInformation.isEmpty()) {
      attributes.add(new Attribute("serviceBindingInformation", serviceBindingInformation));
    }
    if (!keywords.isEmpty()) {
      attributes.add(new Attribute("keywords", keywords));
    }
    if (whenCreated != null) {
      attributes.add(new Attribute("whenCreated", GENERALIZED_TIME.format(whenCreated)));
    }
    addEntry(new Entry(dn, attributes));
    log.debug("added {}: {}", what, dn);
    return dn.toString();
  }

  /** Adds {@code dn} and every missing container above it, down from the domain. */
  private void createContainers(DN dn) {
    if (entries.contains(dn)) {
      return;
    }
    createContainers(dn.getParent());
    addEntry(new Entry(dn,
        new Attribute("objectClass", "top", "container"),
        new Attribute("cn", dn.getRDN().getAttributeValues()[0])));
  }

  private void addEntry(Entry entry) {
    try {
      server.add(entry);
      entries.add(entry.getParsedDN());
    } catch (LDAPException e) {
      throw new IllegalArgumentException("the directory refused " + entry.getDN() + ": "
          + e.getResultCode() + " " + e.getDiagnosticMessage(), e);
    }
  }

  private static List<String> withKeyword(String keyword, String... keywords) {
    Objects.requireNonNull(keywords, "keywords");
    Map<String, String> unique = new LinkedHashMap<>(); // AD compares keywords ignoring case
    unique.put(keyword.toLowerCase(Locale.ROOT), keyword);
    for (String value : keywords) {
      requireText(value, "keywords");
      unique.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
    }
    return List.copyOf(unique.values());
  }

  /** {@code values}, checked to hold no value twice as AD compares them (ignoring case). */
  private static List<String> distinct(String attribute, List<String> values) {
    List<String> copy = List.copyOf(values);
    Set<String> seen = new HashSet<>();
    for (String value : copy) {
      if (!seen.add(value.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            attribute + " holds \"" + value + "\" twice (ignoring case): " + copy);
      }
    }
    return copy;
  }

  /** {@code CN=cn,parent}, with {@code cn} escaped as a DN needs. */
  private static DN child(DN parent, String cn) {
    return new DN(new RDN("CN", cn), parent);
  }

  /** {@code path,parent}, for one of the constant paths above. */
  private static DN below(DN parent, String path) {
    try {
      return new DN(path + "," + parent);
    } catch (LDAPException e) {
      throw new IllegalStateException("not a DN: " + path, e);
    }
  }

  private static void requireText(String value, String parameter) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(parameter + " must not be null or blank");
    }
  }

  /**
   * Describes a {@link FixtureDirectory} before it starts: its accounts, whether it refuses
   * anonymous searches, and whether it speaks LDAPS.
   *
   * <p>Thread safety: not thread-safe; build on one thread.
   */
  public static final class Builder {

    private final String domain;
    private final DN domainDn;
    private final Map<String, String> users = new LinkedHashMap<>();
    private boolean requireBind;
    private HeldCertificate certificate;

    private Builder(String adDomain) {
      this.domain = FixtureNames.normalize(adDomain);
      List<RDN> rdns = new ArrayList<>();
      for (String label : domain.split("\\.", -1)) {
        if (label.isEmpty() || !label.matches("[a-z0-9-]+")) {
          throw new IllegalArgumentException("not an Active Directory domain name: " + adDomain);
        }
        rdns.add(new RDN("DC", label));
      }
      this.domainDn = new DN(rdns);
    }

    /**
     * Adds an account that may bind with a simple bind (DN + password).
     *
     * @throws IllegalArgumentException if {@code bindDn} is not a DN or {@code password} is
     *     empty
     */
    public Builder user(String bindDn, String password) {
      Objects.requireNonNull(bindDn, "bindDn");
      try {
        if (new DN(bindDn).isNullDN()) {
          throw new IllegalArgumentException("bindDn must not be empty");
        }
      } catch (LDAPException e) {
        throw new IllegalArgumentException("bindDn is not a DN: " + bindDn, e);
      }
      if (password == null || password.isEmpty()) {
        // an empty password makes an unauthenticated bind (RFC 4513, 5.1.2)
        throw new IllegalArgumentException("password must not be null or empty");
      }
      users.put(bindDn, password);
      return this;
    }

    /**
     * Refuses searches from anonymous clients, as Active Directory does; the RootDSE stays
     * readable anonymously.
     *
     * <p>Such a search gets operationsError (1) with AD's message ("... a successful bind must
     * be completed on the connection ..."); a successful simple bind of a
     * {@link #user(String, String) user} lifts the refusal for the rest of the connection, or
     * until it binds anonymously.
     */
    public Builder requireBind() {
      this.requireBind = true;
      return this;
    }

    /**
     * Serves LDAPS (TLS from the first byte) with this certificate instead of plain LDAP.
     *
     * <p>Clients connect to 127.0.0.1, so a client that checks the name (as JNDI does) needs the
     * certificate to name {@code "127.0.0.1"}.
     */
    public Builder ldaps(HeldCertificate certificate) {
      this.certificate = Objects.requireNonNull(certificate, "certificate");
      return this;
    }

    /**
     * Starts the server on 127.0.0.1 with a port chosen by the system.
     *
     * @throws IllegalStateException if the server could not be configured or started
     */
    public FixtureDirectory start() {
      DN configurationDn = child(domainDn, "Configuration");
      List<ReceivedLdapRequest> requests = new CopyOnWriteArrayList<>();
      InMemoryDirectoryServer server;
      try {
        InMemoryDirectoryServerConfig config =
            new InMemoryDirectoryServerConfig(domainDn);
        config.setSchema(ActiveDirectorySchema.schema());
        config.setListenerConfigs(listener());
        for (Map.Entry<String, String> user : users.entrySet()) {
          config.addAdditionalBindCredentials(user.getKey(), user.getValue());
        }
        // Added to the RootDSE UnboundID generates (vendorName, supportedLDAPVersion, ...);
        // a custom attribute replaces a generated one of the same name, as namingContexts does.
        config.setCustomRootDSEAttributes(List.of(
            new Attribute("configurationNamingContext", configurationDn.toString()),
            new Attribute("defaultNamingContext", domainDn.toString()),
            new Attribute("rootDomainNamingContext", domainDn.toString()),
            new Attribute("namingContexts", domainDn.toString(), configurationDn.toString())));
        config.addInMemoryOperationInterceptor(new ActiveDirectoryInterceptor(requests, requireBind));
        server = new InMemoryDirectoryServer(config);
      } catch (LDAPException e) {
        throw new IllegalStateException("could not configure the directory for " + domain, e);
      }
      FixtureDirectory directory;
      try {
        server.startListening();
        directory = new FixtureDirectory(this, server, requests);
        directory.addDomainEntries();
      } catch (LDAPException | RuntimeException e) {
        server.shutDown(true);
        throw new IllegalStateException("could not start the directory for " + domain, e);
      }
      log.debug("started {}", directory);
      return directory;
    }

    private InMemoryListenerConfig listener() throws LDAPException {
      if (certificate == null) {
        return InMemoryListenerConfig.createLDAPConfig("ldap", Loopback.IPV4, 0, null);
      }
      HandshakeCertificates serverCertificates =
          new HandshakeCertificates.Builder().heldCertificate(certificate).build();
      SSLServerSocketFactory sockets = serverCertificates.sslContext().getServerSocketFactory();
      return InMemoryListenerConfig.createLDAPSConfig("ldaps", Loopback.IPV4, 0, sockets, null);
    }
  }

  /** Adds the domain's root and the configuration containers every client reads first. */
  private synchronized void addDomainEntries() {
    addEntry(new Entry(domainDn,
        new Attribute("objectClass", "top", "domain"),
        new Attribute("dc", domainDn.getRDN().getAttributeValues()[0])));
    createContainers(servicesDn);
  }
}

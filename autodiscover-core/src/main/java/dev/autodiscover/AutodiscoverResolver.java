package dev.autodiscover;

import dev.autodiscover.event.AutodiscoverListener;
import dev.autodiscover.internal.DaemonExecutor;
import dev.autodiscover.internal.GuardedListener;
import dev.autodiscover.internal.HostLimits;
import dev.autodiscover.internal.LastKnownGood;
import dev.autodiscover.internal.Resolution;
import dev.autodiscover.internal.ResolverConfig;
import dev.autodiscover.internal.dialect.DialectChoice;
import dev.autodiscover.internal.json.JsonRequest;
import dev.autodiscover.internal.soap.SoapRequest;
import dev.autodiscover.internal.directory.JndiDirectoryClient;
import dev.autodiscover.internal.http.Transport;
import dev.autodiscover.spi.CredentialsProvider;
import dev.autodiscover.spi.DirectoryClient;
import dev.autodiscover.spi.DiscoveryStrategy;
import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.spi.EndpointCache;
import dev.autodiscover.tls.CertificateInspector;
import dev.autodiscover.tls.CertificateNameValidator;
import dev.autodiscover.tls.ExtendedTrust;
import dev.autodiscover.tls.PinStore;
import dev.autodiscover.tls.TrustConfiguration;
import dev.autodiscover.tls.UntrustedCertificateHandler;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;

/**
 * Finds a mailbox's Exchange Autodiscover endpoint the way Outlook does, and tells what it did at
 * each step.
 *
 * <p>The strategies run in the order of {@link Builder#strategies(List)}; by default Outlook's:
 * {@code SCP} (Active Directory serviceConnectionPoint objects, when the resolver has an {@link
 * ActiveDirectory}), {@code A_RECORD} ({@code https://<domain>}), {@code PREFIXED_HOST}
 * ({@code https://autodiscover.<domain>}), {@code HTTP_REDIRECT} (the plain-HTTP redirect) and
 * {@code SRV} ({@code _autodiscover._tcp.<domain>}); the {@code OFFICE365} step joins them when
 * {@code autodiscover.<domain>} is an alias of Microsoft's service. Each candidate is asked in the
 * resolver's {@link Dialect} (POX by default); the first in that order to answer with settings wins. By default the candidates are
 * {@linkplain Probing staggered}: one that does not answer within a fraction of a second no longer
 * holds up the next, yet the order of precedence is kept. Redirects are followed under the rules of the
 * protocol (https only, never a URL twice, at most 10 in all, consent for insecure sources and
 * other domains), certificates that fail validation are put to the host application, and every
 * attempt is kept in the result whether it succeeds or not.
 *
 * <p>A resolver is immutable and thread-safe: build one and share it. {@link #newBuilder()} makes
 * a variant.
 *
 * <pre>{@code
 * AutodiscoverResolver resolver = AutodiscoverResolver.builder()
 *     .timeout(Duration.ofSeconds(30))
 *     .build();
 * AutodiscoverResult result = resolver.resolve("alice@contoso.com");
 * if (result.resolved()) {
 *   System.out.println(result.settings().flatMap(AutodiscoverSettings::ewsUrl).orElse("no EWS URL"));
 * } else {
 *   System.out.println(result.describe());
 * }
 * }</pre>
 */
public final class AutodiscoverResolver {
  /** Resolvers built without an HTTP client of their own share this one's pool and dispatcher. */
  private static final class DefaultHttpClient {
    static final OkHttpClient INSTANCE = new OkHttpClient();
  }

  private final Builder settings;
  private final ResolverConfig config;
  private final Executor executor;

  private AutodiscoverResolver(Builder builder) {
    this.settings = new Builder(builder);
    DnsClient dns = builder.dnsClient != null ? builder.dnsClient : DnsClient.system();
    TrustConfiguration trust = builder.trust.plus(builder.extraCertificates);
    CertificateInspector inspector =
        new CertificateInspector(trust, CertificateNameValidator.strict(), builder.clock);
    Transport transport = new Transport(
        builder.httpClient != null ? builder.httpClient : DefaultHttpClient.INSTANCE,
        dns,
        builder.socketFactory,
        inspector,
        ExtendedTrust.pins(builder.pinStore),
        builder.connectTimeout,
        builder.requestTimeout);
    DirectoryClient directory = builder.directoryClient != null
        ? builder.directoryClient
        : new JndiDirectoryClient(dns,
            builder.socketFactory != null ? builder.socketFactory : SocketFactory.getDefault(),
            transport::sslSocketFactory,
            builder.connectTimeout);
    this.config = new ResolverConfig(
        List.copyOf(builder.strategies),
        new DialectChoice(builder.dialect, builder.jsonProtocol, builder.soapSettings),
        dns,
        Optional.ofNullable(builder.activeDirectory),
        directory,
        transport,
        builder.redirectConsent,
        builder.certificateHandler,
        builder.pinStore,
        builder.credentials,
        builder.listener == AutodiscoverListener.NONE ? builder.listener : new GuardedListener(builder.listener),
        builder.probing,
        new LastKnownGood(builder.endpointCache, builder.clock, builder.dialect),
        HostLimits.NONE,
        builder.timeout,
        builder.requestTimeout,
        builder.userAgent,
        builder.clock);
    this.executor = builder.executor != null ? builder.executor : DaemonExecutor.INSTANCE;
  }

  /** Returns a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this resolver's settings, for a variant. */
  public Builder newBuilder() {
    return new Builder(settings);
  }

  /**
   * Resolves {@code email}, blocking until the resolution ends. Never throws for a failed
   * resolution: the result says what happened, and {@link AutodiscoverResult#endpointOrThrow()}
   * turns a failure into an {@link AutodiscoverException}. An address that is not valid gives a
   * result with the error {@link ErrorCode#INVALID_EMAIL}.
   *
   * @throws NullPointerException when {@code email} is null
   */
  public AutodiscoverResult resolve(String email) {
    Objects.requireNonNull(email, "email");
    return new Resolution(config, email).run();
  }

  /** Resolves {@code email} on the resolver's executor. */
  public CompletableFuture<AutodiscoverResult> resolveAsync(String email) {
    Objects.requireNonNull(email, "email");
    return CompletableFuture.supplyAsync(() -> resolve(email), executor);
  }

  /**
   * Starts resolving {@code addresses}, {@link BulkOptions#concurrency()} at a time, on threads of
   * the run's own; the returned {@link BulkResolution} hands out the results as they complete and
   * must be closed. Addresses of one domain share its discovery: while one resolution discovers
   * the domain, the others wait, then go straight to the endpoint it found (unless the endpoint
   * cache is {@link dev.autodiscover.spi.EndpointCache#NONE}).
   *
   * <pre>{@code
   * try (BulkResolution bulk = resolver.resolveAll(addresses, BulkOptions.defaults())) {
   *   bulk.forEach(result -> System.out.println(result.email() + ": " + result.resolved()));
   * }
   * }</pre>
   */
  public BulkResolution resolveAll(Iterable<String> addresses, BulkOptions options) {
    Objects.requireNonNull(addresses, "addresses");
    Objects.requireNonNull(options, "options");
    return new BulkResolution(config, addresses, options);
  }

  /** Returns the strategies, in the order they run. */
  public List<DiscoveryStrategy> strategies() {
    return config.strategies();
  }

  /**
   * Configures an {@link AutodiscoverResolver}. Every setter rejects bad input at once, naming the
   * parameter. Not thread-safe.
   */
  public static final class Builder {
    private List<DiscoveryStrategy> strategies = Strategies.defaults();
    private Dialect dialect = Dialect.POX;
    private String jsonProtocol = "Ews";
    private List<String> soapSettings = List.of();
    private DnsClient dnsClient;
    private ActiveDirectory activeDirectory;
    private DirectoryClient directoryClient;
    private OkHttpClient httpClient;
    private SocketFactory socketFactory;
    private TrustConfiguration trust = TrustConfiguration.jdkDefaults();
    private List<X509Certificate> extraCertificates = List.of();
    private UntrustedCertificateHandler certificateHandler = UntrustedCertificateHandler.SKIP;
    private PinStore pinStore = PinStore.inMemory();
    private RedirectConsent redirectConsent = RedirectConsent.SAME_DOMAIN;
    private CredentialsProvider credentials = CredentialsProvider.NONE;
    private AutodiscoverListener listener = AutodiscoverListener.NONE;
    private Probing probing = Probing.staggered();
    private EndpointCache endpointCache = EndpointCache.inMemory();
    private Duration timeout = Duration.ofSeconds(120);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private String userAgent = "autodiscover/" + Version.VERSION;
    private Executor executor;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    private Builder(Builder other) {
      this.strategies = other.strategies;
      this.dialect = other.dialect;
      this.jsonProtocol = other.jsonProtocol;
      this.soapSettings = other.soapSettings;
      this.dnsClient = other.dnsClient;
      this.activeDirectory = other.activeDirectory;
      this.directoryClient = other.directoryClient;
      this.httpClient = other.httpClient;
      this.socketFactory = other.socketFactory;
      this.trust = other.trust;
      this.extraCertificates = other.extraCertificates;
      this.certificateHandler = other.certificateHandler;
      this.pinStore = other.pinStore;
      this.redirectConsent = other.redirectConsent;
      this.credentials = other.credentials;
      this.listener = other.listener;
      this.probing = other.probing;
      this.endpointCache = other.endpointCache;
      this.timeout = other.timeout;
      this.requestTimeout = other.requestTimeout;
      this.connectTimeout = other.connectTimeout;
      this.userAgent = other.userAgent;
      this.executor = other.executor;
      this.clock = other.clock;
    }

    /**
     * Sets the strategies and their order. The default is {@link Strategies#defaults()}.
     *
     * @throws IllegalArgumentException when the list is empty or names a method twice
     */
    public Builder strategies(List<? extends DiscoveryStrategy> strategies) {
      Objects.requireNonNull(strategies, "strategies");
      List<DiscoveryStrategy> copy = new ArrayList<>();
      for (DiscoveryStrategy strategy : strategies) {
        Objects.requireNonNull(strategy, "strategies must not contain null");
        if (copy.stream().anyMatch(s -> s.method().equals(strategy.method()))) {
          throw new IllegalArgumentException("strategies name the method " + strategy.method() + " twice");
        }
        copy.add(strategy);
      }
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("strategies must hold at least one strategy");
      }
      this.strategies = List.copyOf(copy);
      return this;
    }

    /** Sets the strategies and their order. */
    public Builder strategies(DiscoveryStrategy... strategies) {
      return strategies(List.of(Objects.requireNonNull(strategies, "strategies")));
    }

    /** Appends a strategy after the current ones. */
    public Builder addStrategy(DiscoveryStrategy strategy) {
      Objects.requireNonNull(strategy, "strategy");
      List<DiscoveryStrategy> more = new ArrayList<>(strategies);
      more.add(strategy);
      return strategies(more);
    }

    /**
     * Sets the dialect every candidate is asked in. The default is {@link Dialect#POX}. The
     * discovery steps, their order, and the rules for redirects, consent, certificates and
     * credentials are the same in every dialect; {@link Endpoint#dialect()} and
     * {@link Attempt#dialect()} say which dialect answered and which each attempt spoke.
     *
     * <pre>{@code
     * AutodiscoverResolver soap = AutodiscoverResolver.builder()
     *     .dialect(Dialect.SOAP)
     *     .soapSettings(List.of("UserDisplayName", "ExternalEwsUrl"))
     *     .build();
     * }</pre>
     */
    public Builder dialect(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * Sets the {@code Protocol} asked of Autodiscover v2 ({@link Dialect#JSON}): {@code Ews} (the
     * default), {@code ActiveSync}, {@code Rest}, or {@code AutodiscoverV1}, whose answer names
     * the URL the resolution then asks in {@link Dialect#POX}.
     *
     * @throws IllegalArgumentException when the name is blank, longer than 64 characters, or holds
     *     anything but ASCII letters and digits
     */
    public Builder jsonProtocol(String protocol) {
      Objects.requireNonNull(protocol, "jsonProtocol");
      this.jsonProtocol = JsonRequest.protocolName(protocol);
      return this;
    }

    /**
     * Sets the settings a {@link Dialect#SOAP} {@code GetUserSettings} request asks for, by their
     * [MS-OXWSADISC] names ({@code UserDisplayName}, {@code ExternalEwsUrl}, {@code InternalMailboxServer}...).
     * The default asks for the user's display name, legacy DN, deployment id and SMTP address, the
     * internal and external mailbox servers and EWS URLs, the EWS schemas, the server version and the
     * mobile mailbox policy.
     *
     * @throws IllegalArgumentException when the list is empty, or a name is blank, longer than 64
     *     characters, or holds anything but ASCII letters and digits
     */
    public Builder soapSettings(List<String> settings) {
      Objects.requireNonNull(settings, "soapSettings");
      if (settings.isEmpty()) {
        throw new IllegalArgumentException("soapSettings must name at least one setting");
      }
      List<String> names = new ArrayList<>();
      for (String setting : settings) {
        try {
          names.add(SoapRequest.settingName(setting));
        } catch (IllegalArgumentException | NullPointerException e) {
          throw new IllegalArgumentException("soapSettings: " + e.getMessage(), e);
        }
      }
      this.soapSettings = names.stream().distinct().toList();
      return this;
    }

    /** Sets the DNS client every lookup goes through. The default is {@link DnsClient#system()}. */
    public Builder dnsClient(DnsClient dnsClient) {
      this.dnsClient = Objects.requireNonNull(dnsClient, "dnsClient");
      return this;
    }

    /**
     * Sets the Active Directory the SCP step searches. Without one, the SCP step is skipped and
     * the attempts say so.
     */
    public Builder activeDirectory(ActiveDirectory activeDirectory) {
      this.activeDirectory = Objects.requireNonNull(activeDirectory, "activeDirectory");
      return this;
    }

    /**
     * Sets the client the SCP step reads the directory with. The default uses the JDK's LDAP client
     * (JNDI) with this resolver's DNS client, socket factory, trust anchors and pin store, and its
     * connect timeout; each search is bounded by the request timeout.
     */
    public Builder directoryClient(DirectoryClient directoryClient) {
      this.directoryClient = Objects.requireNonNull(directoryClient, "directoryClient");
      return this;
    }

    /**
     * Sets the HTTP client to start from (for its proxy, connection pool, dispatcher and
     * interceptors). The resolver replaces its DNS, redirect, authentication, cookie, timeout and
     * TLS settings with its own.
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sets the factory for the TCP sockets of every connection. Tests use it to route
     * {@code https://<host>:443} to fixture servers on loopback ports (see the testkit).
     */
    public Builder socketFactory(SocketFactory socketFactory) {
      this.socketFactory = Objects.requireNonNull(socketFactory, "socketFactory");
      return this;
    }

    /** Sets the trust anchors. The default is the JDK's. */
    public Builder trust(TrustConfiguration trust) {
      this.trust = Objects.requireNonNull(trust, "trust");
      return this;
    }

    /**
     * Adds CA certificates, or individual server certificates, to the trust anchors.
     */
    public Builder trustCertificates(Collection<X509Certificate> certificates) {
      Objects.requireNonNull(certificates, "certificates");
      List<X509Certificate> more = new ArrayList<>(extraCertificates);
      for (X509Certificate certificate : certificates) {
        more.add(Objects.requireNonNull(certificate, "certificates must not contain null"));
      }
      this.extraCertificates = List.copyOf(more);
      return this;
    }

    /**
     * Sets who decides about a certificate that failed validation. The default,
     * {@link UntrustedCertificateHandler#SKIP}, refuses it and goes on with the next candidate.
     */
    public Builder untrustedCertificateHandler(UntrustedCertificateHandler handler) {
      this.certificateHandler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** Sets where "trust always" decisions are remembered. The default is a new in-memory store. */
    public Builder pinStore(PinStore pinStore) {
      this.pinStore = Objects.requireNonNull(pinStore, "pinStore");
      return this;
    }

    /**
     * Sets who decides about redirects that need consent. The default,
     * {@link RedirectConsent#SAME_DOMAIN}, allows targets inside the email's registrable domain.
     */
    public Builder redirectConsent(RedirectConsent consent) {
      this.redirectConsent = Objects.requireNonNull(consent, "consent");
      return this;
    }

    /** Sets who answers 401 challenges. The default supplies no credentials. */
    public Builder credentials(CredentialsProvider credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** Sets the listener told of every step. */
    public Builder listener(AutodiscoverListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets how the candidates are worked through. The default, {@link Probing#staggered()}, starts
     * the next candidate when one has not completed its TLS handshake within 250 ms, so that a host
     * that never answers costs a fraction of a second; {@link Probing#sequential()} waits for each candidate to fail,
     * as Outlook does. Both find the same endpoint when every candidate answers promptly.
     */
    public Builder probing(Probing probing) {
      this.probing = Objects.requireNonNull(probing, "probing");
      return this;
    }

    /**
     * Sets where the last known good endpoint of each email domain is remembered. The default is a
     * new {@link EndpointCache#inMemory()} cache, shared by the resolvers built from this builder;
     * {@link EndpointCache#NONE} turns remembering off.
     *
     * <p>An endpoint that answered is remembered for its settings' TTL, or an hour when they name
     * none; a domain where every candidate failed for reasons that say nothing about the address
     * (no 401, no Autodiscover error, no refused certificate or redirect) is remembered for five
     * minutes. Both lose up to a tenth at random, so that entries learned together do not expire
     * together. A remembered endpoint is tried first, before every step, under the same consent
     * rules as when it was found, and full discovery follows when it fails; a remembered failure
     * ends the resolution at once with {@link ErrorCode#NO_ENDPOINT} and a {@code CACHE} attempt
     * saying when the domain will be tried again. While one resolution discovers a domain, others of
     * the same domain wait for it and use what it found.
     *
     * <p>Resolvers of different {@linkplain #dialect(Dialect) dialects} may share a cache. A
     * remembered endpoint is asked first in the dialect it answered in when the resolution can end
     * there (its own dialect, or POX for Autodiscover v2 asked for {@code AutodiscoverV1}), else
     * at the path of the resolver's own dialect on its host. A remembered failure holds only for
     * the dialect that met it, since a domain that answers no POX request may answer another
     * dialect; a resolver of another dialect discovers the domain for itself.
     */
    public Builder endpointCache(EndpointCache endpointCache) {
      this.endpointCache = Objects.requireNonNull(endpointCache, "endpointCache");
      return this;
    }

    /**
     * Sets the time limit of a whole resolution, redirects included. The default is 120 seconds.
     * Time the host application spends deciding (redirect consent, certificate decisions,
     * credentials) is not counted, so a person may take their time over a prompt.
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** Sets the time limit of one HTTP exchange. The default is 30 seconds. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /** Sets the time limit for opening one TCP connection. The default is 10 seconds. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** Sets the User-Agent header. */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent");
      if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
        throw new IllegalArgumentException("userAgent must be non-blank printable ASCII: " + userAgent);
      }
      this.userAgent = userAgent;
      return this;
    }

    /** Sets the executor {@link #resolveAsync} runs on. The default is a shared pool of daemon threads. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Sets the clock for deadlines and certificate validity. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the resolver. */
    public AutodiscoverResolver build() {
      return new AutodiscoverResolver(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}

package dev.autodiscover.examples.cli;

import dev.autodiscover.ActiveDirectory;
import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.Credentials;
import dev.autodiscover.DirectoryBind;
import dev.autodiscover.Probing;
import dev.autodiscover.RedirectConsent;
import dev.autodiscover.Strategies;
import dev.autodiscover.spi.CredentialsProvider;
import dev.autodiscover.spi.DiscoveryStrategy;
import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.spi.DnssecTrustAnchors;
import dev.autodiscover.testkit.RoutingSocketFactory;
import dev.autodiscover.tls.TrustConfiguration;
import dev.autodiscover.tls.TrustDecision;
import dev.autodiscover.tls.UntrustedCertificateHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that configure the resolver, shared by the commands that resolve. */
final class ResolverOptions {
  private static final Map<String, DiscoveryStrategy> METHODS = Map.of(
      "scp", Strategies.scp(),
      "a-record", Strategies.aRecord(),
      "prefixed-host", Strategies.prefixedHost(),
      "office365", Strategies.office365WhenAliased(),
      "http-redirect", Strategies.httpRedirect(),
      "srv", Strategies.srv());
  private static final List<String> DEFAULT_METHODS =
      List.of("scp", "a-record", "prefixed-host", "office365", "http-redirect", "srv");

  @Option(names = "--dns-server", paramLabel = "HOST[:PORT]",
      description = "Send every DNS lookup (A, AAAA, SRV, and the SRV of domain controllers) to"
          + " this server. Repeatable.")
  List<String> dnsServers = new ArrayList<>();

  @Option(names = "--dnssec-anchors", paramLabel = "FILE",
      description = "Use only DNS answers that DNSSEC validates, from the DS or DNSKEY trust anchors in"
          + " this file (DNS master-file text, such as unbound-anchor's root.key). The DNS servers"
          + " (--dns-server, or the system's) must return DNSSEC records.")
  Path dnssecAnchors;

  @Option(names = "--trust", paramLabel = "PEMFILE",
      description = "Trust the CA or server certificates in this PEM file, besides the JDK's. Repeatable.")
  List<Path> trustFiles = new ArrayList<>();

  @Option(names = "--untrusted", paramLabel = "skip|abort|accept", defaultValue = "skip",
      description = "What to do with a certificate that fails validation: skip the candidate (default),"
          + " abort the resolution, or accept that one certificate for this run.")
  String untrusted;

  @Option(names = "--redirects", paramLabel = "same-domain|allow|deny", defaultValue = "same-domain",
      description = "Which redirects that need consent to follow: those inside the email's"
          + " registrable domain (default), all, or none.")
  String redirects;

  @Option(names = "--methods", paramLabel = "LIST", split = ",",
      description = "The discovery methods to run, in this order."
          + " Default: scp,a-record,prefixed-host,office365,http-redirect,srv (scp runs only with"
          + " --scp-ldap or --ad-domain; office365 only when autodiscover.DOMAIN is a CNAME to"
          + " Microsoft's service, unless --office365 is given).")
  List<String> methods; // null unless --methods is given

  @Option(names = "--office365",
      description = "Office 365 direct connect: ask outlook.office365.com for every address, right"
          + " after scp (or where --methods puts office365).")
  boolean office365;

  @Mixin
  DialectOptions dialect = new DialectOptions();

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "Time limit for each address, redirects included. Default: ${DEFAULT-VALUE}.")
  double timeoutSeconds;

  @Option(names = "--probing", paramLabel = "staggered|sequential", defaultValue = "staggered",
      description = "How to work through the candidates: start the next one when one has not"
          + " connected within 250 ms (staggered, the default), or wait for each to fail (sequential).")
  String probing;

  @Option(names = "--user", paramLabel = "NAME",
      description = "Answer 401 challenges with Basic credentials for this user.")
  String user;

  @ArgGroup(exclusive = true)
  PasswordSource password;

  @ArgGroup(exclusive = true)
  DirectorySource directory;

  @Option(names = "--scp-bind-dn", paramLabel = "DN",
      description = "Bind to the directory as this DN (or user@domain) instead of anonymously;"
          + " needs --scp-password-env.")
  String scpBindDn;

  @Option(names = "--scp-password-env", paramLabel = "VAR",
      description = "Read the directory bind password from this environment variable.")
  String scpPasswordEnvironmentVariable;

  @Option(names = "--site", paramLabel = "NAME",
      description = "The client's Active Directory site: SCP objects of this site are tried first,"
          + " and with --ad-domain its domain controllers are looked up first.")
  String site;

  @Option(names = "--scp-ldaps",
      description = "With --ad-domain, reach the domain controllers over LDAPS on port 636.")
  boolean scpLdaps;

  @Option(names = "--route", paramLabel = "ADDRESS:PORT=ADDRESS:PORT",
      description = "Testing aid: open connections to the first loopback address and port at the"
          + " second instead (for fixture servers on random ports). Repeatable.")
  List<String> routes = new ArrayList<>();

  static final class DirectorySource {
    @Option(names = "--scp-ldap", paramLabel = "URL", required = true,
        description = "Search this LDAP server for SCP objects: ldap://HOST[:PORT] or ldaps://HOST[:PORT].")
    String url;

    @Option(names = "--ad-domain", paramLabel = "DOMAIN", required = true,
        description = "Search this Active Directory domain, finding its domain controllers through"
            + " DNS (_ldap._tcp.dc._msdcs.DOMAIN).")
    String domain;
  }

  static final class PasswordSource {
    @Option(names = "--password-env", paramLabel = "VAR", required = true,
        description = "Read the password from this environment variable.")
    String environmentVariable;

    @Option(names = "--password-file", paramLabel = "FILE", required = true,
        description = "Read the password from the first line of this file.")
    Path file;
  }

  /** Builds the resolver these options describe, or throws {@link BadInputException}. */
  AutodiscoverResolver.Builder resolverBuilder(Function<String, String> environment) {
    AutodiscoverResolver.Builder builder = AutodiscoverResolver.builder()
        .strategies(strategies())
        .redirectConsent(redirectConsent())
        .untrustedCertificateHandler(certificateHandler());
    if (!(timeoutSeconds > 0) || timeoutSeconds > 86_400) {
      throw new BadInputException("--timeout must be between 0 and 86400 seconds: " + timeoutSeconds);
    }
    builder.timeout(Duration.ofMillis((long) (timeoutSeconds * 1000)));
    builder.probing(switch (probing.toLowerCase(Locale.ROOT)) {
      case "staggered" -> Probing.staggered();
      case "sequential" -> Probing.sequential();
      default -> throw new BadInputException("--probing must be staggered or sequential: " + probing);
    });
    dnsClient().ifPresent(builder::dnsClient);
    builder.trust(trust());
    credentials(environment).ifPresent(builder::credentials);
    activeDirectory(environment).ifPresent(builder::activeDirectory);
    dialect.applyTo(builder);
    if (!routes.isEmpty()) {
      builder.socketFactory(routingSocketFactory());
    }
    return builder;
  }

  /**
   * Returns the DNS client that {@code --dns-server} and {@code --dnssec-anchors} describe, or empty
   * for the resolver's default. Throws {@link BadInputException} for a server that is not an IP
   * address, and for an anchor file that cannot be read or holds no usable anchor.
   */
  private Optional<DnsClient> dnsClient() {
    List<InetSocketAddress> servers = new ArrayList<>();
    for (String server : dnsServers) {
      try {
        servers.add(DnsClient.parseServer(server));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--dns-server: " + e.getMessage(), e);
      }
    }
    if (dnssecAnchors == null) {
      return servers.isEmpty() ? Optional.empty() : Optional.of(DnsClient.usingServers(servers));
    }
    DnssecTrustAnchors anchors;
    try {
      anchors = DnssecTrustAnchors.read(dnssecAnchors);
    } catch (NoSuchFileException e) {
      throw new BadInputException("--dnssec-anchors: no such file: " + dnssecAnchors, e);
    } catch (IOException e) {
      throw new BadInputException("--dnssec-anchors: cannot read " + dnssecAnchors + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--dnssec-anchors: " + e.getMessage(), e);
    }
    return Optional.of(servers.isEmpty()
        ? DnsClient.systemRequiringDnssec(anchors)
        : DnsClient.requiringDnssec(anchors, servers));
  }

  /**
   * Returns the trust anchors these options give the resolver: the JDK's, plus the certificates of
   * every {@code --trust} file. Throws {@link BadInputException} for a file that cannot be read.
   */
  TrustConfiguration trust() {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Path file : trustFiles) {
      try {
        certificates.addAll(TrustConfiguration.readPem(file));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--trust: " + e.getMessage(), e);
      }
    }
    return TrustConfiguration.jdkDefaults().plus(certificates);
  }

  private List<DiscoveryStrategy> strategies() {
    Set<String> names = new LinkedHashSet<>();
    List<DiscoveryStrategy> strategies = new ArrayList<>();
    // With --office365 and no --methods, office365 leaves its default place for the one below.
    List<String> order = methods != null ? methods
        : office365 ? DEFAULT_METHODS.stream().filter(name -> !name.equals("office365")).toList()
        : DEFAULT_METHODS;
    for (String raw : order) {
      String name = raw.trim().toLowerCase(Locale.ROOT);
      DiscoveryStrategy strategy = METHODS.get(name);
      if (strategy == null) {
        throw new BadInputException("--methods: unknown method '" + raw + "'; expected some of "
            + String.join(",", DEFAULT_METHODS));
      }
      if (!names.add(name)) {
        throw new BadInputException("--methods: '" + name + "' is named twice");
      }
      strategies.add(name.equals("office365") && office365 ? Strategies.office365() : strategy);
    }
    if (strategies.isEmpty()) {
      throw new BadInputException("--methods: name at least one method");
    }
    if (office365 && !names.contains("office365")) {
      // Right after scp wherever --methods puts it (indexOf is -1 without it: first).
      strategies.add(new ArrayList<>(names).indexOf("scp") + 1, Strategies.office365());
    }
    return strategies;
  }

  private RedirectConsent redirectConsent() {
    return switch (redirects.toLowerCase(Locale.ROOT)) {
      case "same-domain" -> RedirectConsent.SAME_DOMAIN;
      case "allow" -> RedirectConsent.ALLOW_ALL;
      case "deny" -> RedirectConsent.DENY_ALL;
      default -> throw new BadInputException(
          "--redirects: expected same-domain, allow or deny, not '" + redirects + "'");
    };
  }

  private UntrustedCertificateHandler certificateHandler() {
    return switch (untrusted.toLowerCase(Locale.ROOT)) {
      case "skip" -> UntrustedCertificateHandler.SKIP;
      case "abort" -> UntrustedCertificateHandler.ABORT;
      case "accept" -> diagnosis -> TrustDecision.TRUST_ONCE;
      default -> throw new BadInputException(
          "--untrusted: expected skip, abort or accept, not '" + untrusted + "'");
    };
  }

  private Optional<ActiveDirectory> activeDirectory(Function<String, String> environment) {
    if (directory == null) {
      for (String option : new String[] {
          scpBindDn != null ? "--scp-bind-dn" : null,
          scpPasswordEnvironmentVariable != null ? "--scp-password-env" : null,
          site != null ? "--site" : null,
          scpLdaps ? "--scp-ldaps" : null}) {
        if (option != null) {
          throw new BadInputException(option + " needs --scp-ldap URL or --ad-domain DOMAIN");
        }
      }
      return Optional.empty();
    }
    ActiveDirectory activeDirectory;
    if (directory.url != null) {
      if (scpLdaps) {
        throw new BadInputException("--scp-ldaps goes with --ad-domain; with --scp-ldap write ldaps://");
      }
      try {
        activeDirectory = ActiveDirectory.server(new URI(directory.url.strip()));
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new BadInputException("--scp-ldap: " + e.getMessage(), e);
      }
    } else {
      try {
        activeDirectory = ActiveDirectory.domain(directory.domain);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--ad-domain: " + e.getMessage(), e);
      }
      if (scpLdaps) {
        activeDirectory = activeDirectory.withLdaps();
      }
    }
    if (site != null) {
      try {
        activeDirectory = activeDirectory.withSite(site);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--site: " + e.getMessage(), e);
      }
    }
    if (scpBindDn == null && scpPasswordEnvironmentVariable != null) {
      throw new BadInputException("--scp-password-env needs --scp-bind-dn");
    }
    if (scpBindDn != null) {
      if (scpPasswordEnvironmentVariable == null) {
        throw new BadInputException("--scp-bind-dn needs --scp-password-env VAR");
      }
      String secret = environment.apply(scpPasswordEnvironmentVariable);
      if (secret == null || secret.isEmpty()) {
        throw new BadInputException("--scp-password-env: the environment variable "
            + scpPasswordEnvironmentVariable + " is not set or empty");
      }
      try {
        activeDirectory = activeDirectory.withBind(DirectoryBind.simple(scpBindDn, secret.toCharArray()));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--scp-bind-dn: " + e.getMessage(), e);
      }
    }
    return Optional.of(activeDirectory);
  }

  private Optional<CredentialsProvider> credentials(Function<String, String> environment) {
    if (user == null) {
      if (password != null) {
        throw new BadInputException("--password-env and --password-file need --user");
      }
      return Optional.empty();
    }
    if (password == null) {
      throw new BadInputException("--user needs --password-env VAR or --password-file FILE");
    }
    String secret;
    if (password.environmentVariable != null) {
      secret = environment.apply(password.environmentVariable);
      if (secret == null) {
        throw new BadInputException("--password-env: the environment variable "
            + password.environmentVariable + " is not set");
      }
    } else {
      try {
        List<String> lines = Files.readAllLines(password.file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
          throw new BadInputException("--password-file: " + password.file + " is empty");
        }
        secret = lines.get(0);
      } catch (IOException e) {
        throw new BadInputException("--password-file: cannot read " + password.file + ": " + e.getMessage(), e);
      }
    }
    try {
      return Optional.of(CredentialsProvider.always(Credentials.basic(user, secret)));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--user: " + e.getMessage(), e);
    }
  }

  private RoutingSocketFactory routingSocketFactory() {
    RoutingSocketFactory factory = new RoutingSocketFactory();
    for (String route : routes) {
      int equals = route.indexOf('=');
      if (equals < 0) {
        throw new BadInputException("--route: expected ADDRESS:PORT=ADDRESS:PORT, not '" + route + "'");
      }
      InetSocketAddress from = socketAddress(route.substring(0, equals), route);
      InetSocketAddress to = socketAddress(route.substring(equals + 1), route);
      try {
        factory.route(from.getAddress(), from.getPort(), to);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--route: " + e.getMessage(), e);
      }
    }
    return factory;
  }

  private static InetSocketAddress socketAddress(String text, String route) {
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? "" : text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty() || !host.matches("[0-9A-Fa-f:.]+")) {
      throw new BadInputException("--route: '" + text + "' in '" + route + "' is not IP-ADDRESS:PORT");
    }
    try {
      int port = Integer.parseInt(text.substring(colon + 1));
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (NumberFormatException | UnknownHostException e) {
      throw new BadInputException("--route: '" + text + "' in '" + route + "' is not IP-ADDRESS:PORT", e);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--route: '" + text + "' in '" + route + "': " + e.getMessage(), e);
    }
  }
}

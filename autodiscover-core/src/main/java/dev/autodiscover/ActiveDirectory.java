package dev.autodiscover;

import java.net.IDN;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the SCP step finds Active Directory, and how it signs in: either one LDAP server given by
 * its URL, or an Active Directory domain whose domain controllers are found through DNS ({@code
 * _ldap._tcp.dc._msdcs.<domain>}, preceded by {@code _ldap._tcp.<site>._sites.dc._msdcs.<domain>}
 * when a site is known) and tried in RFC 2782 order until one answers. The site is the client's
 * Active Directory site: serviceConnectionPoint objects tagged {@code Site=<site>} are tried first.
 *
 * <p>Immutable and thread-safe; each {@code with} method returns a copy.
 *
 * <pre>{@code
 * AutodiscoverResolver resolver = AutodiscoverResolver.builder()
 *     .activeDirectory(ActiveDirectory.domain("corp.contoso.com")
 *         .withSite("Berlin")
 *         .withBind(DirectoryBind.simple("CN=svc-mail,CN=Users,DC=corp,DC=contoso,DC=com", password)))
 *     .build();
 * }</pre>
 */
public final class ActiveDirectory {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern SITE = Pattern.compile("[A-Za-z0-9_-]{1,63}");

  private final URI server;
  private final String domain;
  private final String site;
  private final DirectoryBind bind;
  private final boolean ldaps;

  private ActiveDirectory(URI server, String domain, String site, DirectoryBind bind, boolean ldaps) {
    this.server = server;
    this.domain = domain;
    this.site = site;
    this.bind = bind;
    this.ldaps = ldaps;
  }

  /**
   * Returns a directory reached at {@code url}: {@code ldap://host[:port]} or {@code
   * ldaps://host[:port]} (ports 389 and 636 by default). The search base is read from the server's
   * RootDSE, so the URL names no DN.
   *
   * @throws IllegalArgumentException naming what is wrong with the URL
   */
  public static ActiveDirectory server(URI url) {
    return new ActiveDirectory(checkServer(url), null, null, DirectoryBind.anonymous(), false);
  }

  /**
   * Returns the Active Directory domain {@code adDomain} (such as {@code corp.contoso.com}), whose
   * domain controllers are found through DNS.
   *
   * @throws IllegalArgumentException when {@code adDomain} is not a DNS domain name
   */
  public static ActiveDirectory domain(String adDomain) {
    return new ActiveDirectory(null, checkDomain(adDomain), null, DirectoryBind.anonymous(), false);
  }

  /**
   * Returns a copy for a client in the Active Directory site {@code site} (such as {@code
   * Default-First-Site-Name}).
   *
   * @throws IllegalArgumentException when {@code site} is not a DNS-compatible site name
   */
  public ActiveDirectory withSite(String site) {
    Objects.requireNonNull(site, "site");
    if (!SITE.matcher(site).matches()) {
      throw new IllegalArgumentException(
          "site must be 1 to 63 letters, digits, hyphens or underscores: '" + site + "'");
    }
    return new ActiveDirectory(server, domain, site, bind, ldaps);
  }

  /** Returns a copy that signs in with {@code bind}. The default is {@link DirectoryBind#anonymous()}. */
  public ActiveDirectory withBind(DirectoryBind bind) {
    return new ActiveDirectory(server, domain, site, Objects.requireNonNull(bind, "bind"), ldaps);
  }

  /**
   * Returns a copy that talks to the domain controllers found through DNS over LDAPS on port 636
   * instead of LDAP on the port of their SRV record. A server given by URL says so by its scheme.
   *
   * @throws IllegalStateException when this directory is a server given by URL
   */
  public ActiveDirectory withLdaps() {
    if (server != null) {
      throw new IllegalStateException("withLdaps() applies to a domain; the URL " + server
          + " chooses LDAP or LDAPS by its scheme");
    }
    return new ActiveDirectory(null, domain, site, bind, true);
  }

  /** Returns the LDAP server's URL, when one was given. */
  public Optional<URI> server() {
    return Optional.ofNullable(server);
  }

  /** Returns the Active Directory domain whose domain controllers are looked up, when one was given. */
  public Optional<String> domain() {
    return Optional.ofNullable(domain);
  }

  /** Returns the client's site, when one was given. */
  public Optional<String> site() {
    return Optional.ofNullable(site);
  }

  /** Returns how the step signs in. */
  public DirectoryBind bind() {
    return bind;
  }

  /** Returns whether domain controllers found through DNS are reached over LDAPS. */
  public boolean ldaps() {
    return ldaps;
  }

  @Override
  public String toString() {
    return (server != null ? server.toString() : "domain " + domain)
        + (ldaps ? " over LDAPS" : "")
        + (site != null ? ", site " + site : "")
        + ", " + bind;
  }

  private static URI checkServer(URI url) {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
      throw new IllegalArgumentException("the directory URL must start with ldap:// or ldaps://: " + url);
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("the directory URL names no host: " + url);
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "the directory URL must not carry user information; use withBind(...): " + scheme + "://"
              + url.getHost());
    }
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    if (!path.isEmpty() && !path.equals("/") || url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException("the directory URL must name a server only (the search base "
          + "comes from its RootDSE): " + url);
    }
    int port = url.getPort();
    return URI.create(scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port));
  }

  private static String checkDomain(String adDomain) {
    Objects.requireNonNull(adDomain, "adDomain");
    String ascii;
    try {
      ascii = IDN.toASCII(adDomain.strip(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("adDomain is not a DNS domain name: '" + adDomain + "'", e);
    }
    if (ascii.endsWith(".")) {
      ascii = ascii.substring(0, ascii.length() - 1);
    }
    if (ascii.isEmpty() || ascii.length() > 253) {
      throw new IllegalArgumentException("adDomain is not a DNS domain name: '" + adDomain + "'");
    }
    for (String label : ascii.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        throw new IllegalArgumentException("adDomain is not a DNS domain name: '" + adDomain + "'");
      }
    }
    return ascii;
  }
}

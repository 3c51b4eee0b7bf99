package dev.autodiscover.internal.strategy;

import dev.autodiscover.spi.DirectoryClient;
import dev.autodiscover.spi.ServiceConnectionPoint;
import dev.autodiscover.spi.ServiceConnectionPoints;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What one directory search means for an address: the Autodiscover URLs in the order to try them,
 * the pointer scoped to the address's domain, the unscoped fallback pointer, and a line for each
 * object saying what became of it.
 *
 * <p>Order, as Outlook's: objects tagged {@code Site=<client site>} first, then those with no
 * {@code Site} keyword, then those of other sites; within each group the oldest {@code whenCreated}
 * first (objects without one last, in the order the server sent them). Keywords compare
 * case-insensitively.
 */
final class ScpObjects {
  private final List<URI> urls;
  private final Optional<URI> scopedPointer;
  private final Optional<URI> fallbackPointer;
  private final List<String> story;
  private final String searchBase;
  private final boolean truncated;

  private ScpObjects(
      List<URI> urls, Optional<URI> scopedPointer, Optional<URI> fallbackPointer, List<String> story,
      String searchBase, boolean truncated) {
    this.urls = urls;
    this.scopedPointer = scopedPointer;
    this.fallbackPointer = fallbackPointer;
    this.story = story;
    this.searchBase = searchBase;
    this.truncated = truncated;
  }

  /**
   * Reads {@code search} for an address in {@code emailDomain}, from a client in {@code site}.
   */
  static ScpObjects of(ServiceConnectionPoints search, String emailDomain, Optional<String> site) {
    List<Classified> objects = new ArrayList<>();
    for (ServiceConnectionPoint scp : search.found()) {
      objects.add(Classified.of(scp, site));
    }
    objects.sort(Comparator.comparingInt(Classified::group)
        .thenComparing(c -> c.scp().whenCreated().orElse(Instant.MAX)));
    Set<URI> urls = new LinkedHashSet<>();
    URI scoped = null;
    URI fallback = null;
    List<String> story = new ArrayList<>();
    for (Classified object : objects) {
      StringBuilder line = new StringBuilder(object.label()).append(' ');
      if (object.kind() == Kind.URL) {
        line.append("URL");
        for (String value : object.scp().serviceBindingInformation()) {
          line.append(' ').append(value);
          Optional<URI> url = httpsUrl(value);
          if (url.isEmpty()) {
            line.append(" (ignored: not an https URL)");
          } else if (!urls.add(url.get())) {
            line.append(" (ignored: already listed)");
          }
        }
        if (object.scp().serviceBindingInformation().isEmpty()) {
          line.append(" (ignored: no serviceBindingInformation)");
        }
      } else if (object.kind() == Kind.POINTER) {
        line.append("pointer");
        Optional<URI> target = object.scp().serviceBindingInformation().stream()
            .map(ScpObjects::ldapUrl).flatMap(Optional::stream).findFirst();
        object.scp().serviceBindingInformation().forEach(value -> line.append(' ').append(value));
        Set<String> domains = object.domains();
        if (target.isEmpty()) {
          line.append(" (ignored: not an LDAP URL)");
        } else if (domains.contains(emailDomain)) {
          if (scoped == null) {
            scoped = target.get();
            line.append(" (for ").append(emailDomain).append(": the search restarts there)");
          } else {
            line.append(" (ignored: an earlier pointer for ").append(emailDomain).append(" wins)");
          }
        } else if (!domains.isEmpty()) {
          line.append(" (ignored: for ").append(String.join(", ", domains)).append(", not ").append(emailDomain).append(')');
        } else if (fallback == null) {
          fallback = target.get();
          line.append(" (unscoped: followed only if no URL is found)");
        } else {
          line.append(" (ignored: an earlier unscoped pointer wins)");
        }
      } else {
        line.append("object without an Autodiscover keyword (ignored)");
      }
      line.append(" [").append(object.tags()).append(']');
      story.add(line.toString());
    }
    return new ScpObjects(List.copyOf(urls), Optional.ofNullable(scoped), Optional.ofNullable(fallback),
        story, search.searchBase(), search.truncated());
  }

  /** The Autodiscover URLs, in the order to try them, without repeats. */
  List<URI> urls() {
    return urls;
  }

  /** The first pointer tagged {@code Domain=<the address's domain>}. */
  Optional<URI> scopedPointer() {
    return scopedPointer;
  }

  /** The first pointer with no {@code Domain} keyword. */
  Optional<URI> fallbackPointer() {
    return fallbackPointer;
  }

  /** One line for people: how many objects were found where, and each in the order considered. */
  String describe() {
    StringBuilder text = new StringBuilder()
        .append(story.size()).append(story.size() == 1 ? " serviceConnectionPoint" : " serviceConnectionPoints")
        .append(" under ").append(searchBase);
    if (truncated) {
      text.append(" (the server sent no more than these)");
    }
    for (int i = 0; i < story.size(); i++) {
      text.append(i == 0 ? ": " : "; ").append(i + 1).append(". ").append(story.get(i));
    }
    return text.toString();
  }

  /** The https URL {@code value} holds. */
  static Optional<URI> httpsUrl(String value) {
    try {
      URI url = new URI(value.strip());
      if ("https".equalsIgnoreCase(url.getScheme()) && url.getHost() != null && url.getRawUserInfo() == null) {
        return Optional.of(url);
      }
    } catch (Exception e) {
      // not a URL: reported as ignored
    }
    return Optional.empty();
  }

  /** The server of an LDAP URL such as {@code LDAP://dc1.contoso.com[:389][/...]}: scheme, host and port only. */
  static Optional<URI> ldapUrl(String value) {
    try {
      URI url = new URI(value.strip());
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("ldap") || scheme.equals("ldaps")) && url.getHost() != null && url.getRawUserInfo() == null) {
        int port = url.getPort();
        return Optional.of(URI.create(scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port)));
      }
    } catch (Exception e) {
      // not a URL: reported as ignored
    }
    return Optional.empty();
  }

  private enum Kind { URL, POINTER, OTHER }

  /** One object with what its keywords say. */
  private record Classified(ServiceConnectionPoint scp, Kind kind, Optional<String> site, Set<String> domains, int group) {
    static Classified of(ServiceConnectionPoint scp, Optional<String> clientSite) {
      boolean url = false;
      boolean pointer = false;
      String site = null;
      Set<String> domains = new LinkedHashSet<>();
      for (String keyword : scp.keywords()) {
        String k = keyword.strip();
        if (k.equalsIgnoreCase(DirectoryClient.URL_KEYWORD)) {
          url = true;
        } else if (k.equalsIgnoreCase(DirectoryClient.POINTER_KEYWORD)) {
          pointer = true;
        } else if (k.regionMatches(true, 0, "Site=", 0, 5) && site == null) {
          site = k.substring(5).strip();
        } else if (k.regionMatches(true, 0, "Domain=", 0, 7)) {
          domains.add(k.substring(7).strip().toLowerCase(Locale.ROOT));
        }
      }
      Kind kind = url && !pointer ? Kind.URL
          : pointer && !url ? Kind.POINTER
          : url ? (scp.serviceBindingInformation().stream().anyMatch(v -> ldapUrl(v).isPresent()) ? Kind.POINTER : Kind.URL)
          : Kind.OTHER;
      int group = site == null ? 1
          : clientSite.isPresent() && clientSite.get().equalsIgnoreCase(site) ? 0 : 2;
      return new Classified(scp, kind, Optional.ofNullable(site), domains, group);
    }

    /** The object's first RDN value: the server's name, for the objects Exchange writes. */
    String label() {
      String dn = scp.distinguishedName();
      int equals = dn.indexOf('=');
      int comma = dn.indexOf(',');
      return equals >= 0 && (comma < 0 || equals < comma)
          ? dn.substring(equals + 1, comma < 0 ? dn.length() : comma)
          : dn;
    }

    String tags() {
      List<String> tags = new ArrayList<>();
      tags.add(site.map(s -> "Site=" + s + (group == 0 ? ", this site" : ", another site")).orElse("no site"));
      tags.add(scp.whenCreated().map(t -> "created " + t).orElse("no whenCreated"));
      return String.join(", ", tags);
    }
  }
}

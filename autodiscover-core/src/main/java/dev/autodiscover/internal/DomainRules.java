package dev.autodiscover.internal;

import java.util.Locale;
import okhttp3.HttpUrl;

/** The registrable-domain rule that decides which redirects need consent. */
public final class DomainRules {
  private DomainRules() {}

  /**
   * Returns the registrable domain of {@code host} (its public suffix plus one label, from the
   * public-suffix list OkHttp maintains), or the host itself when it has none (an IP literal, or a
   * name that is itself a public suffix).
   */
  public static String registrableDomain(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    HttpUrl url = HttpUrl.parse("https://" + (lower.indexOf(':') >= 0 ? "[" + lower + "]" : lower) + "/");
    if (url == null) {
      return lower;
    }
    String top = url.topPrivateDomain();
    return top != null ? top : url.host();
  }

  /**
   * Returns whether {@code domain} (lower-case A-labels) is itself a public suffix, such as
   * {@code com}, {@code co.uk} or a single label: a name under which anyone may register.
   */
  public static boolean isPublicSuffix(String domain) {
    HttpUrl url = HttpUrl.parse("https://" + domain + "/");
    return url != null && url.topPrivateDomain() == null;
  }

  /** Returns whether {@code host} lies inside the registrable domain of {@code emailDomain}. */
  public static boolean withinDomain(String host, String emailDomain) {
    return registrableDomain(host).equals(registrableDomain(emailDomain));
  }
}

package dev.autodiscover;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The discovery step a candidate URL came from: {@link #SCP}, {@link #A_RECORD},
 * {@link #PREFIXED_HOST}, {@link #OFFICE365}, {@link #HTTP_REDIRECT}, {@link #SRV}, or the name of a strategy a host
 * application added. A URL reached through a {@code redirectUrl} keeps its origin's method.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name upper-case identifier made of letters, digits and underscores
 */
public record DiscoveryMethod(String name) {
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  /** URLs read from Active Directory serviceConnectionPoint objects. */
  public static final DiscoveryMethod SCP = new DiscoveryMethod("SCP");
  /** {@code https://<domain>/autodiscover/autodiscover.xml}. */
  public static final DiscoveryMethod A_RECORD = new DiscoveryMethod("A_RECORD");
  /** {@code https://autodiscover.<domain>/autodiscover/autodiscover.xml}. */
  public static final DiscoveryMethod PREFIXED_HOST = new DiscoveryMethod("PREFIXED_HOST");
  /** The redirect answered by {@code GET http://autodiscover.<domain>/autodiscover/autodiscover.xml}. */
  public static final DiscoveryMethod HTTP_REDIRECT = new DiscoveryMethod("HTTP_REDIRECT");
  /** The targets of the DNS SRV record {@code _autodiscover._tcp.<domain>}. */
  public static final DiscoveryMethod SRV = new DiscoveryMethod("SRV");
  /** Microsoft's own Autodiscover hosts, such as {@code outlook.office365.com}; see {@link Strategies#office365()}. */
  public static final DiscoveryMethod OFFICE365 = new DiscoveryMethod("OFFICE365");

  public DiscoveryMethod {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "method name must be upper-case letters, digits and underscores, starting with a letter: "
              + name);
    }
  }

  /** Returns the method with this name, such as {@code "SRV"}. */
  public static DiscoveryMethod of(String name) {
    return new DiscoveryMethod(name);
  }

  @Override
  public String toString() {
    return name;
  }
}

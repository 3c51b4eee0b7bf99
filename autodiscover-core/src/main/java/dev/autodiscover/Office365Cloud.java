package dev.autodiscover;

import dev.autodiscover.internal.DnsNames;
import java.util.List;
import java.util.Objects;

/**
 * One Microsoft cloud's Autodiscover service, for the {@linkplain Strategies#office365() Office 365
 * step}: the host it asks directly, and the names a customer's {@code autodiscover.<domain>} is a
 * CNAME to when the domain's mailboxes live in that cloud.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Office365Cloud sovereign = new Office365Cloud("my cloud", "outlook.example.net",
 *     List.of("autodiscover.example.net"));
 * }</pre>
 *
 * @param name what the story calls the cloud, such as {@code "Microsoft 365 worldwide"}
 * @param host the host asked directly, such as {@code outlook.office365.com}
 * @param aliasTargets the names {@code autodiscover.<domain>} points to with a CNAME when the
 *     domain uses this cloud; may be empty, for a cloud that is only ever asked directly
 */
public record Office365Cloud(String name, String host, List<String> aliasTargets) {

  /** Microsoft 365 worldwide: {@code outlook.office365.com}, aliased as {@code autodiscover.outlook.com}. */
  public static final Office365Cloud WORLDWIDE = new Office365Cloud(
      "Microsoft 365 worldwide", "outlook.office365.com", List.of("autodiscover.outlook.com"));

  /**
   * Microsoft 365 for the US Government (GCC High and DoD): {@code outlook.office365.us}, aliased
   * as {@code autodiscover.office365.us}.
   */
  public static final Office365Cloud US_GOVERNMENT = new Office365Cloud(
      "Microsoft 365 US Government", "outlook.office365.us", List.of("autodiscover.office365.us"));

  /**
   * Microsoft 365 operated by 21Vianet in China: {@code partner.outlook.cn}, aliased as
   * {@code autodiscover.partner.outlook.cn}.
   */
  public static final Office365Cloud CHINA = new Office365Cloud(
      "Microsoft 365 operated by 21Vianet", "partner.outlook.cn", List.of("autodiscover.partner.outlook.cn"));

  /**
   * Checks and normalizes the cloud: host names in lower case without a trailing dot.
   *
   * @throws IllegalArgumentException when the name is blank, or the host or an alias target is not a
   *     valid DNS host name
   */
  public Office365Cloud {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    host = hostName(host, "host");
    aliasTargets = Objects.requireNonNull(aliasTargets, "aliasTargets").stream()
        .map(target -> hostName(target, "aliasTargets"))
        .toList();
  }

  /** Returns the built-in clouds: {@link #WORLDWIDE}, {@link #US_GOVERNMENT} and {@link #CHINA}. */
  public static List<Office365Cloud> builtIn() {
    return List.of(WORLDWIDE, US_GOVERNMENT, CHINA);
  }

  /** Returns whether {@code name}, a CNAME target, is one of this cloud's alias targets. */
  public boolean isAliasTarget(String name) {
    return DnsNames.hostName(name).filter(aliasTargets::contains).isPresent();
  }

  private static String hostName(String value, String parameter) {
    Objects.requireNonNull(value, parameter);
    return DnsNames.hostName(value).orElseThrow(() -> new IllegalArgumentException(
        parameter + " must be a DNS host name, such as outlook.office365.com: \"" + value + "\""));
  }

  @Override
  public String toString() {
    return name + " (" + host + ")";
  }
}

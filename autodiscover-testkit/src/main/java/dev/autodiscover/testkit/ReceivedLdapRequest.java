package dev.autodiscover.testkit;

import java.util.Objects;

/**
 * One LDAP request a {@link FixtureDirectory} received.
 *
 * <p>Thread safety: immutable.
 *
 * @param operation {@code "BIND"} or {@code "SEARCH"}
 * @param dn the bind DN ({@code ""} for an anonymous or SASL bind), or the search base
 *     ({@code ""} for the RootDSE)
 * @param scope {@code "base"}, {@code "one"}, {@code "sub"} or {@code "subordinates"} for a
 *     search; {@code ""} for a bind
 * @param filter the search filter as a string, such as {@code "(objectClass=*)"}; {@code ""} for
 *     a bind
 */
public record ReceivedLdapRequest(String operation, String dn, String scope, String filter) {

  /** Operation value of a bind request. */
  public static final String BIND = "BIND";

  /** Operation value of a search request. */
  public static final String SEARCH = "SEARCH";

  public ReceivedLdapRequest {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(dn, "dn");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(filter, "filter");
  }

  @Override
  public String toString() {
    return BIND.equals(operation)
        ? operation + " \"" + dn + "\""
        : operation + " \"" + dn + "\" " + scope + " " + filter;
  }
}

package dev.autodiscover;

import java.net.URI;
import java.util.Objects;

/**
 * A redirect the resolver asks the host application about before following it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type where the redirect came from
 * @param emailAddress the address being resolved
 * @param from the URL or DNS name that redirected
 * @param to the https URL the resolver would POST to next
 * @param withinEmailDomain whether {@code to}'s host lies inside the email's registrable domain
 */
public record RedirectRequest(
    RedirectType type, String emailAddress, String from, URI to, boolean withinEmailDomain) {
  public RedirectRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(emailAddress, "emailAddress");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}

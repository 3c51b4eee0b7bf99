package dev.autodiscover.testkit;

import java.util.Objects;

/**
 * A zone that a {@link StubDnsServer} signed with DNSSEC, and the trust anchors that validate it,
 * each one line of DNS master-file text that a validating resolver can be configured with.
 *
 * <pre>{@code
 * SignedZone zone = dns.signZone("contoso.test");
 * DnsClient client = DnsClient.requiringDnssec(DnssecTrustAnchors.parse(zone.ds()), dns.address());
 * }</pre>
 *
 * <p>Thread safety: immutable.
 *
 * @param name the zone's apex in lower case, without the trailing dot ({@code "contoso.test"})
 * @param ds the zone key's DS record (SHA-256 digest), as a parent zone would publish it
 * @param dnskey the zone key's DNSKEY record
 */
public record SignedZone(String name, String ds, String dnskey) {
  public SignedZone {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ds, "ds");
    Objects.requireNonNull(dnskey, "dnskey");
  }
}

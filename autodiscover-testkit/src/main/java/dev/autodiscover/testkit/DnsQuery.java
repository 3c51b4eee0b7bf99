package dev.autodiscover.testkit;

import java.util.Objects;

/**
 * One question received by a {@link StubDnsServer}.
 *
 * <p>Thread safety: immutable.
 *
 * @param name the queried name in lower case, without the trailing dot ({@code "contoso.test"})
 * @param type the record type mnemonic ({@code "A"}, {@code "AAAA"}, {@code "SRV"}, ...)
 * @param transport {@code "UDP"} or {@code "TCP"}
 */
public record DnsQuery(String name, String type, String transport) {

  /** Transport value of a query received over UDP. */
  public static final String UDP = "UDP";

  /** Transport value of a query received over TCP. */
  public static final String TCP = "TCP";

  public DnsQuery {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(transport, "transport");
  }
}

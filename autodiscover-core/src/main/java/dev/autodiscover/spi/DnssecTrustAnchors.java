package dev.autodiscover.spi;

import dev.autodiscover.internal.dns.TrustAnchorText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The DNSSEC trust anchors a {@linkplain DnsClient#requiringDnssec(DnssecTrustAnchors,
 * java.net.InetSocketAddress...) validating DNS client} starts its chains of trust from: DS or DNSKEY records, each for the zone it
 * names and every zone below it that the zone delegates to securely.
 *
 * <p>None is built in. The root zone's key changes (its key-signing key was rolled over most
 * recently in 2026), and a key compiled into a library would go stale: the host application supplies
 * current anchors. The root's are published by IANA at {@code https://data.iana.org/root-anchors/} and are
 * kept current by tools such as unbound-anchor ({@code root.key}) or the operating system's DNSSEC
 * packages; an organisation that signs its own internal zone anchors that zone's key directly.
 *
 * <pre>{@code
 * DnssecTrustAnchors anchors = DnssecTrustAnchors.read(Path.of("/var/lib/unbound/root.key"));
 * DnsClient dns = DnsClient.requiringDnssec(anchors, DnsClient.parseServer("127.0.0.1"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class DnssecTrustAnchors {
  private final List<String> records;
  private final List<String> zones;

  private DnssecTrustAnchors(List<Record> parsed) {
    this.records = parsed.stream().map(Record::toString).toList();
    this.zones = parsed.stream().map(record -> display(record.getName())).distinct().toList();
  }

  /**
   * Reads trust anchors from DNS master-file text: DS or DNSKEY records of class IN, one a line or
   * spread over lines in parentheses, {@code ;} starting a comment. Names are absolute whether or not
   * they end in a dot, the TTL may be left out, and directives such as {@code $ORIGIN} are refused.
   *
   * <pre>{@code
   * contoso.com. 3600 IN DS 12345 13 2 2B9D87A1B863040872049A847AC02DEE2D46465DFCBF0947E7DE852FABC1FF11
   * }</pre>
   *
   * @throws IllegalArgumentException naming the line of a record that is not a usable DS or DNSKEY
   *     record (another type or class, a DNSKEY without the zone key flag or revoked, a malformed
   *     key or digest), or when there is no record at all
   */
  public static DnssecTrustAnchors parse(String text) {
    return new DnssecTrustAnchors(TrustAnchorText.parse(text));
  }

  /**
   * Reads trust anchors from {@code file}, UTF-8 text as {@link #parse(String)} reads it; the file
   * of unbound-anchor ({@code root.key}) is such a file.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming the file and the line of a record that is not a usable
   *     trust anchor, or when it holds none
   */
  public static DnssecTrustAnchors read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Returns the zones anchored, lower case without the trailing dot ({@code "."} for the root), in the order read. */
  public List<String> zones() {
    return zones;
  }

  /** Returns the anchors' records in DNS master-file form, one line each, in the order read. */
  public List<String> records() {
    return records;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DnssecTrustAnchors anchors && anchors.records.equals(records);
  }

  @Override
  public int hashCode() {
    return records.hashCode();
  }

  @Override
  public String toString() {
    return "DnssecTrustAnchors" + zones;
  }

  private static String display(Name name) {
    String text = name.toString(true).toLowerCase(Locale.ROOT);
    return text.isEmpty() ? "." : text;
  }
}

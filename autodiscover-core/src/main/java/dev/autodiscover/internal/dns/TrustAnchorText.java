package dev.autodiscover.internal.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Reads DNSSEC trust anchors written as DS or DNSKEY records in DNS master-file text: one record per
 * line, or spread over lines in parentheses; {@code ;} starts a comment; names are absolute whether
 * or not they end in a dot; the TTL may be left out. Directives ({@code $ORIGIN}, {@code $INCLUDE},
 * ...) are refused. Stateless.
 */
public final class TrustAnchorText {
  private TrustAnchorText() {}

  /**
   * Returns the records of {@code text}, in the order written.
   *
   * @throws IllegalArgumentException naming the line of the first record that is not a usable DS or
   *     DNSKEY record, or saying that there is none
   */
  public static List<Record> parse(String text) {
    Objects.requireNonNull(text, "text");
    List<Record> records = new ArrayList<>();
    StringBuilder entry = new StringBuilder();
    int depth = 0;
    int start = 0;
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = withoutComment(lines[i]);
      if (depth == 0) {
        if (line.isBlank()) {
          continue;
        }
        start = i + 1;
        if (line.strip().startsWith("$")) {
          throw new IllegalArgumentException("line " + start + ": directives such as "
              + line.strip().split("\\s+")[0] + " are not supported; write each record with its full name");
        }
      }
      entry.append(line).append('\n');
      depth += count(line, '(') - count(line, ')');
      if (depth < 0) {
        throw new IllegalArgumentException("line " + (i + 1) + ": ')' without '('");
      }
      if (depth == 0) {
        records.add(checked(record(entry.toString(), start), start));
        entry.setLength(0);
      }
    }
    if (depth > 0) {
      throw new IllegalArgumentException("line " + start + ": '(' is never closed");
    }
    if (records.isEmpty()) {
      throw new IllegalArgumentException("no DS or DNSKEY record: trust anchors are DS or DNSKEY records"
          + " in DNS master-file text, such as 'example.com. IN DS 12345 13 2 <digest>'");
    }
    return records;
  }

  private static String withoutComment(String line) {
    int semicolon = line.indexOf(';');
    return semicolon < 0 ? line : line.substring(0, semicolon);
  }

  private static int count(String line, char c) {
    return (int) line.chars().filter(x -> x == c).count();
  }

  private static Record record(String entry, int line) {
    try (Master master = new Master(new ByteArrayInputStream(entry.getBytes(StandardCharsets.UTF_8)), Name.root, 0)) {
      master.disableIncludes();
      Record record = master.nextRecord();
      if (record == null) {
        throw new IllegalArgumentException("line " + line + ": no record");
      }
      return record;
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException && e.getMessage().startsWith("line ")) {
        throw (IllegalArgumentException) e;
      }
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new IllegalArgumentException("line " + line + ": " + message.replaceFirst("^<none>:\\d+: ", ""), e);
    }
  }

  private static Record checked(Record record, int line) {
    String where = "line " + line + ": ";
    if (record.getType() != Type.DS && record.getType() != Type.DNSKEY) {
      throw new IllegalArgumentException(where + "a record of type " + Type.string(record.getType())
          + "; trust anchors are DS or DNSKEY records");
    }
    if (record.getDClass() != DClass.IN) {
      throw new IllegalArgumentException(where + "class " + DClass.string(record.getDClass()) + "; expected IN");
    }
    if (record instanceof DNSKEYRecord dnskey) {
      if ((dnskey.getFlags() & DNSKEYRecord.Flags.ZONE_KEY) == 0) {
        throw new IllegalArgumentException(where + "the DNSKEY lacks the zone key flag (256), so it signs nothing");
      }
      if ((dnskey.getFlags() & DNSKEYRecord.Flags.REVOKE) != 0) {
        throw new IllegalArgumentException(where + "the DNSKEY is revoked (flag 128)");
      }
      try {
        dnskey.getPublicKey();
      } catch (DNSSEC.DNSSECException | RuntimeException e) {
        throw new IllegalArgumentException(where + "the DNSKEY does not hold a usable "
            + DNSSEC.Algorithm.string(dnskey.getAlgorithm()) + " key (" + e.getMessage() + ")", e);
      }
    }
    if (record instanceof DSRecord ds && ds.getDigest().length == 0) {
      throw new IllegalArgumentException(where + "the DS has no digest");
    }
    return record;
  }
}

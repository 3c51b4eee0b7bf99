package dev.autodiscover.tls;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Tells whether a domain is a public suffix ({@code com}, {@code co.uk}, {@code github.io}): a
 * name under which anyone may register, so that a wildcard over it would cover unrelated owners.
 *
 * <p>The rules are the Public Suffix List (<a href="https://publicsuffix.org/">publicsuffix.org</a>,
 * ICANN and private sections alike) as OkHttp maintains it: the build copies {@code
 * okhttp3/internal/publicsuffix/PublicSuffixDatabase.list} from the {@code okhttp-jvm} artifact
 * whose version the parent pom's OkHttp BOM names into this jar as {@code
 * dev/autodiscover/tls/public-suffixes.list}; nothing from OkHttp is needed at run time. The file
 * holds, possibly gzipped, a 4-byte big-endian length and that many bytes of sorted,
 * newline-separated UTF-8 rules (some {@code *.}wildcard rules), then a 4-byte length and the
 * exception rules without their {@code !}. It is read once, at first use.
 *
 * <p>The Public Suffix List algorithm is followed, including its default rule {@code *}: every
 * single-label name is a public suffix, listed or not.
 *
 * <p>Thread-safe.
 */
final class PublicSuffixes {
  static final String RESOURCE = "public-suffixes.list";

  private PublicSuffixes() {}

  /**
   * Returns whether {@code asciiDomain} (A-labels, any ASCII case, no trailing dot) is a public
   * suffix; false for a name with an empty label.
   */
  static boolean isPublicSuffix(String asciiDomain) {
    String domain = unicode(asciiDomain);
    if (domain == null) {
      return false;
    }
    int dot = domain.indexOf('.');
    if (dot < 0) {
      return true; // The default rule "*".
    }
    Rules rules = Rules.INSTANCE;
    if (rules.exceptions.contains(domain)) {
      return false;
    }
    return rules.rules.contains(domain) || rules.rules.contains("*" + domain.substring(dot));
  }

  /** Returns the domain in lowercase U-labels, as the list writes its rules, or null. */
  private static String unicode(String asciiDomain) {
    String[] labels = asciiDomain.split("\\.", -1);
    StringBuilder result = new StringBuilder();
    for (String label : labels) {
      if (label.isEmpty()) {
        return null;
      }
      String lower = CertificateNameValidator.lowerAscii(label);
      if (result.length() > 0) {
        result.append('.');
      }
      result.append(lower.startsWith("xn--") ? IDN.toUnicode(lower, IDN.ALLOW_UNASSIGNED) : lower);
    }
    return result.toString();
  }

  /** The list, loaded at first use by the class-holder idiom. */
  private static final class Rules {
    static final Rules INSTANCE = load();

    final Set<String> rules;
    final Set<String> exceptions;

    private Rules(Set<String> rules, Set<String> exceptions) {
      this.rules = rules;
      this.exceptions = exceptions;
    }

    private static Rules load() {
      InputStream resource = PublicSuffixes.class.getResourceAsStream(RESOURCE);
      if (resource == null) {
        throw new IllegalStateException("the public-suffix list " + RESOURCE
            + " is missing from the autodiscover-tls jar; rebuild it with Maven");
      }
      try (DataInputStream in = new DataInputStream(maybeGunzip(resource))) {
        Set<String> rules = readSection(in);
        Set<String> exceptions = readSection(in);
        return new Rules(Set.copyOf(rules), Set.copyOf(exceptions));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the public-suffix list " + RESOURCE, e);
      }
    }

    private static InputStream maybeGunzip(InputStream resource) throws IOException {
      BufferedInputStream in = new BufferedInputStream(resource);
      in.mark(2);
      int first = in.read();
      int second = in.read();
      in.reset();
      return first == 0x1f && second == 0x8b ? new GZIPInputStream(in) : in;
    }

    private static Set<String> readSection(DataInputStream in) throws IOException {
      int length = in.readInt();
      if (length < 0) {
        throw new IOException("negative section length " + length);
      }
      byte[] bytes = in.readNBytes(length);
      if (bytes.length != length) {
        throw new IOException("truncated: " + bytes.length + " of " + length + " bytes");
      }
      Set<String> section = new HashSet<>();
      for (String rule : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
        if (!rule.isEmpty()) {
          section.add(rule);
        }
      }
      return section;
    }
  }
}

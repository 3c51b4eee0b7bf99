package dev.autodiscover.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link CertificateNameValidator} through the {@code check(dnsNames, ipAddresses, host)}
 * seam the public API delegates to: it never throws, every identity it calls a match is one RFC
 * 9525 allows (a wildcard covers exactly one label, never over a public suffix; a DNS name never
 * covers an IP address; an IP entry covers only the same address), and ASCII case never changes
 * the answer.
 *
 * <p>A seed ({@code CertificateNameValidatorFuzzTestInputs/check/}) is the host followed by the
 * certificate's subjectAltName values, separated by a backslash and a space, as
 * {@link FuzzedDataProvider#consumeString} reads them: {@code mail.contoso.com\ *.contoso.com\
 * 10.0.0.1}. Each value is presented both as a dNSName and as an iPAddress entry.
 */
class CertificateNameValidatorFuzzTest {

  private static final int MAX_LENGTH = 300;
  private static final int MAX_VALUES = 8;
  private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9-]{1,63}");
  private static final Pattern IPV4 = Pattern.compile(
      "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
          + "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

  private final CertificateNameValidator names = CertificateNameValidator.strict();

  @FuzzTest
  @Timeout(5)
  void check(FuzzedDataProvider data) throws UnknownHostException {
    String host = data.consumeString(MAX_LENGTH);
    List<String> values = new ArrayList<>();
    while (data.remainingBytes() > 0 && values.size() < MAX_VALUES) {
      values.add(data.consumeString(MAX_LENGTH));
    }

    NameCheck check = names.check(values, values, host);
    CertificateNameValidator.causes(check);

    assertThat(check.host()).isEqualTo(host);
    assertThat(check.presented()).hasSize(2 * values.size());
    assertThat(check.matched()).isEqualTo(check.match().isPresent());
    for (NameCheck.Presented presented : check.presented()) {
      assertThat(presented.reason()).isNotBlank();
      if (presented.matched() && presented.kind() == NameCheck.Kind.DNS) {
        assertDnsNameMayCover(presented.value(), host);
      } else if (presented.matched()) {
        assertIpAddressMayCover(presented.value(), host);
      }
    }
    List<String> swappedValues = values.stream().map(CertificateNameValidatorFuzzTest::swapAsciiCase).toList();
    assertThat(names.check(swappedValues, swappedValues, swapAsciiCase(host)).matched())
        .as("the answer once ASCII case is swapped")
        .isEqualTo(check.matched());
  }

  /** Fails unless RFC 9525 lets the dNSName {@code pattern} cover {@code host}. */
  private static void assertDnsNameMayCover(String pattern, String host) {
    String unbracketed = host.startsWith("[") ? host.substring(1) : host;
    assertThat(IPV4.matcher(host).matches() || unbracketed.indexOf(':') >= 0)
        .as("a DNS name covering the IP address %s", host)
        .isFalse();
    String[] hostLabels = asciiLabels(IDN.toASCII(host));
    String[] patternLabels = asciiLabels(pattern);
    assertThat(String.join(".", patternLabels).length()).isLessThanOrEqualTo(253);
    assertThat(hostLabels).as("labels of %s against %s", host, pattern).hasSameSizeAs(patternLabels);
    assertThat(hostLabels[hostLabels.length - 1]).doesNotMatch("[0-9]+");
    for (int i = 0; i < hostLabels.length; i++) {
      assertThat(hostLabels[i]).matches(LDH_LABEL);
      if (i > 0 || !patternLabels[0].equals("*")) {
        assertThat(hostLabels[i]).isEqualTo(patternLabels[i]);
      }
    }
    if (patternLabels[0].equals("*")) {
      String base = String.join(".", Arrays.asList(patternLabels).subList(1, patternLabels.length));
      assertThat(patternLabels.length).as("labels of %s", pattern).isGreaterThan(2);
      assertThat(PublicSuffixes.isPublicSuffix(base)).as("%s is a public suffix", base).isFalse();
    }
  }

  /** Fails unless the iPAddress entry {@code value} and {@code host} are the same address. */
  private static void assertIpAddressMayCover(String value, String host) throws UnknownHostException {
    boolean bracketed = host.startsWith("[") && host.endsWith("]");
    String literal = bracketed ? host.substring(1, host.length() - 1) : host;
    if (literal.indexOf(':') < 0) {
      assertThat(bracketed).isFalse();
      assertThat(literal).matches(IPV4);
      assertThat(value).isEqualTo(literal);
      return;
    }
    // InetAddress takes these for IPv6 literals and never looks them up.
    assertThat(value).contains(":").matches(IPV6_CHARACTERS);
    assertThat(literal).matches(IPV6_CHARACTERS);
    assertThat(InetAddress.getByName(value)).isEqualTo(InetAddress.getByName(literal));
  }

  /** The lower-case labels of a name, one trailing dot ignored. */
  private static String[] asciiLabels(String name) {
    String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    return lowerAscii(trimmed).split("\\.", -1);
  }

  private static String lowerAscii(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'A' && chars[i] <= 'Z') {
        chars[i] = (char) (chars[i] | 0x20);
      }
    }
    return new String(chars);
  }

  private static String swapAsciiCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c ^ 0x20);
      }
    }
    return new String(chars);
  }
}

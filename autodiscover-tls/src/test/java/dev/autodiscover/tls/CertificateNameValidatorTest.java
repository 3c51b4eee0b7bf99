package dev.autodiscover.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CertificateNameValidatorTest {
  private final CertificateNameValidator names = CertificateNameValidator.strict();

  static Stream<Arguments> table() {
    return Stream.of(
        // subjectAltName entries, host, expected
        row("www.contoso.test", "www.contoso.test", true),
        row("www.contoso.test", "WWW.Contoso.TEST", true),
        row("WWW.CONTOSO.TEST", "www.contoso.test", true),
        row("www.contoso.test", "www.contoso.test.", true),
        row("www.contoso.test.", "www.contoso.test", true),
        row("www.contoso.test.", "www.contoso.test.", true),
        row("www.contoso.test", "www.contoso.test..", false),
        row("www.contoso.test", "www..contoso.test", false),
        row("www.contoso.test", ".www.contoso.test", false),
        row("www.contoso.test", "", false),
        row("www.contoso.test", "contoso.test", false),
        row("www.contoso.test", "mail.contoso.test", false),
        row("*.contoso.test", "mail.contoso.test", true),
        row("*.contoso.test", "MAIL.CONTOSO.TEST.", true),
        row("*.contoso.test", "contoso.test", false),
        row("*.contoso.test", "a.b.contoso.test", false),
        row("*.contoso.test", "mail.fabrikam.test", false),
        row("*.test", "contoso.test", false),
        row("*.com", "contoso.com", false),
        row("*", "contoso", false),
        row("f*o.contoso.test", "foo.contoso.test", false),
        row("*bar.contoso.test", "foobar.contoso.test", false),
        row("bar*.contoso.test", "barfoo.contoso.test", false),
        row("www.*.test", "www.contoso.test", false),
        row("*.*.contoso.test", "a.b.contoso.test", false),
        row("www.contoso.test", "www.contoso.test\u0000.evil.test", false),
        row("www.contoso.test", "www.contoso.test ", false),
        row("www.contoso.test", "www contoso.test", false),
        row("www.contoso.test", "www_contoso.test", false),
        row("xn--bcher-kva.test", "bücher.test", true),
        // Ü is not ü: IDNA2008 disallows upper-case letters, and only ASCII case is ignored.
        row("xn--bcher-kva.test", "BÜCHER.test", false),
        row("*.xn--bcher-kva.test", "shop.bücher.test", true),
        row("*.xn--bcher-kva.test", "SHOP.bücher.TEST", true),
        // ASCII case is ignored before NFKC, which would compose I and U+0307 into İ.
        row("*.contoso.test", "ri\u0307.contoso.test", true),
        row("*.contoso.test", "RI\u0307.contoso.test", true),
        row("10.0.0.1", "10.0.0.1", true),
        row("10.0.0.1", "10.0.0.2", false),
        row("www.contoso.test", "10.0.0.1", false),
        row("10.0.0.1", "010.0.0.1", false),
        row("10.0.0.1", "10.0.1", false),
        row("::1", "::1", true),
        row("::1", "[::1]", true),
        row("::1", "0:0:0:0:0:0:0:1", true),
        row("2001:db8::1", "2001:DB8:0:0:0:0:0:1", true),
        row("2001:db8::1", "2001:db8::2", false),
        row("::1", "127.0.0.1", false),
        row("127.0.0.1", "::1", false),
        row("::1", "[::1", false),
        row("::1", "::1%lo", false));
  }

  private static Arguments row(String subjectAltName, String host, boolean expected) {
    return Arguments.of(subjectAltName, host, expected);
  }

  @ParameterizedTest(name = "[{index}] {0} covers \"{1}\": {2}")
  @MethodSource("table")
  void subjectAltNameCoversHostPerRfc9525(String subjectAltName, String host, boolean expected) {
    X509Certificate certificate = new HeldCertificate.Builder()
        .commonName(host.isEmpty() ? "empty" : "cn-is-ignored")
        .addSubjectAlternativeName(subjectAltName)
        .build()
        .certificate();

    assertThat(names.matches(certificate, host)).isEqualTo(expected);
    assertThat(names.check(certificate, host).matched()).isEqualTo(expected);
  }

  @Test
  void subjectCommonNameIsNeverUsed() {
    X509Certificate certificate =
        new HeldCertificate.Builder().commonName("www.contoso.test").build().certificate();

    NameCheck check = names.check(certificate, "www.contoso.test");

    assertThat(check.matched()).isFalse();
    assertThat(check.presented()).isEmpty();
  }

  @Test
  void anyOfSeveralNamesMayMatch() {
    X509Certificate certificate = new HeldCertificate.Builder()
        .addSubjectAlternativeName("www.contoso.test")
        .addSubjectAlternativeName("autodiscover.contoso.test")
        .addSubjectAlternativeName("10.0.0.1")
        .build()
        .certificate();

    NameCheck check = names.check(certificate, "autodiscover.contoso.test");

    assertThat(check.matched()).isTrue();
    assertThat(check.match()).hasValueSatisfying(
        match -> assertThat(match.value()).isEqualTo("autodiscover.contoso.test"));
    assertThat(check.presented())
        .extracting(NameCheck.Presented::kind, NameCheck.Presented::value, NameCheck.Presented::reason)
        .containsExactly(
            tuple(NameCheck.Kind.DNS, "www.contoso.test", "a different name"),
            tuple(NameCheck.Kind.DNS, "autodiscover.contoso.test", "matches"),
            tuple(
                NameCheck.Kind.IP, "10.0.0.1", "an IP address never covers a DNS name"));
  }

  @Test
  void ipAddressInDnsNameEntryNeverCoversIpLiteralHost() {
    NameCheck check = names.check(List.of("10.0.0.1"), List.of(), "10.0.0.1");

    assertThat(check.matched()).isFalse();
    assertThat(check.presented().get(0).reason()).isEqualTo("a DNS name never covers an IP address");
  }

  @Test
  void nulInPresentedNameNeverMatches() {
    assertThat(names.check(List.of("www.contoso.test\u0000.evil.test"), List.of(), "www.contoso.test")
        .matched()).isFalse();
  }

  @Test
  void wildcardRefusalsSayWhy() {
    assertThat(reason("*.contoso.test", "contoso.test"))
        .isEqualTo("a wildcard never covers the domain itself");
    assertThat(reason("*.contoso.test", "a.b.contoso.test"))
        .isEqualTo("a wildcard covers exactly one label");
    assertThat(reason("*.com", "contoso.com"))
        .isEqualTo("a wildcard never covers a public suffix (com)");
    assertThat(reason("*.co.uk", "contoso.co.uk"))
        .isEqualTo("a wildcard never covers a public suffix (co.uk)");
    assertThat(reason("*.co.uk", "contoso.test")).isEqualTo("a different name");
    assertThat(reason("f*o.contoso.test", "foo.contoso.test"))
        .isEqualTo("a wildcard is accepted only as the whole left-most label");
  }

  @Test
  void hostThatCannotBeConvertedToAsciiNeverMatches() {
    String tooLongLabel = "ü".repeat(70) + ".test";

    NameCheck check = names.check(List.of("*.test"), List.of(), tooLongLabel);

    assertThat(check.matched()).isFalse();
    assertThat(check.presented().get(0).reason())
        .isEqualTo("the host cannot be converted to an ASCII name");
  }

  @Test
  void hostWhoseCharactersChangeUnderMappingIsRefusedNotMapped() {
    assertThat(reason("kelvin.test", "\u212Aelvin.test")) // KELVIN SIGN, NFKC maps it to K.
        .startsWith("the host has characters IDNA2008 disallows");
    assertThat(reason("strasse.de", "straße.de")) // IDNA2003 maps ß to ss; IDNA2008 keeps it.
        .startsWith("the host has characters IDNA2008 disallows");
    assertThat(reason("contoso.test", "ｃｏｎｔｏｓｏ.test")) // Fullwidth letters.
        .startsWith("the host has characters IDNA2008 disallows");
    assertThat(reason("www.contoso.test", "www\u3002contoso.test")) // Ideographic full stop.
        .startsWith("the host has characters IDNA2008 disallows");
  }

  @Test
  void finerCausesNameWhyNothingMatched() {
    assertThat(CertificateNameValidator.causes(names.check(List.of(), List.of(), "contoso.test")))
        .containsExactly(CertificateProblem.NO_SUBJECT_ALT_NAME);
    assertThat(CertificateNameValidator.causes(
        names.check(List.of("*.contoso.test"), List.of(), "contoso.test")))
        .containsExactly(CertificateProblem.WILDCARD_NOT_COVERING_APEX);
    assertThat(CertificateNameValidator.causes(
        names.check(List.of("*.co.uk"), List.of(), "contoso.co.uk")))
        .containsExactly(CertificateProblem.WILDCARD_OVER_PUBLIC_SUFFIX);
    assertThat(CertificateNameValidator.causes(
        names.check(List.of("192.0.2.1"), List.of("192.0.2.2"), "192.0.2.1")))
        .containsExactly(CertificateProblem.IP_NOT_IN_SAN);
    assertThat(CertificateNameValidator.causes(
        names.check(List.of("*.contoso.test"), List.of(), "mail.contoso.test"))).isEmpty();
  }

  @Test
  void overlongNamesNeverMatch() {
    String label64 = "a".repeat(64);
    assertThat(reason(label64 + ".test", label64 + ".test"))
        .isEqualTo("the host has a label longer than 63 characters");
    String name253 = ("a".repeat(49) + ".").repeat(5) + "tst";
    assertThat(name253).hasSize(253);
    assertThat(reason(name253, name253.toUpperCase() + ".")).isEqualTo("matches");
    String name254 = ("a".repeat(49) + ".").repeat(5) + "test";
    assertThat(name254).hasSize(254);
    assertThat(reason(name254, name254)).isEqualTo("the host is longer than 253 characters");
    assertThat(reason("*." + label64 + ".test", "www." + label64 + ".test"))
        .startsWith("the host has a label longer than 63");
  }

  private String reason(String dnsName, String host) {
    return names.check(List.of(dnsName), List.of(), host).presented().get(0).reason();
  }
}

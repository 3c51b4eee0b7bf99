package dev.autodiscover.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;

/** Trust anchors read from master-file text: what is accepted, and how what is not is reported. */
class DnssecTrustAnchorsTest {
  private static String key;
  private static String digest;

  /** A fresh ECDSA P-256 zone key for contoso.test: its DNSKEY's key field and its DS's digest. */
  @BeforeAll
  static void generateKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    DNSKEYRecord dnskey = new DNSKEYRecord(Name.fromString("contoso.test."), DClass.IN, 3600, 257, 3,
        DNSSEC.Algorithm.ECDSAP256SHA256, generator.generateKeyPair().getPublic());
    String text = dnskey.rdataToString();
    key = text.substring(text.lastIndexOf(' ') + 1);
    String ds = new DSRecord(dnskey.getName(), DClass.IN, 3600, DNSSEC.Digest.SHA256, dnskey).rdataToString();
    digest = ds.substring(ds.lastIndexOf(' ') + 1);
  }

  @Test
  void readsDsAndDnskeyRecordsWithOrWithoutTtlAndFinalDot() {
    DnssecTrustAnchors anchors = DnssecTrustAnchors.parse(
        "contoso.test. 3600 IN DS 12345 13 2 " + digest + "\n"
            + "Fabrikam.Test IN DNSKEY 257 3 13 " + key + "\n");

    assertThat(anchors.zones()).containsExactly("contoso.test", "fabrikam.test");
    assertThat(anchors.records()).hasSize(2);
    assertThat(anchors.records().get(0)).contains("contoso.test.", "3600", "IN", "DS", "12345 13 2 " + digest);
  }

  @Test
  void readsRecordsSpreadOverLinesWithComments() {
    DnssecTrustAnchors anchors = DnssecTrustAnchors.parse(
        "; contoso.test's key, from the registrar\n"
            + "\n"
            + "contoso.test. IN DNSKEY 257 3 13 ( ; key-signing key\n"
            + "    " + key.substring(0, 40) + "\n"
            + "    " + key.substring(40) + " )\n"
            + "contoso.test. IN DS 12345 13 2 " + digest + " ; the same zone twice\n");

    assertThat(anchors.zones()).containsExactly("contoso.test");
    assertThat(anchors.records()).hasSize(2);
    assertThat(anchors.records().get(0)).endsWith(key);
  }

  @Test
  void readsTheRootAsADot() {
    DnssecTrustAnchors anchors = DnssecTrustAnchors.parse(". IN DS 20326 8 2 " + digest);

    assertThat(anchors.zones()).containsExactly(".");
  }

  @Test
  void recordsReadBackGiveEqualAnchors() {
    DnssecTrustAnchors anchors = DnssecTrustAnchors.parse("contoso.test IN DS 12345 13 2 " + digest);

    assertThat(DnssecTrustAnchors.parse(String.join("\n", anchors.records()))).isEqualTo(anchors);
    assertThat(anchors).hasToString("DnssecTrustAnchors[contoso.test]");
  }

  @Test
  void refusesRecordsOfOtherTypesNamingTheLine() {
    assertThatThrownBy(() -> DnssecTrustAnchors.parse(
        "contoso.test. IN DS 12345 13 2 " + digest + "\n\ncontoso.test. IN A 192.0.2.1\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 3: a record of type A; trust anchors are DS or DNSKEY records");
  }

  @Test
  void refusesOtherClasses() {
    assertThatThrownBy(() -> DnssecTrustAnchors.parse("contoso.test. CH DS 12345 13 2 " + digest))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 1: class CH; expected IN");
  }

  @Test
  void refusesADnskeyThatIsNotAZoneKey() {
    assertThatThrownBy(() -> DnssecTrustAnchors.parse("contoso.test. IN DNSKEY 1 3 13 " + key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 1: the DNSKEY lacks the zone key flag (256), so it signs nothing");
  }

  @Test
  void refusesARevokedDnskey() {
    assertThatThrownBy(() -> DnssecTrustAnchors.parse("contoso.test. IN DNSKEY 385 3 13 " + key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 1: the DNSKEY is revoked (flag 128)");
  }

  @Test
  void refusesADnskeyWithoutAUsableKey() {
    assertThatThrownBy(() -> DnssecTrustAnchors.parse("contoso.test. IN DNSKEY 257 3 13 AAAA"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 1: the DNSKEY does not hold a usable ECDSAP256SHA256 key");
  }

  @Test
  void refusesAMalformedDigestNamingTheLine() {
    assertThatThrownBy(() -> DnssecTrustAnchors.parse("\n\ncontoso.test. IN DS 12345 13 2 2B9D87A1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 3: Expected 32 bytes for SHA-256, got 4");
  }

  @Test
  void refusesDirectivesSoThatNoOtherFileIsRead() {
    assertThatThrownBy(() -> DnssecTrustAnchors.parse("$INCLUDE /etc/passwd\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 1: directives such as $INCLUDE are not supported; write each record with its full name");
  }

  @Test
  void refusesAnUnclosedParenthesis() {
    assertThatThrownBy(() -> DnssecTrustAnchors.parse("contoso.test. IN DNSKEY 257 3 13 ( " + key + "\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 1: '(' is never closed");
  }

  @Test
  void refusesTextWithoutAnyRecord() {
    assertThatThrownBy(() -> DnssecTrustAnchors.parse("; nothing here\n\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no DS or DNSKEY record: trust anchors are DS or DNSKEY records in DNS master-file text");
  }

  @Test
  void readsAFileAndNamesItWhenItsContentIsRefused(@TempDir Path directory) throws Exception {
    Path good = Files.writeString(directory.resolve("root.key"), "contoso.test. IN DS 12345 13 2 " + digest + "\n");
    Path bad = Files.writeString(directory.resolve("bad.key"), "contoso.test. IN TXT \"key\"\n");

    assertThat(DnssecTrustAnchors.read(good).zones()).containsExactly("contoso.test");
    assertThatThrownBy(() -> DnssecTrustAnchors.read(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(bad + ": line 1: a record of type TXT; trust anchors are DS or DNSKEY records");
    assertThatThrownBy(() -> DnssecTrustAnchors.read(directory.resolve("missing.key")))
        .isInstanceOf(NoSuchFileException.class);
  }
}

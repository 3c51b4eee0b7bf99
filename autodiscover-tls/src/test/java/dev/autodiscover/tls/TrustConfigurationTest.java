package dev.autodiscover.tls;

import static dev.autodiscover.tls.TestCertificates.authority;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustConfigurationTest {
  private final HeldCertificate root = authority("Contoso Test Root");
  private final HeldCertificate other = authority("Fabrikam Test Root");

  @TempDir Path directory;

  @Test
  void jdkDefaultsHoldTheJdkAuthoritiesAndAreLoadedOnce() {
    TrustConfiguration defaults = TrustConfiguration.jdkDefaults();

    assertThat(defaults.anchors()).isNotEmpty();
    assertThat(TrustConfiguration.jdkDefaults()).isSameAs(defaults);
  }

  @Test
  void plusAddsWithoutChangingTheOriginal() {
    TrustConfiguration only = TrustConfiguration.of(List.of(root.certificate()));

    TrustConfiguration both = only.plus(List.of(other.certificate(), root.certificate()));

    assertThat(only.anchors()).containsExactly(root.certificate());
    assertThat(both.anchors()).containsExactly(root.certificate(), other.certificate());
  }

  @Test
  void anchorsAreUnmodifiable() {
    TrustConfiguration trust = TrustConfiguration.of(List.of(root.certificate()));

    assertThatThrownBy(() -> trust.anchors().add(other.certificate()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void readPemLoadsEveryCertificateInOrder() throws Exception {
    Path file = directory.resolve("trust.pem");
    Files.writeString(file, "# corporate roots\n" + root.certificatePem()
        + "subject=CN=Fabrikam Test Root\r\n" + other.certificatePem().replace("\n", "\r\n"));

    List<X509Certificate> certificates = TrustConfiguration.readPem(file);

    assertThat(certificates).containsExactly(root.certificate(), other.certificate());
  }

  @Test
  void readPemNamesTheFileThatHoldsNoCertificate() throws Exception {
    Path file = directory.resolve("key.pem");
    Files.writeString(file, root.privateKeyPkcs8Pem());

    assertThatThrownBy(() -> TrustConfiguration.readPem(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no certificate in " + file);
  }

  @Test
  void readPemNamesTheFileThatCannotBeRead() {
    Path missing = directory.resolve("missing.pem");

    assertThatThrownBy(() -> TrustConfiguration.readPem(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot read certificates from " + missing);
  }

  @Test
  void readPemNamesTheFileThatHoldsABrokenCertificate() throws Exception {
    Path file = directory.resolve("broken.pem");
    Files.writeString(file, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

    assertThatThrownBy(() -> TrustConfiguration.readPem(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("certificate 1 in " + file + " is not a valid X.509 certificate");
  }
}

package dev.autodiscover.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import okhttp3.tls.HeldCertificate;

/**
 * Writes server certificates to temporary PKCS12 key stores for WireMock.
 *
 * <p>Thread safety: stateless.
 */
final class Keystores {

  /** Password of every key store written here; they only ever hold throw-away test keys. */
  static final String PASSWORD = "testkit";

  private Keystores() {}

  /** Writes {@code certificate}, its key and {@code chain} to a new temporary PKCS12 file. */
  static Path writePkcs12(HeldCertificate certificate, X509Certificate... chain) {
    try {
      List<Certificate> certificates = new ArrayList<>();
      certificates.add(certificate.certificate());
      certificates.addAll(List.of(chain));
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", certificate.keyPair().getPrivate(), PASSWORD.toCharArray(),
          certificates.toArray(new Certificate[0]));
      Path file = Files.createTempFile("autodiscover-testkit-", ".p12");
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, PASSWORD.toCharArray());
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write a temporary key store", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not build a PKCS12 key store", e);
    }
  }
}

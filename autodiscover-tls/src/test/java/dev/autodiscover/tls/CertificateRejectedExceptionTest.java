package dev.autodiscover.tls;

import static dev.autodiscover.tls.TestCertificates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class CertificateRejectedExceptionTest {
  private final CertificateDiagnosis diagnosis = new CertificateInspector(
          TrustConfiguration.of(List.of()), CertificateNameValidator.strict(),
          Clock.fixed(NOW, ZoneOffset.UTC))
      .diagnose(List.of(TestCertificates.server(null, "mail.contoso.test").certificate()),
          "contoso.test", 443);

  @Test
  void messageIsTheSummary() {
    CertificateRejectedException rejected = new CertificateRejectedException(diagnosis);

    assertThat(rejected).hasMessage(diagnosis.summary());
    assertThat(rejected.diagnosis()).isSameAs(diagnosis);
  }

  @Test
  void findDigsTheDiagnosisOutOfCauses() {
    SSLHandshakeException handshake = new SSLHandshakeException("handshake failed");
    handshake.initCause(new CertificateRejectedException(diagnosis));

    assertThat(CertificateRejectedException.find(new IOException("call failed", handshake)))
        .containsSame(diagnosis);
  }

  @Test
  void findLooksIntoSuppressedExceptions() {
    IOException failure = new IOException("all routes failed");
    failure.addSuppressed(new IOException("route 1", new CertificateRejectedException(diagnosis)));

    assertThat(CertificateRejectedException.find(failure)).containsSame(diagnosis);
  }

  @Test
  void findReturnsEmptyWithoutRejectionAndSurvivesCycles() {
    IOException first = new IOException("first");
    IOException second = new IOException("second", first);
    first.addSuppressed(second);

    assertThat(CertificateRejectedException.find(first)).isEmpty();
    assertThat(CertificateRejectedException.find(null)).isEmpty();
  }
}

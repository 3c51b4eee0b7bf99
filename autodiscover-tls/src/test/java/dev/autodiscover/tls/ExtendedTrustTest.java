package dev.autodiscover.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class ExtendedTrustTest {
  private final String sha256 = Certificates.sha256(
      new HeldCertificate.Builder().addSubjectAlternativeName("mail.contoso.test").build().certificate());
  private final String otherSha256 = Certificates.sha256(
      new HeldCertificate.Builder().addSubjectAlternativeName("mail.contoso.test").build().certificate());

  @Test
  void noneCoversNothing() {
    assertThat(ExtendedTrust.NONE.covers("mail.contoso.test", sha256)).isFalse();
  }

  @Test
  void exactlyCoversOneCertificateForOneHost() {
    ExtendedTrust trust = ExtendedTrust.exactly("mail.contoso.test", sha256);

    assertThat(trust.covers("mail.contoso.test", sha256)).isTrue();
    assertThat(trust.covers("MAIL.Contoso.TEST.", sha256.toUpperCase())).isTrue();
    assertThat(trust.covers("mail.contoso.test", otherSha256)).isFalse();
    assertThat(trust.covers("autodiscover.contoso.test", sha256)).isFalse();
  }

  @Test
  void pinForOneCertificateDoesNotCoverAnotherCertificateForTheSameHost() {
    PinStore store = PinStore.inMemory();
    store.pin("mail.contoso.test", sha256);

    assertThat(ExtendedTrust.pins(store).covers("mail.contoso.test", otherSha256)).isFalse();
  }

  @Test
  void pinForOneHostDoesNotCoverTheSameCertificateForAnotherHost() {
    PinStore store = PinStore.inMemory();
    store.pin("mail.contoso.test", sha256);

    assertThat(ExtendedTrust.pins(store).covers("autodiscover.contoso.test", sha256)).isFalse();
    assertThat(ExtendedTrust.pins(store).covers("Mail.Contoso.Test", sha256)).isTrue();
  }

  @Test
  void orCoversWhatEitherCovers() {
    PinStore store = PinStore.inMemory();
    store.pin("mail.contoso.test", otherSha256);
    ExtendedTrust trust =
        ExtendedTrust.exactly("mail.contoso.test", sha256).or(ExtendedTrust.pins(store));

    assertThat(trust.covers("mail.contoso.test", sha256)).isTrue();
    assertThat(trust.covers("mail.contoso.test", otherSha256)).isTrue();
    assertThat(trust.covers("www.contoso.test", sha256)).isFalse();
  }

  @Test
  void exactlyRefusesSomethingThatIsNotASha256() {
    assertThatThrownBy(() -> ExtendedTrust.exactly("mail.contoso.test", "ab12"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sha256 must be 64 hex digits");
  }
}

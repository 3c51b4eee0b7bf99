package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dialect-neutral shortcuts of {@link AutodiscoverSettings}, on the shapes each dialect fills in. */
class AutodiscoverSettingsTest {
  private static AutodiscoverSettings of(ProtocolSettings... protocols) {
    return new AutodiscoverSettings(UserSettings.empty(), Optional.empty(), List.of(protocols));
  }

  @Test
  void ewsUrlOfPoxIsTheFirstProtocolsEwsUrlInDocumentOrder() {
    AutodiscoverSettings pox = of(
        new ProtocolSettings("EXCH", Map.of("Server", "mbx")),
        new ProtocolSettings("EXPR", Map.of("EwsUrl", "https://mail.contoso.test/EWS/Exchange.asmx")),
        new ProtocolSettings("WEB", Map.of("EwsUrl", "https://other.contoso.test/EWS/Exchange.asmx")));

    assertThat(pox.ewsUrl()).contains("https://mail.contoso.test/EWS/Exchange.asmx");
    assertThat(pox.activeSyncUrl()).isEmpty();
  }

  @Test
  void ewsUrlOfAnAutodiscoverV2AnswerIsItsUrl() {
    AutodiscoverSettings json = of(new ProtocolSettings("Ews", Map.of("Url", "https://outlook.office365.com/EWS/Exchange.asmx")));

    assertThat(json.ewsUrl()).contains("https://outlook.office365.com/EWS/Exchange.asmx");
    assertThat(json.activeSyncUrl()).isEmpty();
  }

  @Test
  void activeSyncUrlOfAnAutodiscoverV2AnswerIsItsUrl() {
    AutodiscoverSettings json = of(new ProtocolSettings("ActiveSync",
        Map.of("Url", "https://outlook.office365.com/Microsoft-Server-ActiveSync")));

    assertThat(json.activeSyncUrl()).contains("https://outlook.office365.com/Microsoft-Server-ActiveSync");
    assertThat(json.ewsUrl()).isEmpty();
  }

  @Test
  void ewsUrlOfSoapSettingsPrefersTheExternalUrl() {
    AutodiscoverSettings soap = of(new ProtocolSettings("GetUserSettings", Map.of(
        "InternalEwsUrl", "https://cas.contoso.local/EWS/Exchange.asmx",
        "ExternalEwsUrl", "https://mail.contoso.test/EWS/Exchange.asmx")));
    AutodiscoverSettings internalOnly = of(new ProtocolSettings("GetUserSettings", Map.of(
        "InternalEwsUrl", "https://cas.contoso.local/EWS/Exchange.asmx")));

    assertThat(soap.ewsUrl()).contains("https://mail.contoso.test/EWS/Exchange.asmx");
    assertThat(internalOnly.ewsUrl()).contains("https://cas.contoso.local/EWS/Exchange.asmx");
  }

  @Test
  void activeSyncUrlIsTheMobileSyncServersUrlNotTheCertificateEnrollments() {
    AutodiscoverSettings activeSync = new AutodiscoverSettings(UserSettings.empty(), Optional.empty(), List.of(
        new ProtocolSettings("CertEnroll", Map.of("Url", "https://cert.contoso.test/CertEnroll")),
        new ProtocolSettings("MobileSync", Map.of("Url", "https://mail.contoso.test/Microsoft-Server-ActiveSync"))),
        Optional.empty(), Optional.of("en:us"));

    assertThat(activeSync.activeSyncUrl()).contains("https://mail.contoso.test/Microsoft-Server-ActiveSync");
    assertThat(activeSync.culture()).contains("en:us");
    assertThat(activeSync.ewsUrl()).isEmpty();
  }

  @Test
  void olderConstructorsLeaveTheCultureEmpty() {
    assertThat(of().culture()).isEmpty();
    assertThat(new AutodiscoverSettings(UserSettings.empty(), Optional.empty(), List.of(), Optional.of(Duration.ofHours(1)))
        .culture()).isEmpty();
  }
}

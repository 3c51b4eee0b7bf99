package dev.autodiscover.testkit;

import static dev.autodiscover.testkit.XmlDocuments.at;
import static dev.autodiscover.testkit.XmlDocuments.childNames;
import static dev.autodiscover.testkit.XmlDocuments.children;
import static dev.autodiscover.testkit.XmlDocuments.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ActiveSyncResponsesTest {

  private static final String ROOT = ActiveSyncResponses.ROOT_NAMESPACE;
  private static final String MOBILESYNC = ActiveSyncResponses.RESPONSE_NAMESPACE;

  /** The mobilesync {@code Response} under a root {@code Autodiscover}. */
  private static Element response(String xml) throws Exception {
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    Element root = XmlDocuments.parse(xml).getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("Autodiscover");
    assertThat(root.getNamespaceURI()).isEqualTo(ROOT);
    assertThat(childNames(root)).containsExactly("Response");
    return at(root, MOBILESYNC, "Response");
  }

  @Test
  void settingsAnswerHasTheMobileSyncShapeAndNamespaces() throws Exception {
    Element response = response(ActiveSyncResponses.settings()
        .displayName("Alice")
        .emailAddress("alice@contoso.test")
        .mobileSync("https://mail.contoso.test/Microsoft-Server-ActiveSync")
        .certEnroll("https://cert.contoso.test/CertEnroll", "CertEnrollTemplate")
        .server("MobileSync", "https://eas2.contoso.test/Microsoft-Server-ActiveSync", "EAS2")
        .build());

    assertThat(childNames(response)).containsExactly("Culture", "User", "Action");
    assertThat(text(response, MOBILESYNC, "Culture")).isEqualTo("en:us");
    assertThat(childNames(at(response, MOBILESYNC, "User")))
        .containsExactly("DisplayName", "EMailAddress");
    assertThat(text(response, MOBILESYNC, "User", "DisplayName")).isEqualTo("Alice");
    assertThat(text(response, MOBILESYNC, "User", "EMailAddress")).isEqualTo("alice@contoso.test");
    List<Element> servers = children(at(response, MOBILESYNC, "Action", "Settings"));
    assertThat(servers).hasSize(3).allSatisfy(server -> {
      assertThat(server.getLocalName()).isEqualTo("Server");
      assertThat(server.getNamespaceURI()).isEqualTo(MOBILESYNC);
    });
    assertThat(childNames(servers.get(0))).containsExactly("Type", "Url", "Name");
    assertThat(text(servers.get(0), MOBILESYNC, "Type")).isEqualTo("MobileSync");
    assertThat(text(servers.get(0), MOBILESYNC, "Url"))
        .isEqualTo("https://mail.contoso.test/Microsoft-Server-ActiveSync");
    assertThat(text(servers.get(0), MOBILESYNC, "Name"))
        .isEqualTo("https://mail.contoso.test/Microsoft-Server-ActiveSync");
    assertThat(childNames(servers.get(1))).containsExactly("Type", "Url", "Name", "ServerData");
    assertThat(text(servers.get(1), MOBILESYNC, "Type")).isEqualTo("CertEnroll");
    assertThat(text(servers.get(1), MOBILESYNC, "Name")).isEmpty();
    assertThat(text(servers.get(1), MOBILESYNC, "ServerData")).isEqualTo("CertEnrollTemplate");
    assertThat(text(servers.get(2), MOBILESYNC, "Name")).isEqualTo("EAS2");
  }

  @Test
  void cultureCanBeChangedAndUserIsLeftOutWhenUnknown() throws Exception {
    Element response = response(ActiveSyncResponses.settings().culture("de:de").build());

    assertThat(childNames(response)).containsExactly("Culture", "Action");
    assertThat(text(response, MOBILESYNC, "Culture")).isEqualTo("de:de");
    assertThat(children(at(response, MOBILESYNC, "Action", "Settings"))).isEmpty();
  }

  @Test
  void redirectNamesTheAddressInActionRedirect() throws Exception {
    Element response = response(ActiveSyncResponses.redirect("alice@contoso.mail.onmicrosoft.test"));

    assertThat(childNames(response)).containsExactly("Culture", "Action");
    assertThat(childNames(at(response, MOBILESYNC, "Action"))).containsExactly("Redirect");
    assertThat(text(response, MOBILESYNC, "Action", "Redirect"))
        .isEqualTo("alice@contoso.mail.onmicrosoft.test");
  }

  @Test
  void actionErrorHasStatusMessageAndDebugData() throws Exception {
    Element response = response(
        ActiveSyncResponses.actionError("1", "The directory service could not be reached"));

    Element error = at(response, MOBILESYNC, "Action", "Error");
    assertThat(childNames(error)).containsExactly("Status", "Message", "DebugData");
    assertThat(text(error, MOBILESYNC, "Status")).isEqualTo("1");
    assertThat(text(error, MOBILESYNC, "Message"))
        .isEqualTo("The directory service could not be reached");
    assertThat(text(error, MOBILESYNC, "DebugData")).isEmpty();
  }

  @Test
  void responseErrorLivesInTheRootNamespaceAsExchangeSendsIt() throws Exception {
    Element root = XmlDocuments.parse(ActiveSyncResponses.error("600", "Invalid Request"))
        .getDocumentElement();

    Element error = at(root, ROOT, "Response", "Error");
    assertThat(childNames(error)).containsExactly("ErrorCode", "Message", "DebugData");
    assertThat(text(error, ROOT, "ErrorCode")).isEqualTo("600");
    assertThat(text(error, ROOT, "Message")).isEqualTo("Invalid Request");
    assertThat(error.hasAttribute("Time")).isTrue();
    assertThat(error.hasAttribute("Id")).isTrue();
  }

  @Test
  void valuesAreEscaped() throws Exception {
    String hostile = "Tom & \"Jerry\" <Co>'s ]]> </Url>";

    Element response = response(ActiveSyncResponses.settings()
        .displayName(hostile).culture("<c>")
        .server("Mobile<Sync>", "https://a.test/?x=1&y=2", hostile)
        .certEnroll("https://c.test/", hostile)
        .build());

    assertThat(text(response, MOBILESYNC, "Culture")).isEqualTo("<c>");
    assertThat(text(response, MOBILESYNC, "User", "DisplayName")).isEqualTo(hostile);
    List<Element> servers = children(at(response, MOBILESYNC, "Action", "Settings"));
    assertThat(text(servers.get(0), MOBILESYNC, "Type")).isEqualTo("Mobile<Sync>");
    assertThat(text(servers.get(0), MOBILESYNC, "Url")).isEqualTo("https://a.test/?x=1&y=2");
    assertThat(text(servers.get(0), MOBILESYNC, "Name")).isEqualTo(hostile);
    assertThat(text(servers.get(1), MOBILESYNC, "ServerData")).isEqualTo(hostile);
    assertThat(text(response(ActiveSyncResponses.redirect("<a>&b")), MOBILESYNC,
        "Action", "Redirect")).isEqualTo("<a>&b");
    assertThat(text(response(ActiveSyncResponses.actionError("<1>", hostile)), MOBILESYNC,
        "Action", "Error", "Message")).isEqualTo(hostile);
  }
}

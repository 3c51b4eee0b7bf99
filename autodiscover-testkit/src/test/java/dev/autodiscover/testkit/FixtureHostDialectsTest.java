package dev.autodiscover.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The answers a fixture host gives in each Autodiscover dialect, over real HTTPS. */
class FixtureHostDialectsTest {

  private static final String EWS = "https://outlook.office365.com/EWS/Exchange.asmx";
  private static final String EWS_JSON = JsonResponses.answer("Ews", EWS);
  private static final String V1 = FixtureHost.JSON_V1_PATH_PREFIX + "alice%40contoso.test";
  private static final String BASIC_ALICE = "Basic YWxpY2U6c2VjcmV0";
  private static final String POX_REQUEST = "<Autodiscover xmlns=\"http://schemas.microsoft.com/"
      + "exchange/autodiscover/outlook/requestschema/2006\"><Request>"
      + "<EMailAddress>alice@contoso.test</EMailAddress><AcceptableResponseSchema>"
      + PoxResponses.OUTLOOK_NAMESPACE + "</AcceptableResponseSchema></Request></Autodiscover>";
  private static final String ACTIVESYNC_REQUEST = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
      + "<Autodiscover xmlns=\"" + FixtureHost.ACTIVESYNC_REQUEST_NAMESPACE + "\"><Request>"
      + "<EMailAddress>alice@contoso.test</EMailAddress><AcceptableResponseSchema>"
      + ActiveSyncResponses.RESPONSE_NAMESPACE + "</AcceptableResponseSchema></Request>"
      + "</Autodiscover>";
  private static final String SOAP_REQUEST = "<soap:Envelope xmlns:soap=\""
      + SoapResponses.SOAP_NAMESPACE + "\" xmlns:a=\"" + SoapResponses.AUTODISCOVER_NAMESPACE
      + "\"><soap:Body><a:GetUserSettingsRequestMessage><a:Request><a:Users><a:User>"
      + "<a:Mailbox>alice@contoso.test</a:Mailbox></a:User></a:Users><a:RequestedSettings>"
      + "<a:Setting>ExternalEwsUrl</a:Setting></a:RequestedSettings></a:Request>"
      + "</a:GetUserSettingsRequestMessage></soap:Body></soap:Envelope>";

  private static TestCertificateAuthority ca;
  private static FixtureHost host;
  private static OkHttpClient client;

  @BeforeAll
  static void start() {
    ca = TestCertificateAuthority.create("Fixture Host Dialects Test Root");
    host = FixtureHost.builder("autodiscover.contoso.test")
        .https(ca.issue("autodiscover.contoso.test", "127.0.0.1"))
        .start();
    client = TrustingClients.of(ca);
  }

  @AfterAll
  static void stop() {
    host.close();
  }

  @BeforeEach
  void reset() {
    host.clearResponses().clearRequests();
  }

  private static Response get(String pathAndQuery) throws IOException {
    return client.newCall(new Request.Builder()
        .url("https://127.0.0.1:" + host.httpsPort() + pathAndQuery).build()).execute();
  }

  private static Response post(String path, String body, String contentType, String... headers)
      throws IOException {
    Request.Builder request = new Request.Builder()
        .url("https://127.0.0.1:" + host.httpsPort() + path)
        .post(RequestBody.create(body, MediaType.get(contentType)));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.newCall(request.build()).execute();
  }

  private static String body(Response response) throws IOException {
    return response.body().string();
  }

  @Test
  void jsonAnswerIsServedOnBothFormsOfTheJsonUrlForAnyProtocol() throws IOException {
    host.respondWithJson(EWS_JSON);

    for (String url : new String[] {
        V1 + "?Protocol=Ews",
        V1 + "?Protocol=ActiveSync",
        "/AutoDiscover/AutoDiscover.json/V1.0/alice@contoso.test?Protocol=Rest",
        FixtureHost.JSON_PATH_PREFIX + "?Email=alice%40contoso.test&Protocol=Ews&RedirectCount=1",
        FixtureHost.JSON_PATH_PREFIX}) {
      try (Response response = get(url)) {
        assertThat(response.code()).as(url).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo(FixtureHost.JSON_CONTENT_TYPE);
        assertThat(body(response)).isEqualTo(EWS_JSON);
      }
    }
  }

  @Test
  void jsonAnswerIsNotServedElsewhereOrToAPost() throws IOException {
    host.respondWithJson(EWS_JSON);

    for (String url : new String[] {
        FixtureHost.JSON_V1_PATH_PREFIX + "?Protocol=Ews",
        V1 + "/extra?Protocol=Ews",
        "/autodiscover/autodiscover.jsonx?Protocol=Ews",
        FixtureHost.AUTODISCOVER_PATH}) {
      try (Response response = get(url)) {
        assertThat(response.code()).as(url).isEqualTo(404);
      }
    }
    try (Response response = post(V1 + "?Protocol=Ews", "{}", "application/json")) {
      assertThat(response.code()).isEqualTo(404);
    }
  }

  @Test
  void jsonAnswerForOneProtocolIsServedOnlyToThatProtocolInAnyLetterCase() throws IOException {
    String activeSync = JsonResponses.answer("ActiveSync",
        "https://outlook.office365.com/Microsoft-Server-ActiveSync");
    host.respondWithJson("Ews", EWS_JSON).respondWithJson("activesync", activeSync);

    try (Response ews = get(V1 + "?Protocol=EWS")) {
      assertThat(body(ews)).isEqualTo(EWS_JSON);
    }
    try (Response ews = get(FixtureHost.JSON_PATH_PREFIX + "?email=alice%40contoso.test&protocol=ews")) {
      assertThat(body(ews)).isEqualTo(EWS_JSON);
    }
    try (Response eas = get(V1 + "?Protocol=ActiveSync")) {
      assertThat(body(eas)).isEqualTo(activeSync);
    }
    for (String url : new String[] {V1 + "?Protocol=Rest", V1 + "?Protocol=Ewsx", V1,
        FixtureHost.AUTODISCOVER_PATH + "?Protocol=Ews"}) {
      try (Response other = get(url)) {
        assertThat(other.code()).as(url).isEqualTo(404);
      }
    }
  }

  @Test
  void jsonAnswerForOneProtocolWinsOverTheAnswerForAnyProtocol() throws IOException {
    String invalid = JsonResponses.error("InvalidProtocol", "The given protocol value is invalid.");
    host.respondWithJson("Ews", EWS_JSON).respondWithJson(400, invalid);

    try (Response ews = get(V1 + "?Protocol=Ews")) {
      assertThat(ews.code()).isEqualTo(200);
      assertThat(body(ews)).isEqualTo(EWS_JSON);
    }
    try (Response imap = get(V1 + "?Protocol=Imap")) {
      assertThat(imap.code()).isEqualTo(400);
      assertThat(imap.header("Content-Type")).isEqualTo(FixtureHost.JSON_CONTENT_TYPE);
      assertThat(TinyJson.object(body(imap))).containsEntry("ErrorCode", "InvalidProtocol");
    }
  }

  @Test
  void jsonRedirectCarriesItsLocationOnBothForms() throws IOException {
    String location = JsonResponses.redirectLocation(
        "autodiscover-s.outlook.com", "alice@contoso.test", "Ews", 1);
    host.redirectJson(302, location);

    for (String url : new String[] {
        V1 + "?Protocol=Ews", FixtureHost.JSON_PATH_PREFIX + "?Email=a%40b.test&Protocol=Ews"}) {
      try (Response response = get(url)) {
        assertThat(response.code()).as(url).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo(location);
      }
    }
  }

  @Test
  void jsonRequestsShowTheirMethodPathAndQuery() throws IOException {
    host.respondWithJson(EWS_JSON);

    get(V1 + "?Protocol=Ews").close();
    get(FixtureHost.JSON_PATH_PREFIX + "?Email=alice%40contoso.test&Protocol=Rest&RedirectCount=2")
        .close();

    assertThat(host.requests()).hasSize(2);
    ReceivedRequest v1 = host.requests().get(0);
    ReceivedRequest query = host.requests().get(1);
    assertThat(v1.method()).isEqualTo("GET");
    assertThat(v1.path()).isEqualTo(V1);
    assertThat(v1.query()).isEqualTo("Protocol=Ews");
    assertThat(query.path()).isEqualTo(FixtureHost.JSON_PATH_PREFIX);
    assertThat(query.queryParameter("email")).contains("alice@contoso.test");
    assertThat(query.queryParameter("Protocol")).contains("Rest");
    assertThat(query.queryParameter("RedirectCount")).contains("2");
  }

  @Test
  void soapAnswerIsServedToAPostOnTheSoapPathOnly() throws IOException {
    String xml = SoapResponses.settings().displayName("Alice").externalEwsUrl(EWS).build();
    host.respondWithSoap(xml);

    try (Response response = post("/AutoDiscover/AutoDiscover.svc", SOAP_REQUEST, "text/xml",
        "SOAPAction", SoapResponses.REQUEST_ACTION)) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Type")).isEqualTo(FixtureHost.XML_CONTENT_TYPE);
      assertThat(body(response)).isEqualTo(xml);
    }
    try (Response response = get(FixtureHost.SOAP_PATH)) {
      assertThat(response.code()).isEqualTo(404);
    }
    try (Response response = post(FixtureHost.AUTODISCOVER_PATH, SOAP_REQUEST, "text/xml")) {
      assertThat(response.code()).isEqualTo(404);
    }
    assertThat(host.requests().get(0).header("SOAPAction")).contains(SoapResponses.REQUEST_ACTION);
  }

  @Test
  void soapFaultIsServedWithTheStatusGiven() throws IOException {
    String fault = SoapResponses.fault("Client", "The request is not valid.");
    host.respondWithSoap(500, fault);

    try (Response response = post(FixtureHost.SOAP_PATH, SOAP_REQUEST, "text/xml")) {
      assertThat(response.code()).isEqualTo(500);
      assertThat(body(response)).isEqualTo(fault);
    }
  }

  @Test
  void authGuardChallengesEveryDialectButJsonUntilTheExpectedCredentialsArrive()
      throws IOException {
    String soap = SoapResponses.settings().displayName("Alice").build();
    String pox = PoxResponses.settings("Alice", "alice@contoso.test", EWS);
    String activeSync = ActiveSyncResponses.redirect("alice@contoso.mail.onmicrosoft.test");
    host.requireAuth("Basic", BASIC_ALICE).respondWithSoap(soap).respondWithPox(pox)
        .respondWithActiveSync(activeSync).respondWithJson(EWS_JSON);

    try (Response anonymous = post(FixtureHost.AUTODISCOVER_PATH, ACTIVESYNC_REQUEST, "text/xml")) {
      assertThat(anonymous.code()).isEqualTo(401);
    }
    try (Response authorized = post(FixtureHost.AUTODISCOVER_PATH, ACTIVESYNC_REQUEST, "text/xml",
        "Authorization", BASIC_ALICE)) {
      assertThat(body(authorized)).isEqualTo(activeSync);
    }

    for (String path : new String[] {FixtureHost.SOAP_PATH, FixtureHost.AUTODISCOVER_PATH}) {
      try (Response anonymous = post(path, SOAP_REQUEST, "text/xml")) {
        assertThat(anonymous.code()).as(path).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"autodiscover\"");
      }
      try (Response wrong = post(path, SOAP_REQUEST, "text/xml",
          "Authorization", "Basic d3Jvbmc6d3Jvbmc=")) {
        assertThat(wrong.code()).as(path).isEqualTo(401);
      }
    }
    try (Response soapAnswer = post(FixtureHost.SOAP_PATH, SOAP_REQUEST, "text/xml",
        "Authorization", BASIC_ALICE)) {
      assertThat(soapAnswer.code()).isEqualTo(200);
      assertThat(body(soapAnswer)).isEqualTo(soap);
    }
    try (Response poxAnswer = post(FixtureHost.AUTODISCOVER_PATH, POX_REQUEST, "text/xml",
        "Authorization", BASIC_ALICE)) {
      assertThat(body(poxAnswer)).isEqualTo(pox);
    }
    try (Response json = get(V1 + "?Protocol=Ews")) {
      assertThat(json.code()).isEqualTo(200);
    }
  }

  @Test
  void authGuardAloneLeavesAuthorizedRequestsUnanswered() throws IOException {
    host.requireAuth("Negotiate", "Negotiate abc");

    try (Response anonymous = post(FixtureHost.SOAP_PATH, SOAP_REQUEST, "text/xml")) {
      assertThat(anonymous.code()).isEqualTo(401);
      assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Negotiate realm=\"autodiscover\"");
    }
    try (Response authorized = post(FixtureHost.SOAP_PATH, SOAP_REQUEST, "text/xml",
        "Authorization", "Negotiate abc")) {
      assertThat(authorized.code()).isEqualTo(404);
    }
  }

  @Test
  void poxAndActiveSyncOnOnePathAreToldApartByTheRequestNamespace() throws IOException {
    String pox = PoxResponses.settings("Alice", "alice@contoso.test", EWS);
    String activeSync = ActiveSyncResponses.settings().emailAddress("alice@contoso.test")
        .mobileSync("https://mail.contoso.test/Microsoft-Server-ActiveSync").build();
    host.respondWithActiveSync(activeSync).respondWithPox(pox);

    try (Response response = post(FixtureHost.AUTODISCOVER_PATH, ACTIVESYNC_REQUEST, "text/xml")) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Type")).isEqualTo(FixtureHost.XML_CONTENT_TYPE);
      assertThat(body(response)).isEqualTo(activeSync);
    }
    try (Response response = post("/AUTODISCOVER/autodiscover.XML", POX_REQUEST, "text/xml")) {
      assertThat(body(response)).isEqualTo(pox);
    }
  }

  @Test
  void poxAnswerAloneStillAnswersEveryPostAsBefore() throws IOException {
    String pox = PoxResponses.settings("Alice", "alice@contoso.test", EWS);
    host.respondWithPox(pox);

    for (String request : new String[] {POX_REQUEST, ACTIVESYNC_REQUEST}) {
      try (Response response = post(FixtureHost.AUTODISCOVER_PATH, request, "text/xml")) {
        assertThat(body(response)).isEqualTo(pox);
      }
    }
  }

  @Test
  void activeSyncAnswerAloneLeavesPoxRequestsUnanswered() throws IOException {
    host.respondWithActiveSync(ActiveSyncResponses.redirect("alice@contoso.mail.onmicrosoft.test"));

    try (Response pox = post(FixtureHost.AUTODISCOVER_PATH, POX_REQUEST, "text/xml")) {
      assertThat(pox.code()).isEqualTo(404);
    }
    try (Response eas = get(FixtureHost.AUTODISCOVER_PATH)) {
      assertThat(eas.code()).isEqualTo(404);
    }
  }

  @Test
  void activeSyncAnswerWinsOverPoxErrorsAndRedirectsOnThePath() throws IOException {
    String activeSync = ActiveSyncResponses.actionError("2", "Provider error");
    host.respondWithActiveSync(activeSync)
        .redirect(302, "https://mail.contoso.test/autodiscover/autodiscover.xml");

    try (Response eas = post(FixtureHost.AUTODISCOVER_PATH, ACTIVESYNC_REQUEST, "text/xml")) {
      assertThat(eas.code()).isEqualTo(200);
      assertThat(body(eas)).isEqualTo(activeSync);
    }
    try (Response pox = post(FixtureHost.AUTODISCOVER_PATH, POX_REQUEST, "text/xml")) {
      assertThat(pox.code()).isEqualTo(302);
    }
  }

  @Test
  void oneHostServesAllFourDialectsAndRecordsWhichEachRequestUsed() throws IOException {
    String pox = PoxResponses.settings("Alice", "alice@contoso.test", EWS);
    String activeSync = ActiveSyncResponses.settings()
        .mobileSync("https://mail.contoso.test/Microsoft-Server-ActiveSync").build();
    String soap = SoapResponses.settings().externalEwsUrl(EWS).build();
    host.respondWithPox(pox)
        .respondWithActiveSync(activeSync)
        .respondWithSoap(soap)
        .respondWithJson(EWS_JSON);

    try (Response response = post(FixtureHost.AUTODISCOVER_PATH, POX_REQUEST, "text/xml")) {
      assertThat(body(response)).isEqualTo(pox);
    }
    try (Response response = post(FixtureHost.AUTODISCOVER_PATH, ACTIVESYNC_REQUEST, "text/xml")) {
      assertThat(body(response)).isEqualTo(activeSync);
    }
    try (Response response = post(FixtureHost.SOAP_PATH, SOAP_REQUEST, "text/xml; charset=utf-8",
        "SOAPAction", "\"" + SoapResponses.REQUEST_ACTION + "\"")) {
      assertThat(body(response)).isEqualTo(soap);
    }
    try (Response response = get(V1 + "?Protocol=Ews")) {
      assertThat(body(response)).isEqualTo(EWS_JSON);
    }

    assertThat(host.requests())
        .extracting(ReceivedRequest::method, ReceivedRequest::path, ReceivedRequest::query)
        .containsExactly(
            tuple("POST", FixtureHost.AUTODISCOVER_PATH, ""),
            tuple("POST", FixtureHost.AUTODISCOVER_PATH, ""),
            tuple("POST", FixtureHost.SOAP_PATH, ""),
            tuple("GET", V1, "Protocol=Ews"));
    assertThat(host.requests().get(0).body()).isEqualTo(POX_REQUEST);
    assertThat(host.requests().get(1).body()).contains(FixtureHost.ACTIVESYNC_REQUEST_NAMESPACE);
    assertThat(host.requests().get(2).header("SOAPAction"))
        .contains("\"" + SoapResponses.REQUEST_ACTION + "\"");
    assertThat(host.requests().get(3).queryParameter("protocol")).contains("Ews");
  }
}

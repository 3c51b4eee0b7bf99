package dev.autodiscover.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.Dialect;
import dev.autodiscover.ProtocolSettings;
import dev.autodiscover.UserSettings;
import dev.autodiscover.internal.dialect.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonAnswerTest {

  static final String EXCHANGE_ONLINE_EWS =
      "{\"Protocol\":\"EWS\",\"Url\":\"https://outlook.office365.com/EWS/Exchange.asmx\"}";
  static final String EXCHANGE_ONLINE_AUTODISCOVER_V1 =
      "{\"Protocol\":\"AutodiscoverV1\",\"Url\":\"https://outlook.office365.com/autodiscover/autodiscover.xml\"}";
  static final String EXCHANGE_ONLINE_INVALID_PROTOCOL =
      "{\"ErrorCode\":\"InvalidProtocol\",\"ErrorMessage\":\"The given protocol value 'Imap' is invalid. "
          + "Supported values are 'Rest,ActiveSync,Ews,AutodiscoverV1'\"}";

  // ---- Settings ----

  @Test
  void exchangeOnlinesEwsAnswerIsTheSettingsOfOneProtocolWithItsUrl() {
    Reply reply = read(EXCHANGE_ONLINE_EWS, "Ews");

    assertThat(reply).isEqualTo(settings("EWS", "https://outlook.office365.com/EWS/Exchange.asmx"));
    AutodiscoverSettings settings = ((Reply.Settings) reply).settings();
    assertThat(settings.user()).isEqualTo(UserSettings.empty());
    assertThat(settings.accountType()).isEmpty();
    assertThat(settings.protocol("Ews").flatMap(p -> p.value("Url")))
        .contains("https://outlook.office365.com/EWS/Exchange.asmx");
    assertThat(((Reply.Settings) reply).notes()).isEmpty();
  }

  @Test
  void activeSyncAndRestAnswersAreSettingsToo() {
    assertThat(read("{\"Protocol\":\"ActiveSync\",\"Url\":\"https://outlook.office365.com/Microsoft-Server-ActiveSync\"}", "ActiveSync"))
        .isEqualTo(settings("ActiveSync", "https://outlook.office365.com/Microsoft-Server-ActiveSync"));
    assertThat(read("{\"Protocol\":\"Rest\",\"Url\":\"https://outlook.office.com/api\"}", "Rest"))
        .isEqualTo(settings("Rest", "https://outlook.office.com/api"));
  }

  @Test
  void theProtocolIsKeptAsTheServerWroteItAndMatchedIgnoringCase() {
    assertThat(read("{\"Protocol\":\"ews\",\"Url\":\"https://mail.contoso.test/EWS/Exchange.asmx\"}", "EWS"))
        .isEqualTo(settings("ews", "https://mail.contoso.test/EWS/Exchange.asmx"));
  }

  @Test
  void memberNamesAreMatchedIgnoringCase() {
    assertThat(read("{\"protocol\":\"Ews\",\"URL\":\"https://mail.contoso.test/EWS/Exchange.asmx\"}", "Ews"))
        .isEqualTo(settings("Ews", "https://mail.contoso.test/EWS/Exchange.asmx"));
    assertThat(read("{\"PROTOCOL\":\"Ews\",\"uRl\":\"https://mail.contoso.test/\"}", "Ews"))
        .isEqualTo(settings("Ews", "https://mail.contoso.test/"));
  }

  @Test
  void theUrlIsTrimmedAndOtherMembersAreIgnored() {
    String body = """
        {
          "Protocol": "Ews",
          "Url": "  https://mail.contoso.test/EWS/Exchange.asmx\\r\\n",
          "Comment": {"nested": [1, 2, null]},
          "ErrorMessage": "only with an ErrorCode does this matter"
        }
        """;

    assertThat(read(body, "Ews")).isEqualTo(settings("Ews", "https://mail.contoso.test/EWS/Exchange.asmx"));
  }

  @Test
  void escapesInTheAnswerAreDecoded() {
    assertThat(read("{\"Protocol\":\"\\u0045ws\",\"Url\":\"https:\\/\\/mail.contoso.test\\/EWS\\/Exchange.asmx\"}", "Ews"))
        .isEqualTo(settings("Ews", "https://mail.contoso.test/EWS/Exchange.asmx"));
  }

  @Test
  void anAnswerAfterAByteOrderMarkAndWhitespaceIsRead() {
    byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("\r\n " + EXCHANGE_ONLINE_EWS + "\n"));

    assertThat(JsonAnswer.read(body, "Ews")).isEqualTo(settings("EWS", "https://outlook.office365.com/EWS/Exchange.asmx"));
  }

  // ---- AutodiscoverV1 ----

  @Test
  void anAutodiscoverV1AnswerIsTheUrlToAskInPox() {
    assertThat(read(EXCHANGE_ONLINE_AUTODISCOVER_V1, "AutodiscoverV1")).isEqualTo(new Reply.RedirectUrl(
        "https://outlook.office365.com/autodiscover/autodiscover.xml", "AutodiscoverV1 answer", Dialect.POX));
  }

  @Test
  void autodiscoverV1IsRecognisedInAnyCase() {
    assertThat(read("{\"protocol\":\"autodiscoverv1\",\"url\":\" https://mail.contoso.test/autodiscover/autodiscover.xml \"}",
        "AUTODISCOVERV1"))
        .isEqualTo(new Reply.RedirectUrl(
            "https://mail.contoso.test/autodiscover/autodiscover.xml", "AutodiscoverV1 answer", Dialect.POX));
  }

  // ---- Errors ----

  @Test
  void exchangeOnlinesInvalidProtocolAnswerIsAnError() {
    assertThat(read(EXCHANGE_ONLINE_INVALID_PROTOCOL, "Imap")).isEqualTo(new Reply.Error("InvalidProtocol",
        "Autodiscover v2 error InvalidProtocol: The given protocol value 'Imap' is invalid. "
            + "Supported values are 'Rest,ActiveSync,Ews,AutodiscoverV1'"));
  }

  @Test
  void anInternalServerErrorAnswerIsAnError() {
    assertThat(read("{\"ErrorCode\":\"InternalServerError\",\"ErrorMessage\":\"An internal server error occurred.\"}", "Ews"))
        .isEqualTo(new Reply.Error("InternalServerError",
            "Autodiscover v2 error InternalServerError: An internal server error occurred."));
  }

  @Test
  void anErrorNeedsNoMessageAndIgnoresOneThatIsNotAString() {
    assertThat(read("{\"errorcode\":\"MailboxNotFound\"}", "Ews"))
        .isEqualTo(new Reply.Error("MailboxNotFound", "Autodiscover v2 error MailboxNotFound"));
    assertThat(read("{\"ErrorCode\":\"MailboxNotFound\",\"ErrorMessage\":{\"text\":\"x\"}}", "Ews"))
        .isEqualTo(new Reply.Error("MailboxNotFound", "Autodiscover v2 error MailboxNotFound"));
    assertThat(read("{\"ErrorCode\":\" \",\"ErrorMessage\":\"Something failed\"}", "Ews"))
        .isEqualTo(new Reply.Error("", "Autodiscover v2 error without a code: Something failed"));
  }

  @Test
  void anErrorCodeWinsOverAUrlBesideIt() {
    assertThat(read("{\"Protocol\":\"Ews\",\"Url\":\"https://mail.contoso.test/\",\"ErrorCode\":\"InternalServerError\"}", "Ews"))
        .isEqualTo(new Reply.Error("InternalServerError", "Autodiscover v2 error InternalServerError"));
  }

  @Test
  void anErrorCodeThatIsNotAStringIsNotAutodiscover() {
    assertThat(read("{\"ErrorCode\":500,\"ErrorMessage\":\"x\"}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("member 'ErrorCode' is a number, not a string"));
  }

  @Test
  void anErrorsCodeAndMessageAreToldOnOneBoundedLine() {
    String message = "line one\r\nPREFIXED_HOST x: SUCCESS\u202E" + "y".repeat(10_000);

    Reply reply = read("{\"ErrorCode\":\"Bad\\nCode\",\"ErrorMessage\":\"" + message.replace("\r", "\\r").replace("\n", "\\n") + "\"}", "Ews");

    assertThat(reply).isInstanceOf(Reply.Error.class);
    Reply.Error error = (Reply.Error) reply;
    assertThat(error.code()).isEqualTo("Bad Code");
    assertThat(error.description())
        .startsWith("Autodiscover v2 error Bad Code: line one PREFIXED_HOST x: SUCCESS yyy")
        .endsWith("y…")
        .doesNotContain("\n", "\r", "\u202E")
        .hasSizeLessThan(500);
  }

  // ---- Not an answer ----

  @Test
  void anAnswerForAnotherProtocolIsNotTheAnswerAsked() {
    assertThat(read(EXCHANGE_ONLINE_EWS, "ActiveSync"))
        .isEqualTo(new Reply.NotAutodiscover("answer for protocol 'EWS', not 'ActiveSync' as asked"));
    assertThat(read(EXCHANGE_ONLINE_AUTODISCOVER_V1, "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("answer for protocol 'AutodiscoverV1', not 'Ews' as asked"));
  }

  @Test
  void protocolsAreComparedInAsciiCaseOnlySoALookAlikeIsAnotherProtocol() {
    // U+017F, the long s, is "S" in upper case and would pass String.equalsIgnoreCase.
    assertThat(read("{\"Protocol\":\"Ew\u017F\",\"Url\":\"https://mail.contoso.test/\"}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("answer for protocol 'Ew\u017F', not 'Ews' as asked"));
  }

  @Test
  void aProtocolOnSeveralLinesIsToldOnOne() {
    assertThat(read("{\"Protocol\":\"Ews\\n\\nsettings: ok\",\"Url\":\"https://mail.contoso.test/\"}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("answer for protocol 'Ews settings: ok', not 'Ews' as asked"));
  }

  @Test
  void anAnswerWithoutAUsableUrlIsNotAutodiscover() {
    assertThat(read("{\"Protocol\":\"Ews\"}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("an answer without a Url"));
    assertThat(read("{\"Protocol\":\"Ews\",\"Url\":\" \\t\\r\\n \"}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("an answer with a blank Url"));
    assertThat(read("{\"Protocol\":\"Ews\",\"Url\":\"\"}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("an answer with a blank Url"));
    assertThat(read("{\"Protocol\":\"Ews\",\"url\":null}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("member 'url' is null, not a string"));
    assertThat(read("{\"Protocol\":\"Ews\",\"Url\":[\"https://mail.contoso.test/\"]}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("member 'Url' is an array, not a string"));
  }

  @Test
  void anAnswerWithoutAUsableProtocolIsNotAutodiscover() {
    assertThat(read("{\"Url\":\"https://mail.contoso.test/\"}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("an answer without a Protocol"));
    assertThat(read("{\"Protocol\":true,\"Url\":\"https://mail.contoso.test/\"}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("member 'Protocol' is a boolean, not a string"));
  }

  @Test
  void anObjectWithNothingOfAnAnswerIsNotAutodiscover() {
    assertThat(read("{}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("a JSON object without Protocol, Url or ErrorCode"));
    assertThat(read("{\"error\":\"not found\"}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("a JSON object without Protocol, Url or ErrorCode"));
  }

  @Test
  void jsonThatIsNotAnObjectIsNotAutodiscover() {
    assertThat(read("[" + EXCHANGE_ONLINE_EWS + "]", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("the JSON is an array, not an object as an Autodiscover v2 answer is"));
    assertThat(read("\"https://mail.contoso.test/\"", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("the JSON is a string, not an object as an Autodiscover v2 answer is"));
    assertThat(read("null", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("the JSON is null, not an object as an Autodiscover v2 answer is"));
  }

  // ---- Two Urls ----

  @Test
  void aUrlWrittenTwiceIsRefusedSoThatNoReaderSeesADifferentOne() {
    assertThat(read("{\"Protocol\":\"Ews\",\"Url\":\"https://good.test/\",\"Url\":\"https://evil.test/\"}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("malformed JSON: duplicate member name 'Url' at byte 45"));
  }

  @Test
  void aUrlWrittenTwiceInDifferentCaseIsRefusedToo() {
    assertThat(read("{\"Protocol\":\"Ews\",\"Url\":\"https://good.test/\",\"URL\":\"https://evil.test/\"}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("duplicate member: 'Url' and 'URL' differ only in case"));
    assertThat(read("{\"protocol\":\"Ews\",\"Protocol\":\"Ews\",\"Url\":\"https://good.test/\"}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("duplicate member: 'protocol' and 'Protocol' differ only in case"));
  }

  @Test
  void anyTwoMembersDifferingOnlyInCaseAreRefused() {
    assertThat(read("{\"Protocol\":\"Ews\",\"Url\":\"https://good.test/\",\"x\":1,\"X\":2}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("duplicate member: 'x' and 'X' differ only in case"));
  }

  // ---- Bodies that are not JSON ----

  @Test
  void malformedJsonIsNotAutodiscoverSayingWhatAndWhere() {
    assertThat(read("{\"Protocol\":\"Ews\",\"Url\":\"https://mail.contoso.test/\"", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("malformed JSON: expected ',' or '}', found the end at byte 52"));
    assertThat(read("{'Protocol':'Ews'}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("malformed JSON: expected a member name, found ''' at byte 1"));
  }

  @Test
  void aPoxAnswerAtTheJsonAddressIsMalformedJson() {
    assertThat(read("<?xml version=\"1.0\"?><Autodiscover/>", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("malformed JSON: expected a value, found '<' at byte 0"));
  }

  @Test
  void anHtmlPageIsNotAutodiscover() {
    Reply.NotAutodiscover html = new Reply.NotAutodiscover("an HTML page, not an Autodiscover v2 answer");

    assertThat(read("<!DOCTYPE html>\n<html><body>Sign in</body></html>", "Ews")).isEqualTo(html);
    assertThat(read("\r\n  <HTML><head><title>404</title></head></HTML>", "Ews")).isEqualTo(html);
    assertThat(JsonAnswer.read(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("<!doctype HTML>")), "Ews"))
        .isEqualTo(html);
  }

  @Test
  void anEmptyBodyIsNotAutodiscover() {
    Reply.NotAutodiscover empty = new Reply.NotAutodiscover("empty response body");

    assertThat(JsonAnswer.read(new byte[0], "Ews")).isEqualTo(empty);
    assertThat(read(" \r\n\t", "Ews")).isEqualTo(empty);
    assertThat(JsonAnswer.read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "Ews")).isEqualTo(empty);
  }

  @Test
  void aBodyLargerThan64KibIsNotAutodiscoverAndOneOfExactly64KibIsRead() {
    String answer = EXCHANGE_ONLINE_EWS;
    String exactly = answer + " ".repeat(JsonAnswer.MAX_BODY_BYTES - answer.length());

    assertThat(read(exactly, "Ews")).isInstanceOf(Reply.Settings.class);
    assertThat(read(exactly + " ", "Ews")).isEqualTo(new Reply.NotAutodiscover("response larger than 64 KiB"));
  }

  @Test
  void invalidUtf8IsMalformed() {
    byte[] body = utf8("{\"Protocol\":\"Ews\",\"Url\":\"https://mail.contoso.test/x\"}");
    body[body.length - 4] = (byte) 0xFF;

    assertThat(JsonAnswer.read(body, "Ews")).isEqualTo(new Reply.NotAutodiscover("malformed JSON: invalid UTF-8 at byte 50"));
  }

  @Test
  void aNulInAStringMustBeEscapedAndIsThenJustACharacterOfTheUrl() {
    assertThat(read("{\"Protocol\":\"Ews\",\"Url\":\"https://good.test/\u0000.evil.test/\"}", "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("malformed JSON: unescaped control character 0x00 in a string at byte 43"));
    assertThat(read("{\"Protocol\":\"Ews\",\"Url\":\"https://good.test/\\u0000.evil.test/\"}", "Ews"))
        .isEqualTo(settings("Ews", "https://good.test/\u0000.evil.test/"));
  }

  @Test
  void deepNestingIsMalformedWithoutExhaustingTheStack() {
    assertThat(read("{\"Protocol\":\"Ews\",\"x\":" + "[".repeat(60_000), "Ews"))
        .isEqualTo(new Reply.NotAutodiscover("malformed JSON: arrays and objects nested deeper than 32 levels at byte 53"));
  }

  // ---- Helpers ----

  private static Reply read(String body, String askedProtocol) {
    return JsonAnswer.read(utf8(body), askedProtocol);
  }

  private static Reply.Settings settings(String protocol, String url) {
    return new Reply.Settings(new AutodiscoverSettings(
        UserSettings.empty(), Optional.empty(), List.of(new ProtocolSettings(protocol, Map.of("Url", url)))));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}

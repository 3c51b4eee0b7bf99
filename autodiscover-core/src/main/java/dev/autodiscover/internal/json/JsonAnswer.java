package dev.autodiscover.internal.json;

import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.Dialect;
import dev.autodiscover.ProtocolSettings;
import dev.autodiscover.UserSettings;
import dev.autodiscover.internal.ServerText;
import dev.autodiscover.internal.dialect.Reply;
import dev.autodiscover.internal.http.Bodies;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an Autodiscover v2 answer, the body of a
 * {@code GET /autodiscover/autodiscover.json/v1.0/<email>?Protocol=<name>} (see
 * {@link JsonRequest}), into a {@link Reply}.
 *
 * <p>The body is read by {@link JsonReader} (strict RFC 8259, bounded, no duplicate members) and
 * must be one JSON object. Member names are matched ignoring ASCII case, since servers vary; two
 * members whose names differ only in ASCII case are refused as duplicates, so that a body cannot
 * show one reader one {@code Url} and another reader another. Decisions, first match wins:
 * <ol>
 *   <li>an {@code ErrorCode} string: {@link Reply.Error}, its description holding the code and
 *       the {@code ErrorMessage} string, if any (Exchange Online answers an unknown protocol with
 *       {@code {"ErrorCode":"InvalidProtocol","ErrorMessage":"The given protocol value ..."}});
 *   <li>a {@code Protocol} string equal to the protocol asked, ignoring ASCII case, and a
 *       {@code Url} string that is not blank: for {@code AutodiscoverV1}, a
 *       {@link Reply.RedirectUrl} to ask in {@link Dialect#POX}; for any other protocol,
 *       {@link Reply.Settings} holding one {@link ProtocolSettings} of that protocol, as the
 *       server wrote its name, with the trimmed URL under {@code Url};
 *   <li>anything else, and a body that is empty, larger than {@value #MAX_BODY_BYTES} bytes, an
 *       HTML page or not JSON: {@link Reply.NotAutodiscover} saying why.
 * </ol>
 *
 * <p>Every reason and description is one bounded line ({@link ServerText}). This class does not
 * throw for any body. Stateless and thread-safe.
 */
public final class JsonAnswer {

  /** The largest body read (64 KiB); a longer body is not an Autodiscover v2 answer. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** The protocol whose answer is the URL of a POX Autodiscover service. */
  public static final String AUTODISCOVER_V1 = "AutodiscoverV1";

  private static final String HTML_PAGE = "an HTML page, not an Autodiscover v2 answer";

  private JsonAnswer() {}

  /**
   * Reads {@code body}, the answer to a request for {@code askedProtocol}.
   *
   * @param body the response body as received
   * @param askedProtocol the {@code Protocol} the request named, such as {@code Ews} or
   *     {@code AutodiscoverV1}
   */
  public static Reply read(byte[] body, String askedProtocol) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(askedProtocol, "askedProtocol");
    if (body.length > MAX_BODY_BYTES) {
      return new Reply.NotAutodiscover("response larger than 64 KiB");
    }
    if (firstContent(body) == body.length) {
      return new Reply.NotAutodiscover("empty response body");
    }
    if (Bodies.startsLikeHtml(body)) {
      return new Reply.NotAutodiscover(HTML_PAGE);
    }
    JsonValue value;
    try {
      value = JsonReader.read(body);
    } catch (JsonReader.Malformed e) {
      return new Reply.NotAutodiscover("malformed JSON: " + ServerText.oneLine(e.getMessage()));
    }
    if (!(value instanceof JsonValue.ObjectValue answer)) {
      return new Reply.NotAutodiscover(
          "the JSON is " + value.kind() + ", not an object as an Autodiscover v2 answer is");
    }
    return interpret(answer, askedProtocol);
  }

  private static Reply interpret(JsonValue.ObjectValue answer, String askedProtocol) {
    Map<String, Map.Entry<String, JsonValue>> members = new HashMap<>();
    for (Map.Entry<String, JsonValue> member : answer.members().entrySet()) {
      Map.Entry<String, JsonValue> earlier =
          members.putIfAbsent(asciiLowerCase(member.getKey()), member);
      if (earlier != null) {
        return new Reply.NotAutodiscover(
            "duplicate member: " + ServerText.quoted(earlier.getKey()) + " and "
                + ServerText.quoted(member.getKey()) + " differ only in case");
      }
    }
    Optional<Map.Entry<String, JsonValue>> errorCode = member(members, "ErrorCode");
    if (errorCode.isPresent()) {
      return error(errorCode.get(), member(members, "ErrorMessage"));
    }
    Optional<Map.Entry<String, JsonValue>> protocol = member(members, "Protocol");
    Optional<Map.Entry<String, JsonValue>> url = member(members, "Url");
    if (protocol.isEmpty() && url.isEmpty()) {
      return new Reply.NotAutodiscover("a JSON object without Protocol, Url or ErrorCode");
    }
    if (protocol.isEmpty()) {
      return new Reply.NotAutodiscover("an answer without a Protocol");
    }
    Optional<String> protocolName = string(protocol.get());
    if (protocolName.isEmpty()) {
      return notAString(protocol.get());
    }
    String answered = protocolName.get();
    if (!equalsIgnoringAsciiCase(answered, askedProtocol)) {
      return new Reply.NotAutodiscover(
          "answer for protocol " + ServerText.quoted(answered) + ", not "
              + ServerText.quoted(askedProtocol) + " as asked");
    }
    if (url.isEmpty()) {
      return new Reply.NotAutodiscover("an answer without a Url");
    }
    Optional<String> urlText = string(url.get());
    if (urlText.isEmpty()) {
      return notAString(url.get());
    }
    String target = urlText.get().trim();
    if (target.isBlank()) {
      return new Reply.NotAutodiscover("an answer with a blank Url");
    }
    if (equalsIgnoringAsciiCase(askedProtocol, AUTODISCOVER_V1)) {
      return new Reply.RedirectUrl(target, "AutodiscoverV1 answer", Dialect.POX);
    }
    return new Reply.Settings(
        new AutodiscoverSettings(
            UserSettings.empty(),
            Optional.empty(),
            List.of(new ProtocolSettings(answered, Map.of("Url", target)))));
  }

  private static Reply error(
      Map.Entry<String, JsonValue> errorCode, Optional<Map.Entry<String, JsonValue>> errorMessage) {
    Optional<String> codeText = string(errorCode);
    if (codeText.isEmpty()) {
      return notAString(errorCode);
    }
    String code = ServerText.oneLine(codeText.get());
    // An ErrorMessage that is not a string is left out: the code alone says what went wrong.
    String message = errorMessage.flatMap(JsonAnswer::string).map(ServerText::oneLine).orElse("");
    String what = code.isEmpty() ? "Autodiscover v2 error without a code" : "Autodiscover v2 error";
    return new Reply.Error(code, ServerText.errorLine(what, code, message, Optional.empty()));
  }

  private static Reply notAString(Map.Entry<String, JsonValue> member) {
    return new Reply.NotAutodiscover(
        "member " + ServerText.quoted(member.getKey()) + " is " + member.getValue().kind()
            + ", not a string");
  }

  /** The member whose name is {@code name} ignoring ASCII case, with the name as written. */
  private static Optional<Map.Entry<String, JsonValue>> member(
      Map<String, Map.Entry<String, JsonValue>> members, String name) {
    return Optional.ofNullable(members.get(asciiLowerCase(name)));
  }

  private static Optional<String> string(Map.Entry<String, JsonValue> member) {
    return member.getValue() instanceof JsonValue.StringValue text
        ? Optional.of(text.value())
        : Optional.empty();
  }

  // ---- ASCII case, which is all that servers vary; other scripts' case is not folded ----

  private static String asciiLowerCase(String text) {
    StringBuilder lower = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return lower.toString();
  }

  private static boolean equalsIgnoringAsciiCase(String a, String b) {
    return a.length() == b.length() && asciiLowerCase(a).equals(asciiLowerCase(b));
  }

  // ---- The start of the body ----

  /** The offset of the first byte after a UTF-8 byte order mark and whitespace. */
  private static int firstContent(byte[] body) {
    int i = 0;
    if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
        && (body[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (i < body.length
        && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) {
      i++;
    }
    return i;
  }
}

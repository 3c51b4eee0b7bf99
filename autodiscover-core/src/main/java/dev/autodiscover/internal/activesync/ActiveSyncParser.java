package dev.autodiscover.internal.activesync;

import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.ProtocolSettings;
import dev.autodiscover.UserSettings;
import dev.autodiscover.internal.ServerText;
import dev.autodiscover.internal.dialect.Reply;
import dev.autodiscover.internal.xml.XmlTree;
import dev.autodiscover.internal.xml.XmlTree.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the answer to an ActiveSync Autodiscover request ([MS-ASCMD] 2.2.1.1.2) into a
 * {@link Reply}.
 *
 * <p>The body is read by {@link XmlTree}, with the same refusals and bounds as a POX answer. The
 * root element must be {@code Autodiscover} in the {@value #ROOT_NAMESPACE} namespace, and its
 * {@code Response} in either the mobilesync {@value #MOBILESYNC_NAMESPACE} namespace or the root
 * namespace (which servers use for the {@code Response/Error} form). Below {@code Response},
 * elements are matched by local name only. Decisions, first match wins:
 * <ol>
 *   <li>{@code Response/Error} (the request was refused: {@code ErrorCode} 600, an invalid
 *       request, or 601, no provider for the schema asked for): {@link Reply.Error};
 *   <li>{@code Action/Error} (the server failed for this mailbox; {@code Status} 2 is a protocol
 *       error): {@link Reply.Error} with the status as its code;
 *   <li>{@code Action/Redirect}, an SMTP address whose domain the client starts again with:
 *       {@link Reply.RedirectAddr}, or {@code NotAutodiscover} if it is empty;
 *   <li>{@code Action/Settings}: {@link Reply.Settings} with one {@link ProtocolSettings} per
 *       {@code Server}, typed by its {@code Type} ({@code MobileSync}, {@code CertEnroll}...) and
 *       holding its other values ({@code Url}, {@code Name}, {@code ServerData}...) by path; the
 *       user from {@code User/DisplayName} and {@code User/EMailAddress}. Settings without a
 *       {@code Server} are {@code NotAutodiscover};
 *   <li>otherwise {@code NotAutodiscover}.
 * </ol>
 *
 * <p>Stateless and thread-safe.
 */
public final class ActiveSyncParser {

  /** The largest body this parser reads; a longer body is not Autodiscover. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  static final String ROOT_NAMESPACE =
      "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
  static final String MOBILESYNC_NAMESPACE = ActiveSyncRequest.RESPONSE_SCHEMA;

  private ActiveSyncParser() {}

  /** Reads {@code body}, a response to an ActiveSync Autodiscover request; never throws for bad input. */
  public static Reply parse(byte[] body) {
    Objects.requireNonNull(body, "body");
    Element root;
    try {
      root = XmlTree.read(body, MAX_BODY_BYTES, "Autodiscover", List.of(ROOT_NAMESPACE));
    } catch (XmlTree.Refused e) {
      return new Reply.NotAutodiscover(e.reason());
    }
    Optional<Element> found = root.child("Response");
    if (found.isEmpty()) {
      return new Reply.NotAutodiscover("no Response in the Autodiscover document");
    }
    Element response = found.get();
    if (!response.namespace().equals(MOBILESYNC_NAMESPACE)
        && !response.namespace().equals(ROOT_NAMESPACE)) {
      return new Reply.NotAutodiscover(
          "Response element is " + response.qualifiedName()
              + ", expected namespace " + MOBILESYNC_NAMESPACE);
    }
    Optional<Element> error = response.child("Error");
    if (error.isPresent()) {
      return error(error.get(), "ErrorCode", "Autodiscover error");
    }
    Optional<Element> action = response.child("Action");
    if (action.isEmpty()) {
      return new Reply.NotAutodiscover("no Action or Error in the response");
    }
    return action(response, action.get());
  }

  private static Reply action(Element response, Element action) {
    Optional<Element> error = action.child("Error");
    if (error.isPresent()) {
      return error(error.get(), "Status", "Autodiscover status");
    }
    if (action.child("Redirect").isPresent()) {
      return action.childText("Redirect")
          .<Reply>map(address -> new Reply.RedirectAddr(address, "Redirect"))
          .orElseGet(() -> new Reply.NotAutodiscover("Redirect without an address"));
    }
    Optional<Element> settings = action.child("Settings");
    if (settings.isPresent()) {
      return settings(response, settings.get());
    }
    return new Reply.NotAutodiscover("Action without Error, Redirect or Settings");
  }

  private static Reply.Error error(Element error, String codeElement, String what) {
    String code = error.childText(codeElement).orElse("");
    String shown = codeElement.equals("Status") && code.equals("2") ? "2 (protocol error)" : code;
    return new Reply.Error(code, ServerText.errorLine(
        what, shown, error.childText("Message").orElse(""), error.childText("DebugData")));
  }

  private static Reply settings(Element response, Element settings) {
    List<ProtocolSettings> servers = new ArrayList<>();
    for (Element server : settings.children("Server")) {
      servers.add(server(server));
    }
    if (servers.isEmpty()) {
      return new Reply.NotAutodiscover("settings without a server");
    }
    UserSettings user =
        response.child("User")
            .map(u -> new UserSettings(
                u.childText("DisplayName"), Optional.empty(), u.childText("EMailAddress"), Optional.empty()))
            .orElse(UserSettings.empty());
    return new Reply.Settings(new AutodiscoverSettings(
        user, Optional.empty(), servers, Optional.empty(), response.childText("Culture")));
  }

  private static ProtocolSettings server(Element server) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Element child : server.children()) {
      if (!(child.name().equals("Type") && child.isLeaf())) {
        child.collectLeaves(child.name(), values);
      }
    }
    return new ProtocolSettings(server.childText("Type").orElse(""), values);
  }
}

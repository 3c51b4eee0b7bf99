package dev.autodiscover.internal.pox;

import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.ProtocolSettings;
import dev.autodiscover.UserSettings;
import dev.autodiscover.internal.ServerText;
import dev.autodiscover.internal.xml.XmlTree;
import dev.autodiscover.internal.xml.XmlTree.Element;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a POX Autodiscover response body ([MS-OXDSCLI] 2.2.4) into a {@link PoxResponse}.
 *
 * <p>The body comes from servers that may be hostile or may be a public web site, so nothing in
 * it is trusted: it is read by {@link XmlTree}, which refuses document type declarations before
 * anything they declare is used, never fetches anything, and bounds the body size, element depth,
 * number of elements and text per element; this class bounds the number of {@code Protocol}
 * elements too. Whatever is not a usable Autodiscover response becomes
 * {@link PoxResponse.NotAutodiscover}; this class does not throw for bad input.
 *
 * <p>The root element must be {@code Autodiscover} in the {@value #ROOT_NAMESPACE} namespace, and
 * its {@code Response} in either the Outlook {@value #OUTLOOK_NAMESPACE} namespace or the root
 * namespace (which servers use for the {@code Response/Error} form). Below {@code Response},
 * elements are matched by local name only. Decisions, first match wins:
 * <ol>
 *   <li>{@code Response/Error} or {@code Response/Account/Error}: {@link PoxResponse.Error};
 *   <li>{@code Account/Action} {@code redirectAddr} or {@code redirectUrl} (any case): the
 *       redirect, or {@code NotAutodiscover} if its target element is missing or empty;
 *   <li>{@code Account/Action} {@code settings}, or no {@code Action} but at least one
 *       {@code Protocol}: {@link PoxResponse.Settings};
 *   <li>another {@code Action}: {@code NotAutodiscover} naming it;
 *   <li>otherwise {@code NotAutodiscover}.
 * </ol>
 *
 * <p>Stateless and thread-safe.
 */
public final class PoxParser {

  /** The largest body this parser reads; a longer body is not Autodiscover. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  static final String ROOT_NAMESPACE =
      "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
  static final String OUTLOOK_NAMESPACE = PoxRequest.RESPONSE_SCHEMA;
  static final int MAX_PROTOCOLS = 200;

  private static final String NOTHING_USABLE = "no Account, Action or Error in the response";

  private PoxParser() {}

  /** Reads {@code body}, a response to a POX request, in whatever encoding it declares. */
  public static PoxResponse parse(byte[] body) {
    Objects.requireNonNull(body, "body");
    Element root;
    try {
      root = XmlTree.read(body, MAX_BODY_BYTES, "Autodiscover", List.of(ROOT_NAMESPACE));
    } catch (XmlTree.Refused e) {
      return new PoxResponse.NotAutodiscover(e.reason());
    }
    if (root.count("Protocol") > MAX_PROTOCOLS) {
      return new PoxResponse.NotAutodiscover("more than " + MAX_PROTOCOLS + " Protocol elements");
    }
    return interpret(root);
  }

  // ---- Interpreting the tree ----

  private static PoxResponse interpret(Element root) {
    Optional<Element> found = root.child("Response");
    if (found.isEmpty()) {
      return new PoxResponse.NotAutodiscover(NOTHING_USABLE);
    }
    Element response = found.get();
    if (!response.namespace().equals(OUTLOOK_NAMESPACE)
        && !response.namespace().equals(ROOT_NAMESPACE)) {
      return new PoxResponse.NotAutodiscover(
          "Response element is " + response.qualifiedName()
              + ", expected namespace " + OUTLOOK_NAMESPACE);
    }
    Optional<Element> error = response.child("Error");
    if (error.isPresent()) {
      return error(error.get());
    }
    Optional<Element> accountElement = response.child("Account");
    if (accountElement.isEmpty()) {
      return new PoxResponse.NotAutodiscover(NOTHING_USABLE);
    }
    Element account = accountElement.get();
    Optional<Element> accountError = account.child("Error");
    if (accountError.isPresent()) {
      return error(accountError.get());
    }
    Optional<String> action = account.childText("Action");
    String verb = action.map(a -> a.toLowerCase(Locale.ROOT)).orElse("");
    switch (verb) {
      case "redirectaddr" -> {
        return account.childText("RedirectAddr")
            .<PoxResponse>map(PoxResponse.RedirectAddr::new)
            .orElseGet(() -> new PoxResponse.NotAutodiscover("redirectAddr without an address"));
      }
      case "redirecturl" -> {
        return account.childText("RedirectUrl")
            .<PoxResponse>map(PoxResponse.RedirectUrl::new)
            .orElseGet(() -> new PoxResponse.NotAutodiscover("redirectUrl without a URL"));
      }
      case "settings" -> {
        return new PoxResponse.Settings(settings(response, account));
      }
      case "" -> {
        return account.child("Protocol").isPresent()
            ? new PoxResponse.Settings(settings(response, account))
            : new PoxResponse.NotAutodiscover(NOTHING_USABLE);
      }
      default -> {
        return new PoxResponse.NotAutodiscover(
            "unknown Action \"" + abbreviate(action.get()) + "\"");
      }
    }
  }

  private static PoxResponse.Error error(Element error) {
    return new PoxResponse.Error(
        error.childText("ErrorCode").orElse(""),
        error.childText("Message").orElse(""),
        error.childText("DebugData"));
  }

  private static AutodiscoverSettings settings(Element response, Element account) {
    UserSettings user =
        response.child("User")
            .map(u -> new UserSettings(
                u.childText("DisplayName"),
                u.childText("LegacyDN"),
                u.childText("AutoDiscoverSMTPAddress"),
                u.childText("DeploymentId")))
            .orElse(UserSettings.empty());
    List<ProtocolSettings> protocols = new ArrayList<>();
    for (Element protocol : account.children("Protocol")) {
      protocols.add(protocol(protocol));
    }
    return new AutodiscoverSettings(
        user,
        account.childText("AccountType"),
        protocols,
        account.childText("TTL").flatMap(PoxParser::hours));
  }

  private static ProtocolSettings protocol(Element protocol) {
    String type =
        protocol.childText("Type")
            .orElseGet(() -> protocol.attributes().getOrDefault("Type", ""));
    Map<String, String> values = new LinkedHashMap<>();
    protocol.attributes().forEach(
        (name, value) -> {
          if (!name.equals("Type")) {
            values.putIfAbsent("@" + name, value);
          }
        });
    for (Element child : protocol.children()) {
      if (!(child.name().equals("Type") && child.isLeaf())) {
        child.collectLeaves(child.name(), values);
      }
    }
    return new ProtocolSettings(type, values);
  }

  private static Optional<Duration> hours(String text) {
    try {
      long hours = Long.parseLong(text);
      return hours < 0 ? Optional.empty() : Optional.of(Duration.ofHours(hours));
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static String abbreviate(String text) {
    String line = ServerText.oneLine(text);
    return line.length() <= 160 ? line : line.substring(0, 159) + "…";
  }
}

package dev.autodiscover.internal.pox;

import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.ProtocolSettings;
import dev.autodiscover.UserSettings;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a POX Autodiscover response body ([MS-OXDSCLI] 2.2.4) into a {@link PoxResponse}.
 *
 * <p>The body comes from servers that may be hostile or may be a public web site, so nothing in
 * it is trusted: document type declarations are refused before anything they declare is used,
 * nothing is ever fetched, and the body size, element depth, number of elements and of
 * {@code Protocol} elements, and text per element are bounded. Whatever is not a usable Autodiscover response becomes
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
  static final int MAX_DEPTH = 32;
  static final int MAX_PROTOCOLS = 200;
  /** Enough for hundreds of protocols; it bounds the work of building every value's path. */
  static final int MAX_ELEMENTS = 10_000;
  static final int MAX_TEXT_CHARS = 8 * 1024;

  private static final String NOTHING_USABLE = "no Account, Action or Error in the response";
  private static final String HTML_PAGE = "an HTML page, not Autodiscover XML";

  private PoxParser() {}

  /** Reads {@code body}, a response to a POX request, in whatever encoding it declares. */
  public static PoxResponse parse(byte[] body) {
    Objects.requireNonNull(body, "body");
    if (body.length > MAX_BODY_BYTES) {
      return new PoxResponse.NotAutodiscover("response larger than 1 MiB");
    }
    if (body.length == 0) {
      return new PoxResponse.NotAutodiscover("empty response body");
    }
    if (startsLikeHtml(body)) {
      return new PoxResponse.NotAutodiscover(HTML_PAGE);
    }
    Node root;
    XMLStreamReader reader = null;
    try {
      reader = newInputFactory().createXMLStreamReader(new StringReader(XmlText.decode(body)));
      root = readTree(reader);
    } catch (XmlText.Undecodable e) {
      return new PoxResponse.NotAutodiscover("malformed XML: " + e.getMessage());
    } catch (Rejected e) {
      return new PoxResponse.NotAutodiscover(e.getMessage());
    } catch (XMLStreamException e) {
      return new PoxResponse.NotAutodiscover("malformed XML: " + shortMessage(e));
    } catch (RuntimeException e) {
      // The JDK's parser fails some malformed documents with an unchecked exception instead,
      // such as MissingResourceException for a NUL inside the DOCTYPE it skips.
      return new PoxResponse.NotAutodiscover(
          "malformed XML: the XML parser failed (" + abbreviate(String.valueOf(e)) + ")");
    } finally {
      closeQuietly(reader);
    }
    return interpret(root);
  }

  private static XMLInputFactory newInputFactory() {
    // The JDK's own implementation, whatever else is on the class path.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    setIfSupported(factory, XMLInputFactory.SUPPORT_DTD, false);
    setIfSupported(factory, XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    setIfSupported(factory, XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    setIfSupported(factory, XMLInputFactory.IS_NAMESPACE_AWARE, true);
    setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resources are not fetched: " + systemId);
        });
    return factory;
  }

  private static void setIfSupported(XMLInputFactory factory, String name, Object value) {
    if (factory.isPropertySupported(name)) {
      factory.setProperty(name, value);
    }
  }

  // ---- Reading: a small bounded tree ----

  /** One element: namespace, local name, attributes, children, and text if it is a leaf. */
  private static final class Node {
    final String namespace;
    final String name;
    final Map<String, String> attributes;
    final List<Node> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    Node(String namespace, String name, Map<String, String> attributes) {
      this.namespace = namespace;
      this.name = name;
      this.attributes = attributes;
    }

    boolean isLeaf() {
      return children.isEmpty();
    }

    Optional<Node> child(String localName) {
      return children.stream().filter(c -> c.name.equals(localName)).findFirst();
    }

    /** The trimmed text of the first child with that name, if it is there and not empty. */
    Optional<String> childText(String localName) {
      return child(localName).map(c -> c.text.toString().trim()).filter(t -> !t.isEmpty());
    }
  }

  private static Node readTree(XMLStreamReader reader) throws XMLStreamException, Rejected {
    Deque<Node> open = new ArrayDeque<>();
    Node root = null;
    int elements = 0;
    int protocols = 0;
    while (reader.hasNext()) {
      switch (reader.next()) {
        case XMLStreamConstants.DTD -> throw new Rejected(
            reader.getText().regionMatches(true, 0, "<!DOCTYPE html", 0, 14)
                ? HTML_PAGE
                : "document type declarations are not accepted");
        case XMLStreamConstants.ENTITY_REFERENCE -> throw new Rejected(
            "entity references are not accepted");
        case XMLStreamConstants.START_ELEMENT -> {
          if (open.size() == MAX_DEPTH) {
            throw new Rejected("elements nested deeper than " + MAX_DEPTH + " levels");
          }
          if (++elements > MAX_ELEMENTS) {
            throw new Rejected("more than " + MAX_ELEMENTS + " elements");
          }
          Node node = new Node(namespaceOf(reader), reader.getLocalName(), attributesOf(reader));
          if (root == null) {
            checkRoot(node);
            root = node;
          } else {
            Node parent = open.peek();
            parent.children.add(node);
            parent.text.setLength(0); // only a leaf's text is kept
          }
          if (node.name.equals("Protocol") && ++protocols > MAX_PROTOCOLS) {
            throw new Rejected("more than " + MAX_PROTOCOLS + " Protocol elements");
          }
          open.push(node);
        }
        case XMLStreamConstants.END_ELEMENT -> open.pop();
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
            XMLStreamConstants.SPACE -> {
          Node current = open.peek();
          if (current != null && current.isLeaf()) {
            if (current.text.length() + reader.getTextLength() > MAX_TEXT_CHARS) {
              throw new Rejected(
                  "text of <" + current.name + "> longer than " + MAX_TEXT_CHARS + " characters");
            }
            current.text.append(
                reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
          }
        }
        default -> {
          // comments, processing instructions, end of document
        }
      }
    }
    if (root == null) {
      throw new Rejected("no root element");
    }
    return root;
  }

  private static void checkRoot(Node root) throws Rejected {
    if (root.name.equalsIgnoreCase("html")) {
      throw new Rejected(HTML_PAGE);
    }
    if (!root.name.equals("Autodiscover") || !root.namespace.equals(ROOT_NAMESPACE)) {
      throw new Rejected(
          "root element is " + qualifiedName(root)
              + ", expected Autodiscover in namespace " + ROOT_NAMESPACE);
    }
  }

  private static String namespaceOf(XMLStreamReader reader) {
    String namespace = reader.getNamespaceURI();
    return namespace == null ? "" : namespace;
  }

  private static Map<String, String> attributesOf(XMLStreamReader reader) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      attributes.putIfAbsent(reader.getAttributeLocalName(i), reader.getAttributeValue(i).trim());
    }
    return attributes;
  }

  // ---- Interpreting the tree ----

  private static PoxResponse interpret(Node root) {
    Optional<Node> found = root.child("Response");
    if (found.isEmpty()) {
      return new PoxResponse.NotAutodiscover(NOTHING_USABLE);
    }
    Node response = found.get();
    if (!response.namespace.equals(OUTLOOK_NAMESPACE)
        && !response.namespace.equals(ROOT_NAMESPACE)) {
      return new PoxResponse.NotAutodiscover(
          "Response element is " + qualifiedName(response)
              + ", expected namespace " + OUTLOOK_NAMESPACE);
    }
    Optional<Node> error = response.child("Error");
    if (error.isPresent()) {
      return error(error.get());
    }
    Optional<Node> accountElement = response.child("Account");
    if (accountElement.isEmpty()) {
      return new PoxResponse.NotAutodiscover(NOTHING_USABLE);
    }
    Node account = accountElement.get();
    Optional<Node> accountError = account.child("Error");
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

  private static PoxResponse.Error error(Node error) {
    return new PoxResponse.Error(
        error.childText("ErrorCode").orElse(""),
        error.childText("Message").orElse(""),
        error.childText("DebugData"));
  }

  private static AutodiscoverSettings settings(Node response, Node account) {
    UserSettings user =
        response.child("User")
            .map(u -> new UserSettings(
                u.childText("DisplayName"),
                u.childText("LegacyDN"),
                u.childText("AutoDiscoverSMTPAddress"),
                u.childText("DeploymentId")))
            .orElse(UserSettings.empty());
    List<ProtocolSettings> protocols = new ArrayList<>();
    for (Node child : account.children) {
      if (child.name.equals("Protocol")) {
        protocols.add(protocol(child));
      }
    }
    return new AutodiscoverSettings(
        user,
        account.childText("AccountType"),
        protocols,
        account.childText("TTL").flatMap(PoxParser::hours));
  }

  private static ProtocolSettings protocol(Node protocol) {
    String type =
        protocol.childText("Type")
            .orElseGet(() -> protocol.attributes.getOrDefault("Type", ""));
    Map<String, String> values = new LinkedHashMap<>();
    protocol.attributes.forEach(
        (name, value) -> {
          if (!name.equals("Type")) {
            values.putIfAbsent("@" + name, value);
          }
        });
    for (Node child : protocol.children) {
      if (!(child.name.equals("Type") && child.isLeaf())) {
        collectLeaves(child, child.name, values);
      }
    }
    return new ProtocolSettings(type, values);
  }

  private static void collectLeaves(Node node, String path, Map<String, String> values) {
    if (node.isLeaf()) {
      String text = node.text.toString().trim();
      if (!text.isEmpty()) {
        values.putIfAbsent(path, text);
      }
      return;
    }
    for (Node child : node.children) {
      collectLeaves(child, path + "/" + child.name, values);
    }
  }

  private static Optional<Duration> hours(String text) {
    try {
      long hours = Long.parseLong(text);
      return hours < 0 ? Optional.empty() : Optional.of(Duration.ofHours(hours));
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  // ---- Small helpers ----

  /** Whether the body opens with an HTML doctype or {@code <html>}, ignoring a BOM and spaces. */
  private static boolean startsLikeHtml(byte[] body) {
    String start =
        new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
            .replace("\u00EF\u00BB\u00BF", "")
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    return start.startsWith("<!doctype html") || start.startsWith("<html");
  }

  private static String qualifiedName(Node node) {
    return node.namespace.isEmpty()
        ? node.name + " (no namespace)"
        : node.name + " in namespace " + abbreviate(node.namespace);
  }

  private static String shortMessage(XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    int start = message.indexOf("Message: ");
    if (start >= 0) {
      message = message.substring(start + "Message: ".length());
    }
    message = abbreviate(message.replaceAll("\\s+", " ").strip());
    Location location = e.getLocation();
    return location == null || location.getLineNumber() < 0
        ? message
        : message + " (line " + location.getLineNumber()
            + ", column " + location.getColumnNumber() + ")";
  }

  private static String abbreviate(String text) {
    return text.length() <= 160 ? text : text.substring(0, 159) + "…";
  }

  private static void closeQuietly(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // nothing was held open but the in-memory stream
      }
    }
  }

  /** A body this parser refuses to read further; the message is the reason. */
  private static final class Rejected extends Exception {
    Rejected(String reason) {
      super(reason, null, false, false);
    }
  }
}

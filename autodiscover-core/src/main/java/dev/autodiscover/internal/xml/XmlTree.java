package dev.autodiscover.internal.xml;

import dev.autodiscover.internal.ServerText;
import dev.autodiscover.internal.http.Bodies;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Reads an XML body from a server into a small, bounded tree of elements, or refuses it with a
 * reason. Every Autodiscover dialect spoken in XML reads its answers through this.
 *
 * <p>The body comes from servers that may be hostile or may be a public web site, so nothing in
 * it is trusted: the body is decoded strictly by {@link XmlText} before the JDK's StAX parser sees
 * it, a document type declaration or entity reference ends the reading before anything it
 * declares is used, nothing is ever fetched, and the body size (the caller's), the element depth
 * ({@value #MAX_DEPTH}), the number of elements ({@value #MAX_ELEMENTS}) and the text per element
 * ({@value #MAX_TEXT_CHARS} characters) are bounded. An HTML page is recognised and named as such.
 * The root element must have the expected local name in one of the accepted namespaces; that is
 * checked as soon as it is read.
 *
 * <p>Only a leaf element keeps its text: text beside child elements (indentation, mostly) is
 * dropped. Attributes are kept by local name, the first of a name winning, trimmed.
 *
 * <p>Stateless and thread-safe; the trees it returns are not modified after reading.
 */
public final class XmlTree {

  /** The deepest nesting read: the root element is level 1. */
  public static final int MAX_DEPTH = 32;
  /** Enough for hundreds of protocols; it bounds the work of building every value's path. */
  public static final int MAX_ELEMENTS = 10_000;
  /** The longest text an element may hold. */
  public static final int MAX_TEXT_CHARS = 8 * 1024;
  /**
   * The longest path {@link Element#collectLeaves} keeps a value under. Real paths are a few dozen
   * characters; without a bound, names of a thousand characters nested thirty deep over ten
   * thousand leaves would make a body of a few hundred kilobytes hold hundreds of megabytes of
   * paths.
   */
  public static final int MAX_PATH_CHARS = 256;

  /** Why an HTML page is refused; dialects say the same. */
  public static final String HTML_PAGE = "an HTML page, not Autodiscover XML";

  private XmlTree() {}

  /**
   * Reads {@code body}, in whatever encoding it declares, into its root element.
   *
   * @param body the response body
   * @param maxBodyBytes the largest body read; a longer one is refused unread
   * @param rootName the local name the root element must have
   * @param rootNamespaces the namespaces the root element may be in, at least one
   * @throws Refused if the body is empty, too large, an HTML page, not well-formed, holds a
   *     document type declaration or entity reference, exceeds a bound, or has another root
   */
  public static Element read(
      byte[] body, int maxBodyBytes, String rootName, List<String> rootNamespaces)
      throws Refused {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(rootName, "rootName");
    if (rootNamespaces.isEmpty()) {
      throw new IllegalArgumentException("rootNamespaces must name at least one namespace");
    }
    if (body.length > maxBodyBytes) {
      throw new Refused("response larger than " + size(maxBodyBytes));
    }
    if (body.length == 0) {
      throw new Refused("empty response body");
    }
    if (Bodies.startsLikeHtml(body)) {
      throw new Refused(HTML_PAGE);
    }
    XMLStreamReader reader = null;
    try {
      reader = newInputFactory().createXMLStreamReader(new StringReader(XmlText.decode(body)));
      return readTree(reader, rootName, List.copyOf(rootNamespaces));
    } catch (XmlText.Undecodable e) {
      throw new Refused("malformed XML: " + e.getMessage());
    } catch (XMLStreamException e) {
      throw new Refused("malformed XML: " + shortMessage(e));
    } catch (RuntimeException e) {
      // The JDK's parser fails some malformed documents with an unchecked exception instead,
      // such as MissingResourceException for a NUL inside the DOCTYPE it skips.
      throw new Refused(
          "malformed XML: the XML parser failed (" + abbreviate(String.valueOf(e)) + ")");
    } finally {
      closeQuietly(reader);
    }
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

  private static Element readTree(XMLStreamReader reader, String rootName, List<String> rootNamespaces)
      throws XMLStreamException, Refused {
    Deque<Element> open = new ArrayDeque<>();
    Element root = null;
    int elements = 0;
    while (reader.hasNext()) {
      switch (reader.next()) {
        case XMLStreamConstants.DTD -> throw new Refused(
            reader.getText().regionMatches(true, 0, "<!DOCTYPE html", 0, 14)
                ? HTML_PAGE
                : "document type declarations are not accepted");
        case XMLStreamConstants.ENTITY_REFERENCE -> throw new Refused(
            "entity references are not accepted");
        case XMLStreamConstants.START_ELEMENT -> {
          if (open.size() == MAX_DEPTH) {
            throw new Refused("elements nested deeper than " + MAX_DEPTH + " levels");
          }
          if (++elements > MAX_ELEMENTS) {
            throw new Refused("more than " + MAX_ELEMENTS + " elements");
          }
          Element element =
              new Element(namespaceOf(reader), reader.getLocalName(), attributesOf(reader));
          if (root == null) {
            checkRoot(element, rootName, rootNamespaces);
            root = element;
          } else {
            Element parent = open.peek();
            parent.children.add(element);
            parent.text.setLength(0); // only a leaf's text is kept
          }
          open.push(element);
        }
        case XMLStreamConstants.END_ELEMENT -> open.pop();
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
            XMLStreamConstants.SPACE -> {
          Element current = open.peek();
          if (current != null && current.isLeaf()) {
            if (current.text.length() + reader.getTextLength() > MAX_TEXT_CHARS) {
              throw new Refused(
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
      throw new Refused("no root element");
    }
    return root;
  }

  private static void checkRoot(Element root, String rootName, List<String> rootNamespaces)
      throws Refused {
    if (root.name.equalsIgnoreCase("html")) {
      throw new Refused(HTML_PAGE);
    }
    if (!root.name.equals(rootName) || !rootNamespaces.contains(root.namespace)) {
      throw new Refused(
          "root element is " + root.qualifiedName()
              + ", expected " + rootName + " in namespace " + String.join(" or ", rootNamespaces));
    }
  }

  private static String namespaceOf(XMLStreamReader reader) {
    String namespace = reader.getNamespaceURI();
    return namespace == null ? "" : namespace;
  }

  private static Map<String, String> attributesOf(XMLStreamReader reader) {
    if (reader.getAttributeCount() == 0) {
      return Map.of();
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      attributes.putIfAbsent(reader.getAttributeLocalName(i), reader.getAttributeValue(i).trim());
    }
    return Collections.unmodifiableMap(attributes);
  }

  // ---- Small helpers ----


  /** {@code 1 MiB}, {@code 64 KiB} or {@code 1000 bytes}. */
  private static String size(int bytes) {
    if (bytes > 0 && bytes % (1 << 20) == 0) {
      return bytes / (1 << 20) + " MiB";
    }
    if (bytes > 0 && bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }

  private static String shortMessage(XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    int start = message.indexOf("Message: ");
    if (start >= 0) {
      message = message.substring(start + "Message: ".length());
    }
    message = abbreviate(message);
    Location location = e.getLocation();
    return location == null || location.getLineNumber() < 0
        ? message
        : message + " (line " + location.getLineNumber()
            + ", column " + location.getColumnNumber() + ")";
  }

  /** {@code text} on one line, cut to 160 characters: reasons quote what a server wrote. */
  static String abbreviate(String text) {
    String line = ServerText.oneLine(text);
    return line.length() <= 160 ? line : line.substring(0, 159) + "…";
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

  /**
   * One element: namespace, local name, attributes, child elements, and text if it is a leaf.
   * Children are matched by local name only; their namespace is there to check when it matters.
   */
  public static final class Element {
    private final String namespace;
    private final String name;
    private final Map<String, String> attributes;
    private final List<Element> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private Element(String namespace, String name, Map<String, String> attributes) {
      this.namespace = namespace;
      this.name = name;
      this.attributes = attributes;
    }

    /** The namespace, empty for none. */
    public String namespace() {
      return namespace;
    }

    /** The local name. */
    public String name() {
      return name;
    }

    /** The attributes by local name, trimmed, the first of a name kept, in document order. */
    public Map<String, String> attributes() {
      return attributes;
    }

    /** The child elements in document order. */
    public List<Element> children() {
      return Collections.unmodifiableList(children);
    }

    /** Whether the element has no child elements. */
    public boolean isLeaf() {
      return children.isEmpty();
    }

    /** The text of a leaf as written, untrimmed; empty for an element with children. */
    public String text() {
      return text.toString();
    }

    /** The first child with that local name. */
    public Optional<Element> child(String localName) {
      for (Element child : children) {
        if (child.name.equals(localName)) {
          return Optional.of(child);
        }
      }
      return Optional.empty();
    }

    /** Every child with that local name, in document order. */
    public List<Element> children(String localName) {
      List<Element> found = new ArrayList<>();
      for (Element child : children) {
        if (child.name.equals(localName)) {
          found.add(child);
        }
      }
      return found;
    }

    /** The trimmed text of the first child with that name, if it is there and not empty. */
    public Optional<String> childText(String localName) {
      return child(localName).map(c -> c.text().trim()).filter(t -> !t.isEmpty());
    }

    /** How many elements with that local name this element and all below it hold. */
    public int count(String localName) {
      int count = name.equals(localName) ? 1 : 0;
      for (Element child : children) {
        count += child.count(localName);
      }
      return count;
    }

    /**
     * Puts the trimmed text of every non-empty leaf at or below this element into {@code values},
     * keyed by {@code path} followed by the local names down to the leaf, joined by {@code /}. A
     * path already in {@code values} keeps its first value; a leaf whose path would be longer than
     * {@value #MAX_PATH_CHARS} characters is left out.
     */
    public void collectLeaves(String path, Map<String, String> values) {
      if (path.length() > MAX_PATH_CHARS) {
        return;
      }
      if (isLeaf()) {
        String value = text().trim();
        if (!value.isEmpty()) {
          values.putIfAbsent(path, value);
        }
        return;
      }
      for (Element child : children) {
        child.collectLeaves(path + "/" + child.name, values);
      }
    }

    /**
     * The name for a reason: {@code Response in namespace urn:x}, or
     * {@code Response (no namespace)}; on one line however the namespace was written.
     */
    public String qualifiedName() {
      return namespace.isEmpty()
          ? name + " (no namespace)"
          : name + " in namespace " + abbreviate(namespace);
    }
  }

  /** A body the reader refuses; the message is the reason, a few words on one line. */
  public static final class Refused extends Exception {
    Refused(String reason) {
      super(reason, null, false, false);
    }

    /** Why the body was refused. */
    public String reason() {
      return getMessage();
    }
  }
}

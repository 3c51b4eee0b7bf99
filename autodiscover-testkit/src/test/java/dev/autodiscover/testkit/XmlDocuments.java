package dev.autodiscover.testkit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.helpers.DefaultHandler;

/** Parses the documents under test namespace-aware, refusing DTDs, and walks their elements. */
final class XmlDocuments {

  private XmlDocuments() {}

  /**
   * {@code xml} parsed with the JDK's parser, namespace-aware, with DOCTYPE declarations and
   * external entities refused; a document that is not well-formed throws.
   */
  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors, prints nothing
    return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** The child elements of {@code parent}, in order. */
  static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        children.add(element);
      }
    }
    return children;
  }

  /** The local names of the child elements of {@code parent}, in order. */
  static List<String> childNames(Element parent) {
    return children(parent).stream().map(Element::getLocalName).toList();
  }

  /**
   * The only child element of {@code parent} named {@code localName} in {@code namespace}.
   *
   * @throws AssertionError if there is none or more than one
   */
  static Element child(Element parent, String namespace, String localName) {
    List<Element> matches = children(parent).stream()
        .filter(e -> localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI()))
        .toList();
    if (matches.size() != 1) {
      throw new AssertionError(matches.size() + " children {" + namespace + "}" + localName
          + " in " + parent.getLocalName() + ", expected one; children: " + childNames(parent));
    }
    return matches.get(0);
  }

  /** The element at {@code path} of local names under {@code parent}, all in {@code namespace}. */
  static Element at(Element parent, String namespace, String... path) {
    Element current = parent;
    for (String name : path) {
      current = child(current, namespace, name);
    }
    return current;
  }

  /** The text of the element at {@code path} under {@code parent}, all in {@code namespace}. */
  static String text(Element parent, String namespace, String... path) {
    return at(parent, namespace, path).getTextContent();
  }
}

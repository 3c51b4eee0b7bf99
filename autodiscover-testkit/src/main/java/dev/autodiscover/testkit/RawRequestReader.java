package dev.autodiscover.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one HTTP/1.1 request for a {@link RawHost}: its head, and its body when it has a
 * {@code Content-Length}.
 *
 * <p>Thread safety: stateless.
 */
final class RawRequestReader {
  /** The longest request head read: request line, headers and the blank line. */
  static final int MAX_HEAD_BYTES = 64 * 1024;

  /** The longest request body read. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private RawRequestReader() {}

  /** The request, or {@code null} if the client closed the connection before sending one. */
  static ReceivedRequest read(InputStream socketInput, String scheme) throws IOException {
    InputStream in = new BufferedInputStream(socketInput);
    List<String> lines = new ArrayList<>();
    int headBytes = 0;
    while (true) {
      String line = readLine(in, MAX_HEAD_BYTES - headBytes);
      if (line == null) {
        if (lines.isEmpty() && headBytes == 0) {
          return null;
        }
        throw new IOException("the request head ended early");
      }
      headBytes += line.length() + 2;
      if (line.isEmpty()) {
        break;
      }
      lines.add(line);
    }
    if (lines.isEmpty()) {
      throw new IOException("no request line");
    }
    String[] requestLine = lines.get(0).split(" ", 3);
    if (requestLine.length != 3) {
      throw new IOException("not a request line: " + lines.get(0));
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("not a header line: " + line);
      }
      headers.computeIfAbsent(line.substring(0, colon).trim(), h -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    String body = new String(readBody(in, headers), StandardCharsets.UTF_8);
    String target = requestLine[1];
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    return new ReceivedRequest(requestLine[0], scheme, host(headers), requestLine[2], path, target,
        headers, body);
  }

  private static byte[] readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
    String declared = headers.entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase("Content-Length"))
        .map(h -> h.getValue().get(0))
        .findFirst()
        .orElse("0");
    long length;
    try {
      length = Long.parseLong(declared);
    } catch (NumberFormatException e) {
      throw new IOException("Content-Length is not a number: " + declared);
    }
    if (length < 0 || length > MAX_BODY_BYTES) {
      throw new IOException("request body of " + length + " bytes; at most " + MAX_BODY_BYTES
          + " are read");
    }
    byte[] body = in.readNBytes((int) length);
    if (body.length < length) {
      throw new IOException("the request body ended after " + body.length + " of " + length + " bytes");
    }
    return body;
  }

  /** A line without its CRLF (or LF), {@code null} at the end of the stream before any byte. */
  private static String readLine(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b == -1) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (line.size() >= limit) {
        throw new IOException("request head longer than " + MAX_HEAD_BYTES + " bytes");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  private static String host(Map<String, List<String>> headers) {
    return headers.entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase("Host"))
        .map(h -> h.getValue().get(0))
        .map(RawRequestReader::withoutPort)
        .findFirst()
        .orElse("");
  }

  private static String withoutPort(String authority) {
    int colon = authority.lastIndexOf(':');
    return colon > 0 && authority.indexOf(']') < colon ? authority.substring(0, colon) : authority;
  }
}

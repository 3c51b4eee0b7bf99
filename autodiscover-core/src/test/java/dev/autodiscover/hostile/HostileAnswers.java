package dev.autodiscover.hostile;

import dev.autodiscover.testkit.PoxResponses;
import dev.autodiscover.testkit.RawExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Answers no well-behaved server gives, written raw by a {@link dev.autodiscover.testkit.RawHost}.
 * Bodies are generated as they are sent, a block at a time: none is ever held in memory whole.
 */
final class HostileAnswers {

  /** 300 MB: far more than the heap these tests run in. */
  static final long HUGE = 300_000_000L;

  /** How a body's end is told. */
  enum Framing {
    /** a {@code Content-Length} header */
    CONTENT_LENGTH,
    /** {@code Transfer-Encoding: chunked}, without a {@code Content-Length} */
    CHUNKED,
    /** neither: the body ends when the connection closes */
    UNTIL_CLOSE
  }

  /** A body that writes itself. */
  interface Body {
    long length();

    void writeTo(OutputStream out) throws IOException;
  }

  private static final int BLOCK = 64 * 1024;
  private static final String OPENING = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      + "<Autodiscover xmlns=\"" + PoxResponses.ROOT_NAMESPACE + "\">\n"
      + "<Response xmlns=\"" + PoxResponses.OUTLOOK_NAMESPACE + "\">\n";

  private HostileAnswers() {}

  /**
   * Writes {@code head} (the status line and headers, each line ending in CRLF, without the blank
   * line), the header {@code framing} needs, and {@code body} framed that way.
   */
  static RawExchange answer(String head, Body body, Framing framing) {
    return (request, out) -> {
      String framingHeader = switch (framing) {
        case CONTENT_LENGTH -> "Content-Length: " + body.length() + "\r\n";
        case CHUNKED -> "Transfer-Encoding: chunked\r\n";
        case UNTIL_CLOSE -> "Connection: close\r\n";
      };
      out.write(ascii(head + framingHeader + "\r\n"));
      if (framing == Framing.CHUNKED) {
        try (OutputStream chunks = new ChunkedOutput(out)) {
          body.writeTo(chunks);
        }
      } else {
        body.writeTo(out);
      }
    };
  }

  /** {@code 200 OK} with {@code body} as {@code contentType} (none when null), with a Content-Length. */
  static RawExchange ok(String contentType, byte[] body) {
    String head = "HTTP/1.1 200 OK\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n");
    return answer(head, bytes(body), Framing.CONTENT_LENGTH);
  }

  /** {@code 200 OK} with {@code body} as UTF-8 XML. */
  static RawExchange okXml(String body) {
    return ok("text/xml; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  /** The bytes given. */
  static Body bytes(byte[] bytes) {
    byte[] copy = bytes.clone();
    return new Body() {
      @Override
      public long length() {
        return copy.length;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(copy);
      }
    };
  }

  /** The opening of an Autodiscover response, then spaces up to {@code length} bytes. */
  static Body autodiscoverThenSpaces(long length) {
    byte[] opening = ascii(OPENING);
    byte[] spaces = new byte[BLOCK];
    Arrays.fill(spaces, (byte) ' ');
    return new Body() {
      @Override
      public long length() {
        return length;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(opening);
        for (long left = length - opening.length; left > 0; left -= BLOCK) {
          out.write(spaces, 0, (int) Math.min(BLOCK, left));
        }
      }
    };
  }

  /**
   * Writes {@code head} and a Content-Length for {@code body}, then the body a byte at a time, one
   * every {@code gap}.
   */
  static RawExchange trickle(String head, byte[] body, Duration gap) {
    return (request, out) -> {
      out.write(ascii(head + "Content-Length: " + body.length + "\r\n\r\n"));
      for (byte b : body) {
        Thread.sleep(gap.toMillis());
        out.write(b);
      }
    };
  }

  /** A status line that starts and then never ends, a byte every {@code gap}. */
  static RawExchange tricklingStatusLine(Duration gap) {
    return (request, out) -> {
      out.write(ascii("HTTP/1.1 200 "));
      while (true) {
        Thread.sleep(gap.toMillis());
        out.write('O');
      }
    };
  }

  /** A status line that never ends, as fast as the client takes it. */
  static RawExchange endlessStatusLine() {
    return endless("HTTP/1.1 200 ", "OK".repeat(BLOCK / 2));
  }

  /** Header lines that never end, as fast as the client takes them. */
  static RawExchange endlessHeaders() {
    return endless("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n", "X-Filler: abcdefghijklmnopqrstuvwxyz\r\n"
        .repeat(BLOCK / 40));
  }

  /** One header whose value never ends, as fast as the client takes it. */
  static RawExchange endlessHeaderValue() {
    return endless("HTTP/1.1 200 OK\r\nX-Endless: ", "z".repeat(BLOCK));
  }

  private static RawExchange endless(String start, String repeated) {
    byte[] block = ascii(repeated);
    return (request, out) -> {
      out.write(ascii(start));
      while (true) {
        out.write(block);
      }
    };
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Frames what is written to it as HTTP/1.1 chunks; closing it writes the last chunk, not closing the connection. */
  private static final class ChunkedOutput extends OutputStream {
    private final OutputStream out;

    ChunkedOutput(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (length == 0) {
        return;
      }
      out.write(ascii(Integer.toHexString(length) + "\r\n"));
      out.write(bytes, offset, length);
      out.write(ascii("\r\n"));
    }

    @Override
    public void close() throws IOException {
      out.write(ascii("0\r\n\r\n"));
    }
  }
}

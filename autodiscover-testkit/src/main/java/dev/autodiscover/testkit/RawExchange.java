package dev.autodiscover.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Answers one request to a {@link RawHost} by writing the response's bytes, exactly as they
 * should appear on the connection: status line, headers, blank line and body, or anything else.
 * Nothing is added, checked or framed for it, so a handler can write what no real server would:
 * a body longer than its {@code Content-Length}, headers that never end, a body that trickles.
 *
 * <p>Every write goes to the connection at once. A write fails with an {@link IOException} once
 * the client has closed the connection; letting it propagate ends the exchange, and the host
 * records that the client hung up. The host closes the connection when the handler returns, so
 * a response without a {@code Content-Length} or chunked framing ends there.
 *
 * <pre>{@code
 * // 300 MB of body, generated as it is sent, never held in memory
 * RawExchange huge = (request, response) -> {
 *   response.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n"
 *       + "Content-Length: 300000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
 *   byte[] block = new byte[64 * 1024];
 *   for (long sent = 0; sent < 300_000_000L; sent += block.length) {
 *     response.write(block, 0, (int) Math.min(block.length, 300_000_000L - sent));
 *   }
 * };
 * }</pre>
 *
 * <p>Thread safety: a host calls its handler from one thread per connection, possibly several
 * at once, so a handler that keeps state must be thread-safe.
 */
@FunctionalInterface
public interface RawExchange {

  /**
   * Writes the answer to {@code request}.
   *
   * @param request the request as it arrived; the scheme says whether it came over TLS
   * @param response the connection's output; closing it closes the connection
   * @throws IOException when writing fails, typically because the client hung up
   * @throws InterruptedException when the host closes while the handler waits
   */
  void respond(ReceivedRequest request, OutputStream response) throws IOException, InterruptedException;

  /** A handler that writes {@code response}, as given, to every request. */
  static RawExchange verbatim(byte[] response) {
    byte[] copy = Objects.requireNonNull(response, "response").clone();
    return (request, out) -> out.write(copy);
  }
}

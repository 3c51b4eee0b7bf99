package dev.autodiscover.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads response bodies without ever holding more than a bound in memory, and leaves the bodies
 * that are not needed unread.
 *
 * <p>A body is read only as far as it is needed. When any of it is left on the connection, the
 * call is cancelled, which closes the connection: closing the response alone would make OkHttp
 * drain what is left, to reuse the connection, and a hostile server can send a great deal in
 * that time. The bound counts the bytes the body yields, after any transparent gzip
 * decompression, so a small compressed body cannot expand past it.
 */
public final class Bodies {
  private Bodies() {}

  /**
   * Returns whether {@code body} opens with an HTML doctype or {@code <html>}, in any case, after a
   * UTF-8 byte order mark and white space: a web page where an Autodiscover answer was expected.
   */
  public static boolean startsLikeHtml(byte[] body) {
    String start =
        new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
            .replace("\u00EF\u00BB\u00BF", "")
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    return start.startsWith("<!doctype html") || start.startsWith("<html");
  }

  /** What reading a body within a bound came to. */
  public sealed interface Read {

    /** The whole body, no longer than the bound. */
    record Whole(byte[] bytes) implements Read {}

    /** The {@code Content-Length} is over the bound: nothing was read, and the connection was closed. */
    record Announced(long contentLength) implements Read {}

    /**
     * The body went on past the bound: reading stopped after {@code bytesRead} bytes (at most one
     * buffer past the bound), and the connection was closed.
     */
    record PastLimit(long bytesRead, boolean decompressed) implements Read {}

    /**
     * Reading failed after {@code bytesRead} of the {@code contentLength} bytes announced (-1
     * when none was), and the connection was closed.
     */
    record Broken(long bytesRead, long contentLength, IOException failure) implements Read {
      public Broken {
        Objects.requireNonNull(failure, "failure");
      }
    }
  }

  /**
   * Reads the body of {@code response}, the answer to {@code call}, if it is at most {@code limit}
   * bytes; never holds much more than {@code limit} bytes of it.
   */
  public static Read readAtMost(Call call, Response response, int limit) {
    ResponseBody body = response.body();
    long announced = body.contentLength();
    if (announced > limit) {
      leaveUnread(call, response);
      return new Read.Announced(announced);
    }
    BufferedSource source = body.source();
    try {
      if (source.request(limit + 1L)) {
        long read = source.getBuffer().size();
        leaveUnread(call, response);
        return new Read.PastLimit(read, decompressed(response));
      }
      return new Read.Whole(source.getBuffer().readByteArray());
    } catch (IOException e) {
      long read = source.getBuffer().size();
      call.cancel();
      return new Read.Broken(read, announced, e);
    }
  }

  /**
   * Closes {@code response}, the answer to {@code call}, without reading its body. Unless the body
   * is known to be empty, the call is cancelled first, so that the connection is closed rather
   * than drained.
   */
  public static void leaveUnread(Call call, Response response) {
    if (response.body().contentLength() != 0) {
      call.cancel();
    }
    response.close();
  }

  /** Whether OkHttp decompresses the body it hands over: it asked for gzip, and the server sent it. */
  private static boolean decompressed(Response response) {
    Response network = response.networkResponse();
    return network != null
        && "gzip".equalsIgnoreCase(network.header("Content-Encoding"))
        && response.header("Content-Encoding") == null;
  }
}

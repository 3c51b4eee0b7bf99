package dev.autodiscover.internal.http;

import java.io.IOException;
import java.util.Optional;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/** Reads response bodies without ever holding more than a bound in memory. */
public final class Bodies {
  private Bodies() {}

  /**
   * Returns at most {@code limit} bytes of {@code body}, or empty when the body is longer; the rest
   * is never read.
   */
  public static Optional<byte[]> readAtMost(ResponseBody body, int limit) throws IOException {
    BufferedSource source = body.source();
    if (source.request(limit + 1L)) {
      return Optional.empty();
    }
    return Optional.of(source.getBuffer().readByteArray());
  }
}

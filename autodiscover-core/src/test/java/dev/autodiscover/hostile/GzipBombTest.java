package dev.autodiscover.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The gzip bomb the hostile tests send is a valid gzip stream: a client that reads it all gets every zero. */
class GzipBombTest {

  @Test
  void expandsToExactlyTheZerosItClaimsWithAValidTrailer() throws IOException {
    GzipBomb bomb = GzipBomb.expandingTo(32);
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    bomb.writeTo(sent);

    assertThat(sent.size()).isEqualTo(bomb.length());
    assertThat(bomb.expandedLength()).isEqualTo(32L << 20);
    long expanded = 0;
    boolean allZero = true;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(sent.toByteArray()))) {
      byte[] buffer = new byte[64 * 1024];
      for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
        for (int i = 0; i < read; i++) {
          allZero &= buffer[i] == 0;
        }
        expanded += read;
      }
    }
    assertThat(expanded).isEqualTo(bomb.expandedLength());
    assertThat(allZero).isTrue();
  }
}

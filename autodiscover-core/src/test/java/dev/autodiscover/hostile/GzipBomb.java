package dev.autodiscover.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip body that expands to a great many zero bytes, built without compressing them all:
 * deflating segments of zeros, each ended by a sync flush, soon gives the same bytes for every
 * segment, so the body is a few leading blocks, that steady block repeated, an empty final block
 * and the gzip trailer. Its compressed length is known before the first byte is sent.
 */
final class GzipBomb implements HostileAnswers.Body {
  private static final int SEGMENT = 1 << 20;
  private static final int MAX_LEADING_SEGMENTS = 16;
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private final List<byte[]> leading;
  private final byte[] steady;
  private final long steadyCount;
  private final byte[] last;
  private final byte[] trailer;

  private GzipBomb(List<byte[]> leading, byte[] steady, long steadyCount, byte[] last, byte[] trailer) {
    this.leading = leading;
    this.steady = steady;
    this.steadyCount = steadyCount;
    this.last = last;
    this.trailer = trailer;
  }

  /** A body that expands to {@code mebibytes} MiB of zeros. */
  static GzipBomb expandingTo(int mebibytes) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] zeros = new byte[SEGMENT];
    List<byte[]> blocks = new ArrayList<>();
    blocks.add(deflate(deflater, zeros, Deflater.SYNC_FLUSH));
    while (true) {
      byte[] next = deflate(deflater, zeros, Deflater.SYNC_FLUSH);
      if (Arrays.equals(next, blocks.get(blocks.size() - 1))) {
        break;
      }
      if (blocks.size() == MAX_LEADING_SEGMENTS) {
        throw new IllegalStateException("deflating zeros gave no steady block in " + MAX_LEADING_SEGMENTS + " segments");
      }
      blocks.add(next);
    }
    byte[] steady = blocks.remove(blocks.size() - 1);
    byte[] last = finish(deflater);
    if (mebibytes < blocks.size() + 1) {
      throw new IllegalArgumentException("at least " + (blocks.size() + 1) + " MiB");
    }
    CRC32 crc = new CRC32();
    for (int i = 0; i < mebibytes; i++) {
      crc.update(zeros);
    }
    long expanded = (long) mebibytes * SEGMENT;
    byte[] trailer = new byte[8];
    littleEndian(trailer, 0, crc.getValue());
    littleEndian(trailer, 4, expanded);
    return new GzipBomb(List.copyOf(blocks), steady, mebibytes - blocks.size(), last, trailer);
  }

  /** How many bytes it expands to. */
  long expandedLength() {
    return (leading.size() + steadyCount) * SEGMENT;
  }

  @Override
  public long length() {
    long length = HEADER.length + steadyCount * steady.length + last.length + trailer.length;
    for (byte[] block : leading) {
      length += block.length;
    }
    return length;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    out.write(HEADER);
    for (byte[] block : leading) {
      out.write(block);
    }
    for (long i = 0; i < steadyCount; i++) {
      out.write(steady);
    }
    out.write(last);
    out.write(trailer);
  }

  /** Deflates {@code input} and flushes, so that the output ends on a byte boundary. */
  private static byte[] deflate(Deflater deflater, byte[] input, int flush) {
    deflater.setInput(input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int written;
    do {
      written = deflater.deflate(buffer, 0, buffer.length, flush);
      out.write(buffer, 0, written);
    } while (written == buffer.length || !deflater.needsInput());
    return out.toByteArray();
  }

  /** The final block. */
  private static byte[] finish(Deflater deflater) {
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static void littleEndian(byte[] into, int offset, long value) {
    for (int i = 0; i < 4; i++) {
      into[offset + i] = (byte) (value >>> (8 * i));
    }
  }
}

package dev.autodiscover.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A {@link PinStore} kept in a text file, one pin a line: {@code host sha256}, the host in lower
 * case and the SHA-256 as 64 lowercase hex digits; {@code #} starts a comment.
 *
 * <p>The file is read once, when the store is made; {@link #isPinned} answers from memory. Each new
 * pin rewrites the whole file through a temporary file in the same directory, forced to disk and
 * then moved over the old one, so a crash leaves either the old file or the new one. Comments and
 * lines already in the file are kept. Thread-safe within one process; two processes pinning into
 * the same file at once may lose one of their pins.
 */
final class FilePinStore implements PinStore {
  private static final Pattern HOST = Pattern.compile("[a-z0-9_\\-.:]+");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path file;
  private final Set<String> pins = ConcurrentHashMap.newKeySet();
  /** The file's lines as last read or written; guarded by {@code this}. */
  private final List<String> lines = new ArrayList<>();

  /**
   * Reads the pins in {@code file}; a file that does not exist is an empty store.
   *
   * @throws IllegalArgumentException naming the file and the line when a line is not a pin
   * @throws UncheckedIOException when the file exists but cannot be read
   */
  FilePinStore(Path file) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    List<String> read;
    try {
      read = Files.readAllLines(this.file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      read = List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the pin file " + this.file, e);
    }
    for (int i = 0; i < read.size(); i++) {
      String pin = parse(read.get(i), i + 1);
      if (pin != null) {
        pins.add(pin);
      }
    }
    lines.addAll(read);
  }

  @Override
  public boolean isPinned(String host, String sha256) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(sha256, "sha256");
    return pins.contains(normalizeHost(host) + ' ' + sha256.toLowerCase(Locale.ROOT));
  }

  /**
   * Pins the certificate and writes the file before returning.
   *
   * @throws IllegalArgumentException if {@code sha256} is not 64 hex digits or {@code host} is not a
   *     host name or IP literal
   * @throws UncheckedIOException when the file cannot be written; the pin is then not kept
   */
  @Override
  public synchronized void pin(String host, String sha256) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(sha256, "sha256");
    String normalizedHost = normalizeHost(host);
    String normalizedSha256 = sha256.toLowerCase(Locale.ROOT);
    if (!HOST.matcher(normalizedHost).matches()) {
      throw new IllegalArgumentException("host must be a host name or IP literal, not: " + host);
    }
    if (!SHA256.matcher(normalizedSha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 hex digits, not: " + sha256);
    }
    String pin = normalizedHost + ' ' + normalizedSha256;
    if (pins.contains(pin)) {
      return;
    }
    List<String> updated = new ArrayList<>(lines);
    updated.add(pin);
    write(updated);
    lines.add(pin);
    pins.add(pin);
  }

  @Override
  public String toString() {
    return "FilePinStore[" + file + "]";
  }

  /** Returns the pin on this line as {@code "host sha256"}, or null for a blank or comment line. */
  private String parse(String line, int number) {
    int comment = line.indexOf('#');
    String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
    if (content.isEmpty()) {
      return null;
    }
    String[] fields = content.split("\\s+");
    if (fields.length != 2 || !HOST.matcher(fields[0]).matches() || !SHA256.matcher(fields[1]).matches()) {
      throw new IllegalArgumentException(file + ":" + number
          + ": expected 'host sha256' (host in lower case, SHA-256 as 64 lowercase hex digits), not: "
          + line.strip());
    }
    return fields[0] + ' ' + fields[1];
  }

  private void write(List<String> content) {
    Path directory = file.getParent();
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp");
      byte[] bytes = (String.join("\n", content) + "\n").getBytes(StandardCharsets.UTF_8);
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
      forceDirectory(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the pin file " + file, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // The write already failed; a stray temporary file is never read as pins.
        }
      }
    }
  }

  /** Makes the rename durable where the platform can force a directory; others do it on their own. */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a directory as a channel; the move is still complete.
    }
  }

  /** Lowercases ASCII letters and drops one trailing dot, as {@link ExtendedTrust} compares hosts. */
  private static String normalizeHost(String host) {
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    return name.toLowerCase(Locale.ROOT);
  }
}

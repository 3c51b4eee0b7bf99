package dev.autodiscover.examples.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The addresses of one run, read lazily: the EMAIL arguments, then the lines of {@code --input}
 * (a file, or standard input for {@code -}), blank lines and {@code #} comments skipped. Only the
 * next line is read ahead, so a file of any length costs no memory.
 *
 * <p>A read error ends the addresses; {@link #readError()} then tells what happened.
 *
 * <p>Thread safety: not thread-safe; one thread reads.
 */
final class AddressSource implements Iterator<AddressSource.Line>, Closeable {
  /** The most characters of one input line kept; an address is at most 320. */
  static final int MAX_LINE_CHARS = 1024;

  /**
   * An address and where it came from.
   *
   * @param text the address, stripped of surrounding white space
   * @param number its line number in the input, or 0 for a command-line argument
   */
  record Line(String text, long number) {}

  private final Iterator<String> arguments;
  private final String inputName;
  private final BufferedReader reader;
  private long lineNumber;
  private long count;
  private Line next;
  private boolean ended;
  private String readError;
  private LongConsumer whenEnded = total -> {};

  private AddressSource(List<String> arguments, String inputName, BufferedReader reader) {
    this.arguments = List.copyOf(arguments).iterator();
    this.inputName = inputName;
    this.reader = reader;
  }

  /**
   * Opens the addresses of {@code arguments} followed by those of {@code input}: a file name,
   * {@code -} for {@code stdin}, or null for none.
   *
   * @throws BadInputException when the file cannot be opened
   */
  static AddressSource open(List<String> arguments, String input, InputStream stdin) {
    if (input == null) {
      return new AddressSource(arguments, null, null);
    }
    if (input.equals("-")) {
      return new AddressSource(arguments, "stdin",
          new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)));
    }
    try {
      return new AddressSource(arguments, input, Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new BadInputException("--input: cannot read " + input + ": " + e.getMessage(), e);
    }
  }

  /**
   * Counts the addresses in {@code input} when it is a regular file, reading it once without
   * keeping it; empty for standard input, pipes, and files that cannot be read.
   */
  static Optional<Long> countAddresses(String input) {
    if (input == null) {
      return Optional.of(0L);
    }
    if (input.equals("-") || !Files.isRegularFile(Path.of(input))) {
      return Optional.empty();
    }
    try (BufferedReader lines = Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8)) {
      long count = 0;
      String text;
      while ((text = readLine(lines)) != null) {
        if (isAddress(text.strip())) {
          count++;
        }
      }
      return Optional.of(count);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Calls {@code listener} with the number of addresses once the last one has been read. */
  void whenEnded(LongConsumer listener) {
    this.whenEnded = listener;
  }

  /** The name of the input for messages: the file name, or {@code stdin}. */
  String inputName() {
    return inputName;
  }

  /** What went wrong while reading the input, as a one-line message; empty when nothing did. */
  Optional<String> readError() {
    return Optional.ofNullable(readError);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !ended) {
      next = read();
      if (next == null) {
        ended = true;
        whenEnded.accept(count);
      } else {
        count++;
      }
    }
    return next != null;
  }

  @Override
  public Line next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Line line = next;
    next = null;
    return line;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }

  private Line read() {
    if (arguments.hasNext()) {
      return new Line(arguments.next(), 0);
    }
    if (reader == null) {
      return null;
    }
    try {
      String text;
      while ((text = readLine(reader)) != null) {
        lineNumber++;
        String trimmed = text.strip();
        if (isAddress(trimmed)) {
          return new Line(trimmed, lineNumber);
        }
      }
    } catch (IOException | RuntimeException e) {
      readError = "--input: cannot read " + inputName + " after line " + lineNumber + ": " + e.getMessage();
    }
    return null;
  }

  /**
   * Reads one line, keeping at most {@value #MAX_LINE_CHARS} characters of it: the rest of a
   * longer line is read past, so that a file holding one huge line costs no memory (and the
   * address, too long, is refused when it is resolved). Null at the end of the input.
   */
  static String readLine(BufferedReader reader) throws IOException {
    StringBuilder line = new StringBuilder();
    int c = reader.read();
    if (c == -1) {
      return null;
    }
    while (c != -1 && c != '\n') {
      if (c != '\r' && line.length() < MAX_LINE_CHARS) {
        line.append((char) c);
      }
      c = reader.read();
    }
    return line.toString();
  }

  private static boolean isAddress(String trimmed) {
    return !trimmed.isEmpty() && !trimmed.startsWith("#");
  }
}

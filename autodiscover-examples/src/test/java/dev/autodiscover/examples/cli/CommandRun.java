package dev.autodiscover.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one in-process run of the command printed and returned, with {@code \n} line endings.
 *
 * @param status the exit status
 * @param out what went to standard output
 * @param err what went to standard error
 */
record CommandRun(int status, String out, String err) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static CommandRun of(List<String> args) {
    return of(args, InputStream.nullInputStream(), new StringWriter());
  }

  /** Runs with {@code stdin} as standard input. */
  static CommandRun of(List<String> args, String stdin) {
    return of(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new StringWriter());
  }

  /**
   * Runs with {@code stdin} as standard input, writing standard output into {@code out} as it
   * goes, so that another thread can watch it.
   */
  static CommandRun of(List<String> args, InputStream stdin, StringWriter out) {
    StringWriter err = new StringWriter();
    int status = AutodiscoverCommand.run(args.toArray(String[]::new), stdin, new PrintWriter(out, true),
        new PrintWriter(err, true));
    return new CommandRun(status, normalized(out), normalized(err));
  }

  /** Returns what was written, with every line ending as {@code \n}. */
  private static String normalized(StringWriter written) {
    return written.toString().replace(System.lineSeparator(), "\n");
  }

  /** Parses standard output as JSON lines. */
  List<JsonNode> jsonLines() {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.split("\\R")) {
      if (!line.isBlank()) {
        try {
          lines.add(MAPPER.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException("not JSON: " + line, e);
        }
      }
    }
    return lines;
  }
}

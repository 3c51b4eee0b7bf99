package dev.autodiscover.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = AutodiscoverCommand.run(args.toArray(String[]::new), new PrintWriter(out, true),
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

package dev.autodiscover.examples.embedding;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;

/** A console for the prompts: the person's answers, one a line, and what the prompt wrote. */
final class Console {
  private final StringWriter written = new StringWriter();
  private final BufferedReader in;
  private final PrintWriter out = new PrintWriter(written);

  /** A console whose person types {@code answers}, then nothing more (end of input). */
  Console(String... answers) {
    this.in = new BufferedReader(new StringReader(answers.length == 0 ? "" : String.join("\n", answers) + "\n"));
  }

  BufferedReader in() {
    return in;
  }

  PrintWriter out() {
    return out;
  }

  /** Everything written so far. */
  String output() {
    out.flush();
    return written.toString();
  }
}

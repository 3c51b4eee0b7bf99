package dev.autodiscover.benchmarks.scenario;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * How a child JVM hands its {@link JobResult} to the runner: one tab-separated line per fact on
 * standard output, each starting with {@value #PREFIX} so that anything else a library prints
 * there is told apart.
 */
final class ResultLines {

  static final String PREFIX = "@@";

  private ResultLines() {}

  static void write(JobResult result, PrintStream out) {
    out.println(resolution("warmup", result.warmUp()));
    result.resolutions().forEach(resolution -> out.println(resolution("resolution", resolution)));
    out.println(PREFIX + "wall\t" + result.wallNanos());
    out.println(PREFIX + "heap\t" + result.heap().usedBytes() + "\t" + result.heap().liveBytes());
    out.println(PREFIX + "end");
    out.flush();
  }

  /** Whether {@code line} is one of ours. */
  static boolean isResultLine(String line) {
    return line.startsWith(PREFIX);
  }

  /**
   * The result the lines describe.
   *
   * @throws IllegalArgumentException if the lines are incomplete, naming what is missing
   */
  static JobResult read(List<String> lines) {
    Resolution warmUp = null;
    List<Resolution> resolutions = new ArrayList<>();
    Long wall = null;
    HeapPeak heap = null;
    boolean ended = false;
    for (String line : lines) {
      String[] fields = line.substring(PREFIX.length()).split("\t", -1);
      switch (fields[0]) {
        case "warmup" -> warmUp = resolution(fields);
        case "resolution" -> resolutions.add(resolution(fields));
        case "wall" -> wall = Long.parseLong(fields[1]);
        case "heap" -> heap = new HeapPeak(Long.parseLong(fields[1]), Long.parseLong(fields[2]));
        case "end" -> ended = true;
        default -> throw new IllegalArgumentException("unknown result line: " + line);
      }
    }
    if (!ended || warmUp == null || wall == null || heap == null) {
      throw new IllegalArgumentException("the child JVM's result is incomplete ("
          + lines.size() + " lines, end seen: " + ended + ")");
    }
    return new JobResult(warmUp, resolutions, wall, heap);
  }

  private static String resolution(String kind, Resolution resolution) {
    return PREFIX + kind + "\t" + resolution.email() + "\t" + resolution.resolved() + "\t"
        + resolution.nanos() + "\t" + resolution.detail().replace('\t', ' ');
  }

  private static Resolution resolution(String[] fields) {
    return new Resolution(fields[1], Boolean.parseBoolean(fields[2]), Long.parseLong(fields[3]),
        fields[4]);
  }
}

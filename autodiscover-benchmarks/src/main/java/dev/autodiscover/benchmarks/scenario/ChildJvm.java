package dev.autodiscover.benchmarks.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a contender's job in a JVM of its own, so that its heap holds the client alone (the
 * fixtures stay in the runner's JVM) and so that ews-java-api can be given the system
 * properties it needs to reach loopback.
 *
 * <p>Every child gets {@code -Djdk.net.hosts.file} with the fixtures' names, so a JDK name
 * lookup either finds a fixture or fails on the spot: none leaves the machine. ews-java-api's
 * child also gets the SOCKS5 proxy and a trust store holding the fixtures' authority.
 */
final class ChildJvm {

  private final Path folder;
  private final int socksPort;
  private final RunOptions run;

  /**
   * @param folder where the {@link FixtureMap} was written; job files and logs go there too
   * @param socksPort the {@link Socks5Proxy}'s port on 127.0.0.1
   * @param run the children's JVM options and request timeout
   */
  ChildJvm(Path folder, int socksPort, RunOptions run) {
    this.folder = folder;
    this.socksPort = socksPort;
    this.run = run;
  }

  JobResult run(Contender contender, ClientJob job) {
    List<String> command = command(contender, job);
    Path log = folder.resolve(contender.id() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    List<String> lines = new ArrayList<>();
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (ResultLines.isResultLine(line)) {
            lines.add(line);
          } else {
            System.err.println(contender + " (stdout): " + line);
          }
        }
      }
      int status = process.waitFor();
      if (status != 0) {
        throw new IllegalStateException(contender + "'s JVM exited with status " + status
            + "; its standard error, " + log + ", ends with:\n" + tail(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + contender + "'s JVM: " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + contender + " ran", e);
    }
    return ResultLines.read(lines);
  }

  private List<String> command(Contender contender, ClientJob job) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(run.jvmOptions());
    command.add("-Djdk.net.hosts.file=" + folder.resolve(FixtureMap.HOSTS_FILE));
    if (!contender.isOurs()) {
      command.add("-DsocksProxyHost=127.0.0.1");
      command.add("-DsocksProxyPort=" + socksPort);
      command.add("-DsocksNonProxyHosts="); // the default exempts 127.*; every connection goes through the proxy
      command.add("-Djavax.net.ssl.trustStore=" + folder.resolve(FixtureMap.TRUST_STORE));
      command.add("-Djavax.net.ssl.trustStoreType=PKCS12");
      command.add("-Djavax.net.ssl.trustStorePassword=" + FixtureMap.TRUST_STORE_PASSWORD);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ClientMain.class.getName());
    command.add(contender.id());
    command.add(folder.toString());
    command.add(run.requestTimeout().map(timeout -> Long.toString(timeout.toMillis())).orElse("-"));
    if (job instanceof ClientJob.Repeated repeated) {
      command.addAll(List.of("repeated", repeated.warmUp(), repeated.email(),
          Integer.toString(repeated.repetitions())));
    } else if (job instanceof ClientJob.Bulk bulk) {
      Path addresses = folder.resolve(contender.id() + "-addresses.txt");
      try {
        Files.write(addresses, bulk.addresses(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write " + addresses, e);
      }
      command.addAll(List.of("bulk", bulk.warmUp(), addresses.toString(),
          Integer.toString(bulk.concurrency())));
    }
    return command;
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}

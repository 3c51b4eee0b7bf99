package dev.autodiscover.examples.cli;

import picocli.CommandLine;

/** Reads the version from the jar's manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = AutodiscoverCommand.class.getPackage().getImplementationVersion();
    return new String[] {"autodiscover " + (version != null ? version : "dev")};
  }
}

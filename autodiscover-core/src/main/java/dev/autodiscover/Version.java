package dev.autodiscover;

/** The library's version, read from the jar's manifest. */
final class Version {
  static final String VERSION = read();

  private Version() {}

  private static String read() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version != null ? version : "dev";
  }
}

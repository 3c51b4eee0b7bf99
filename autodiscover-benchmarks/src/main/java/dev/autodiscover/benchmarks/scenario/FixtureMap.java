package dev.autodiscover.benchmarks.scenario;

import dev.autodiscover.testkit.FixtureNetwork;
import dev.autodiscover.tls.TrustConfiguration;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a client in another JVM needs to reach a fixture network: the stub DNS server, each
 * host name's synthetic address, where each (address, port) is routed on 127.0.0.1, and the
 * certificate authority to trust.
 *
 * <p>Written to a folder as {@code fixture.properties} and {@code ca.pem}, with two files for
 * clients that only know the JDK's own plumbing: {@code hosts} (for {@code jdk.net.hosts.file})
 * and {@code truststore.p12} (for {@code javax.net.ssl.trustStore}).
 *
 * @param dnsServer where DNS queries go
 * @param names each host name and its synthetic address in 127.0.0.0/8
 * @param routes each routed (synthetic address, port) and the 127.0.0.1 port serving it
 * @param authority the certificate authority every fixture certificate comes from
 */
record FixtureMap(
    InetSocketAddress dnsServer,
    Map<String, InetAddress> names,
    Map<InetSocketAddress, InetSocketAddress> routes,
    X509Certificate authority) {

  static final String HOSTS_FILE = "hosts";
  static final String TRUST_STORE = "truststore.p12";
  static final String TRUST_STORE_PASSWORD = "fixture";

  private static final String PROPERTIES = "fixture.properties";
  private static final String AUTHORITY = "ca.pem";

  FixtureMap {
    names = Map.copyOf(names);
    routes = Map.copyOf(routes);
  }

  /** The map of {@code network} for the given host names, every one known to the network. */
  static FixtureMap of(FixtureNetwork network, Collection<String> names) {
    Map<String, InetAddress> addresses = new LinkedHashMap<>();
    for (String name : names) {
      addresses.put(name, network.addressOf(name));
    }
    return new FixtureMap(network.dnsServer(), addresses, network.socketFactory().routes(),
        network.certificateAuthority().certificate());
  }

  /** Writes the four files into {@code folder}, which must exist. */
  void writeTo(Path folder) {
    Properties properties = new Properties();
    properties.setProperty("dns", authority(dnsServer));
    names.forEach((name, address) -> properties.setProperty("name." + name, address.getHostAddress()));
    routes.forEach((from, to) -> properties.setProperty("route." + authority(from), authority(to)));
    try (Writer out = Files.newBufferedWriter(folder.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
      properties.store(out, "fixture network");
      Files.writeString(folder.resolve(AUTHORITY), pem(authority), StandardCharsets.US_ASCII);
      Files.writeString(folder.resolve(HOSTS_FILE), hostsFile(), StandardCharsets.US_ASCII);
      writeTrustStore(folder.resolve(TRUST_STORE));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the fixture map to " + folder, e);
    }
  }

  /** Reads what {@link #writeTo} wrote. */
  static FixtureMap readFrom(Path folder) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(folder.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the fixture map in " + folder, e);
    }
    Map<String, InetAddress> names = new TreeMap<>();
    Map<InetSocketAddress, InetSocketAddress> routes = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      String value = properties.getProperty(key);
      if (key.startsWith("name.")) {
        names.put(key.substring("name.".length()), literal(value));
      } else if (key.startsWith("route.")) {
        routes.put(socketAddress(key.substring("route.".length())), socketAddress(value));
      }
    }
    List<X509Certificate> authority = TrustConfiguration.readPem(folder.resolve(AUTHORITY));
    return new FixtureMap(socketAddress(properties.getProperty("dns")), names, routes,
        authority.get(0));
  }

  private String hostsFile() {
    StringBuilder hosts = new StringBuilder("# the fixture network's names, for -Djdk.net.hosts.file\n");
    new TreeMap<>(names).forEach((name, address) ->
        hosts.append(address.getHostAddress()).append(' ').append(name).append('\n'));
    return hosts.toString();
  }

  private void writeTrustStore(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("fixture-ca", authority);
      store.store(out, TRUST_STORE_PASSWORD.toCharArray());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not write a PKCS12 trust store", e);
    }
  }

  private static String pem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not encode " + certificate.getSubjectX500Principal(), e);
    }
  }

  private static String authority(InetSocketAddress address) {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  private static InetSocketAddress socketAddress(String text) {
    int colon = text.lastIndexOf(':');
    return new InetSocketAddress(literal(text.substring(0, colon)),
        Integer.parseInt(text.substring(colon + 1)));
  }

  private static InetAddress literal(String ipv4) {
    String[] parts = ipv4.split("\\.");
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 literal: " + ipv4);
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    try {
      return InetAddress.getByAddress(bytes); // no lookup: the bytes are the address
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}

package dev.autodiscover.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * A socket factory JNDI can be pointed at (its {@code java.naming.ldap.factory.socket} property
 * names a class with a static {@code getDefault()}), making TLS sockets that trust what the test
 * set with {@link #trust}.
 *
 * <p>Thread safety: the delegate is one volatile field shared by the whole JVM; tests that use
 * it set it before connecting and do not run in parallel.
 */
public final class TrustingLdapSocketFactory extends SocketFactory {

  private static volatile SSLSocketFactory delegate;

  /** Makes every factory JNDI gets from {@link #getDefault()} use {@code sockets}. */
  static void trust(SSLSocketFactory sockets) {
    delegate = sockets;
  }

  /** Called by JNDI, by reflection. */
  public static SocketFactory getDefault() {
    return new TrustingLdapSocketFactory();
  }

  private static SSLSocketFactory delegate() {
    SSLSocketFactory sockets = delegate;
    if (sockets == null) {
      throw new IllegalStateException("call TrustingLdapSocketFactory.trust(...) first");
    }
    return sockets;
  }

  @Override
  public Socket createSocket() throws IOException {
    return delegate().createSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return delegate().createSocket(host, port);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return delegate().createSocket(host, port, localHost, localPort);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return delegate().createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
      int localPort) throws IOException {
    return delegate().createSocket(address, port, localAddress, localPort);
  }
}

package dev.autodiscover.testkit;

import com.github.tomakehurst.wiremock.common.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends WireMock's messages to this module's SLF4J logger at DEBUG, instead of the console.
 *
 * <p>Thread safety: stateless.
 */
final class Slf4jWireMockNotifier implements Notifier {

  private static final Logger log = LoggerFactory.getLogger(FixtureHost.class);

  private final String host;

  Slf4jWireMockNotifier(String host) {
    this.host = host;
  }

  @Override
  public void info(String message) {
    log.debug("{}: {}", host, message);
  }

  @Override
  public void error(String message) {
    log.debug("{}: {}", host, message);
  }

  @Override
  public void error(String message, Throwable t) {
    log.debug("{}: {}", host, message, t);
  }
}

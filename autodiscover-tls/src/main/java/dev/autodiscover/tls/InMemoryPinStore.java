package dev.autodiscover.tls;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link PinStore} in memory; forgotten when the process ends. Thread-safe. */
final class InMemoryPinStore implements PinStore {
  private final Set<String> pins = ConcurrentHashMap.newKeySet();

  @Override
  public boolean isPinned(String host, String sha256) {
    return pins.contains(key(host, sha256));
  }

  @Override
  public void pin(String host, String sha256) {
    pins.add(key(host, sha256));
  }

  private static String key(String host, String sha256) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(sha256, "sha256");
    return host.toLowerCase(Locale.ROOT) + ' ' + sha256.toLowerCase(Locale.ROOT);
  }
}

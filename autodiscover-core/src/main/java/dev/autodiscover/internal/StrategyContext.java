package dev.autodiscover.internal;

import dev.autodiscover.ActiveDirectory;
import dev.autodiscover.DiscoveryMethod;
import dev.autodiscover.spi.DirectoryClient;
import dev.autodiscover.spi.DiscoveryContext;
import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.spi.PendingAttempt;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** The {@link DiscoveryContext} of one address within one resolution. */
final class StrategyContext implements DiscoveryContext {
  private final EmailAddress email;
  private final ResolverConfig config;
  private final Supplier<OkHttpClient> client;
  private final Supplier<Instant> deadline;
  private final Supplier<Duration> remaining;
  private final BiFunction<DiscoveryMethod, String, AttemptTimer> begin;

  StrategyContext(
      EmailAddress email,
      ResolverConfig config,
      Supplier<OkHttpClient> client,
      Supplier<Instant> deadline,
      Supplier<Duration> remaining,
      BiFunction<DiscoveryMethod, String, AttemptTimer> begin) {
    this.email = email;
    this.config = config;
    this.client = client;
    this.deadline = deadline;
    this.remaining = remaining;
    this.begin = begin;
  }

  @Override
  public String emailAddress() {
    return email.address();
  }

  @Override
  public String domain() {
    return email.domain();
  }

  @Override
  public DnsClient dns() {
    return config.dns();
  }

  @Override
  public Optional<ActiveDirectory> activeDirectory() {
    return config.activeDirectory();
  }

  @Override
  public DirectoryClient directory() {
    return config.directory();
  }

  @Override
  public Duration requestTimeout() {
    return config.requestTimeout();
  }

  @Override
  public OkHttpClient httpClient() {
    return client.get();
  }

  @Override
  public Instant deadline() {
    return deadline.get();
  }

  @Override
  public Duration remaining() {
    return remaining.get();
  }

  @Override
  public PendingAttempt begin(DiscoveryMethod method, String target) {
    return begin.apply(method, target);
  }
}

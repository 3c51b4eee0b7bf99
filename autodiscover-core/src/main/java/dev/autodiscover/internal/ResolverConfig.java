package dev.autodiscover.internal;

import dev.autodiscover.ActiveDirectory;
import dev.autodiscover.Probing;
import dev.autodiscover.RedirectConsent;
import dev.autodiscover.event.AutodiscoverListener;
import dev.autodiscover.internal.dialect.DialectChoice;
import dev.autodiscover.internal.http.Transport;
import dev.autodiscover.spi.CredentialsProvider;
import dev.autodiscover.spi.DirectoryClient;
import dev.autodiscover.spi.DiscoveryStrategy;
import dev.autodiscover.spi.DnsClient;
import dev.autodiscover.tls.PinStore;
import dev.autodiscover.tls.UntrustedCertificateHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything a resolution needs from its resolver; immutable. */
public record ResolverConfig(
    List<DiscoveryStrategy> strategies,
    DialectChoice dialects,
    DnsClient dns,
    Optional<ActiveDirectory> activeDirectory,
    DirectoryClient directory,
    Transport transport,
    RedirectConsent redirectConsent,
    UntrustedCertificateHandler certificateHandler,
    PinStore pinStore,
    CredentialsProvider credentials,
    AutodiscoverListener listener,
    Probing probing,
    LastKnownGood lastKnownGood,
    HostLimits hostLimits,
    Duration timeout,
    Duration requestTimeout,
    String userAgent,
    Clock clock) {

  /** At most this many redirects of all kinds in one resolution. */
  public static final int MAX_REDIRECTS = 10;

  /** Returns this configuration with requests bounded by {@code limits}. */
  public ResolverConfig withHostLimits(HostLimits limits) {
    return new ResolverConfig(strategies, dialects, dns, activeDirectory, directory, transport, redirectConsent,
        certificateHandler, pinStore, credentials, listener, probing, lastKnownGood, limits, timeout,
        requestTimeout, userAgent, clock);
  }
}

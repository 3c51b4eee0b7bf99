package dev.autodiscover.benchmarks.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import microsoft.exchange.webservices.data.autodiscover.AutodiscoverService;
import microsoft.exchange.webservices.data.autodiscover.enumeration.AutodiscoverErrorCode;
import microsoft.exchange.webservices.data.autodiscover.enumeration.UserSettingName;
import microsoft.exchange.webservices.data.autodiscover.response.GetUserSettingsResponse;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.exception.misc.ArgumentException;
import microsoft.exchange.webservices.data.credential.WebCredentials;

/**
 * ews-java-api 2.0 as a scenario contender: {@code AutodiscoverService} asked for
 * Exchange 2007 SP1, which makes {@code getUserSettings} take its POX ("legacy") path —
 * {@code https://<domain>}, then {@code https://autodiscover.<domain>}, then the plain-HTTP
 * redirect, then SRV — with its defaults otherwise: a 100-second timeout on every request.
 *
 * <p>It resolves names with the JDK and connects with plain sockets, so it runs in a JVM started
 * with {@code -Djdk.net.hosts.file} (the fixtures' names), {@code -DsocksProxyHost} (a
 * {@link Socks5Proxy} routing like the fixture network) and {@code -Djavax.net.ssl.trustStore}
 * (the fixtures' authority); see {@link ChildJvm}. Its SRV step, which the scenarios never
 * reach, would query the fixtures' stub DNS server rather than the system's.
 *
 * <p>Every address gets a new {@code AutodiscoverService}: one is not safe for concurrent use,
 * and after a success it keeps the URL that answered and appends the Autodiscover path to it
 * again for the next address.
 */
final class EwsJavaApiClient implements ScenarioClient {

  private static final UserSettingName[] SETTINGS = {
      UserSettingName.ExternalEwsUrl, UserSettingName.InternalEwsUrl};

  private final String dnsServer;

  EwsJavaApiClient(FixtureMap fixtures) {
    this.dnsServer = fixtures.dnsServer().getAddress().getHostAddress() + ":"
        + fixtures.dnsServer().getPort();
  }

  @Override
  public Resolution resolveOnce(String email) {
    long start = System.nanoTime();
    try (AutodiscoverService service = new LoopbackDnsAutodiscoverService(dnsServer)) {
      service.setEnableScpLookup(false);
      service.setRedirectionUrlValidationCallback(url -> true);
      service.setCredentials(new WebCredentials("benchmark", "not-a-password"));
      GetUserSettingsResponse response = service.getUserSettings(email, SETTINGS);
      long nanos = System.nanoTime() - start;
      Object ews = response.getSettings().getOrDefault(UserSettingName.ExternalEwsUrl,
          response.getSettings().get(UserSettingName.InternalEwsUrl));
      boolean resolved = response.getErrorCode() == AutodiscoverErrorCode.NoError && ews != null;
      return new Resolution(email, resolved, nanos, resolved
          ? "EWS URL from " + service.getUrl()
          : response.getErrorCode() + " " + response.getErrorMessage());
    } catch (Exception e) {
      return new Resolution(email, false, System.nanoTime() - start,
          e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  @Override
  public List<Resolution> resolveAll(List<String> addresses, int concurrency) {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      CompletionService<Resolution> done = new ExecutorCompletionService<>(pool);
      addresses.forEach(email -> done.submit(() -> resolveOnce(email)));
      List<Resolution> results = new ArrayList<>(addresses.size());
      for (int i = 0; i < addresses.size(); i++) {
        results.add(done.take().get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resolving", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a resolution threw", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public void close() {}

  /** The service with its DNS server (used by the SRV step alone) set to the stub server. */
  private static final class LoopbackDnsAutodiscoverService extends AutodiscoverService {
    LoopbackDnsAutodiscoverService(String dnsServer) throws ArgumentException {
      super(ExchangeVersion.Exchange2007_SP1);
      setDnsServerAddress(dnsServer);
    }
  }
}

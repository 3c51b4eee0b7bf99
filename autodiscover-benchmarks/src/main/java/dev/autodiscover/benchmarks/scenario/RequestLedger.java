package dev.autodiscover.benchmarks.scenario;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestListener;
import com.github.tomakehurst.wiremock.http.Response;
import dev.autodiscover.testkit.FixtureHost;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts, on the server side, every HTTP request the fixture hosts receive: per host name (the
 * {@code Host} header), and per mailbox address, read from the {@code EMailAddress} of the POX
 * request body. A request without one (a GET, a body that is not POX) is counted as
 * unattributed.
 *
 * <p>Thread safety: safe for concurrent use; hosts call it from their serving threads.
 */
final class RequestLedger implements RequestListener {

  private static final Pattern EMAIL_ADDRESS =
      Pattern.compile("<EMailAddress>\\s*([^<\\s]+)\\s*</EMailAddress>");

  private final Map<String, LongAdder> perHost = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> perAddress = new ConcurrentHashMap<>();
  private final LongAdder unattributed = new LongAdder();

  /** Starts counting what {@code host} receives. */
  void watch(FixtureHost host) {
    host.wireMock().addMockServiceRequestListener(this);
  }

  @Override
  public void requestReceived(Request request, Response response) {
    String host = request.getHost() == null ? "" : request.getHost().toLowerCase(Locale.ROOT);
    perHost.computeIfAbsent(host, key -> new LongAdder()).increment();
    Matcher email = EMAIL_ADDRESS.matcher(request.getBodyAsString());
    if (email.find()) {
      perAddress.computeIfAbsent(email.group(1).toLowerCase(Locale.ROOT), key -> new LongAdder())
          .increment();
    } else {
      unattributed.increment();
    }
  }

  /** Requests received for {@code email}. */
  long forAddress(String email) {
    LongAdder count = perAddress.get(email.toLowerCase(Locale.ROOT));
    return count == null ? 0 : count.sum();
  }

  /** Requests received with {@code host} in the Host header. */
  long forHost(String host) {
    LongAdder count = perHost.get(host.toLowerCase(Locale.ROOT));
    return count == null ? 0 : count.sum();
  }

  /** Requests that named no address. */
  long unattributed() {
    return unattributed.sum();
  }

  /** Forgets every count, before the next contender's run. */
  void reset() {
    perHost.clear();
    perAddress.clear();
    unattributed.reset();
  }
}

package dev.autodiscover.testkit;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request a {@link FixtureHost} received.
 *
 * <p>Thread safety: immutable.
 *
 * @param method the request method, such as {@code "POST"}
 * @param scheme {@code "https"} or {@code "http"}, the connector it arrived on
 * @param host the host name the client addressed (the {@code Host} header, or the HTTP/2
 *     {@code :authority}, which is not among the headers), without the port
 * @param protocol the HTTP version, such as {@code "HTTP/1.1"} or {@code "HTTP/2.0"}
 * @param path the path, without the query
 * @param url the path and query as sent
 * @param headers every header, by name as sent, with its values in order
 * @param body the body decoded as UTF-8, empty when there was none
 */
public record ReceivedRequest(
    String method,
    String scheme,
    String host,
    String protocol,
    String path,
    String url,
    Map<String, List<String>> headers,
    String body) {

  public ReceivedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(body, "body");
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
  }

  /** The first value of the header {@code name} (any case), if it was sent. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Whether the header {@code name} (any case) was sent. */
  public boolean hasHeader(String name) {
    return headers.containsKey(name);
  }

  @Override
  public String toString() {
    return method + " " + scheme + "://" + host + url + " " + protocol + " "
        + headers.keySet().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }
}

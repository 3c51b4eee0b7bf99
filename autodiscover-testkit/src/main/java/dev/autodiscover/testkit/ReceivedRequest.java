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
 * @param url the path and query as sent; {@link #query()} and {@link #queryParameter(String)} read
 *     the query
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

  /** The query as sent, after the first {@code ?} and still percent-encoded; empty without one. */
  public String query() {
    return QueryStrings.query(url);
  }

  /**
   * Every query parameter, by name in any letter case (the first spelling sent is kept), with its
   * values in the order sent, percent-decoded as UTF-8 with {@code +} read as a space, as Exchange
   * reads them; unmodifiable.
   */
  public Map<String, List<String>> queryParameters() {
    Map<String, List<String>> parameters = QueryStrings.parameters(query());
    parameters.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(parameters);
  }

  /**
   * The first value of the query parameter {@code name} (any case), decoded as
   * {@link #queryParameters()} decodes it, if it was sent.
   */
  public Optional<String> queryParameter(String name) {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(QueryStrings.first(query(), name));
  }

  @Override
  public String toString() {
    return method + " " + scheme + "://" + host + url + " " + protocol + " "
        + headers.keySet().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }
}

package dev.autodiscover.internal.dialect;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The Autodiscover paths of each dialect, and moving a URL from one to another. */
final class AutodiscoverPaths {
  static final String XML = "/autodiscover/autodiscover.xml";
  static final String SVC = "/autodiscover/autodiscover.svc";
  static final String JSON = "/autodiscover/autodiscover.json";

  private AutodiscoverPaths() {}

  /**
   * Returns {@code url} asking {@link #XML} when it asks another dialect's path; any other path,
   * such as one a directory publishes, is kept.
   */
  static URI xml(URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath().toLowerCase(Locale.ROOT);
    return path.equals(SVC) || path.equals(JSON) || path.startsWith(JSON + "/") ? onHost(url, XML) : url;
  }

  /** Returns the URL with the scheme, host and port of {@code url} and the path {@code path}, without query. */
  static URI onHost(URI url, String path) {
    try {
      return new URI(url.getScheme(), null, url.getHost(), url.getPort(), path, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot move " + url + " to " + path, e);
    }
  }
}

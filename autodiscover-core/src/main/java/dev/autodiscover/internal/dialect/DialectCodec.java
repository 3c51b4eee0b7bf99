package dev.autodiscover.internal.dialect;

import dev.autodiscover.Dialect;
import java.net.URI;
import okhttp3.Request;

/**
 * How one dialect asks its question and reads the answer: the rest of a candidate's exchange
 * (credentials, certificates, redirects, bounds) is the same for every dialect.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface DialectCodec {

  /** Returns the dialect this codec speaks. */
  Dialect dialect();

  /**
   * Returns the URL to ask on the host of {@code candidate}, a URL a discovery step proposed (which
   * names the POX path). Redirect targets are asked as they are and do not come through here.
   */
  URI endpoint(URI candidate, String emailAddress);

  /** Returns the request for {@code emailAddress} to send to {@code url}, without User-Agent or Authorization. */
  Request.Builder request(URI url, String emailAddress);

  /** Returns whether a 401 may be answered with the host application's credentials. */
  boolean sendsCredentials();

  /**
   * Returns what the endpoint cache keeps of {@code answered}, a URL that answered in this dialect:
   * by default the URL itself; a dialect whose URL names the address keeps its host alone.
   */
  default URI cacheable(URI answered) {
    return answered;
  }

  /** Returns the largest answer body this dialect reads. */
  int maxBodyBytes();

  /** Reads a 200 answer's body; never throws for bad input. */
  Reply read(byte[] body);
}

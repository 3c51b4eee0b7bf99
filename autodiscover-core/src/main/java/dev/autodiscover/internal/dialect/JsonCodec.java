package dev.autodiscover.internal.dialect;

import dev.autodiscover.Dialect;
import dev.autodiscover.internal.json.JsonAnswer;
import dev.autodiscover.internal.json.JsonRequest;
import java.net.URI;
import okhttp3.Request;

/**
 * Autodiscover v2: {@code GET /autodiscover/autodiscover.json/v1.0/<email>?Protocol=<name>}, never
 * with credentials.
 */
final class JsonCodec implements DialectCodec {
  private final String protocol;

  JsonCodec(String protocol) {
    this.protocol = JsonRequest.protocolName(protocol);
  }

  @Override
  public Dialect dialect() {
    return Dialect.JSON;
  }

  @Override
  public URI endpoint(URI candidate, String emailAddress) {
    return JsonRequest.url(candidate, emailAddress, protocol);
  }

  /** The answering URL names the address; the cache keeps the host, asked again in any dialect. */
  @Override
  public URI cacheable(URI answered) {
    return AutodiscoverPaths.onHost(answered, AutodiscoverPaths.XML);
  }

  @Override
  public Request.Builder request(URI url, String emailAddress) {
    return new Request.Builder().url(url.toString()).get().header("Accept", "application/json");
  }

  /** Returns whether this codec asks for {@code AutodiscoverV1}, whose answers name a URL to ask in POX. */
  boolean leadsToPox() {
    return protocol.equalsIgnoreCase(JsonAnswer.AUTODISCOVER_V1);
  }

  @Override
  public boolean sendsCredentials() {
    return false;
  }

  @Override
  public int maxBodyBytes() {
    return JsonAnswer.MAX_BODY_BYTES;
  }

  @Override
  public Reply read(byte[] body) {
    return JsonAnswer.read(body, protocol);
  }
}

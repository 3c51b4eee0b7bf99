package dev.autodiscover.internal.dialect;

import dev.autodiscover.Dialect;
import dev.autodiscover.internal.activesync.ActiveSyncParser;
import dev.autodiscover.internal.activesync.ActiveSyncRequest;
import java.net.URI;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** ActiveSync Autodiscover: the mobilesync request schema POSTed to {@code /autodiscover/autodiscover.xml}. */
final class ActiveSyncCodec implements DialectCodec {
  static final ActiveSyncCodec INSTANCE = new ActiveSyncCodec();
  private static final MediaType XML = MediaType.get(ActiveSyncRequest.CONTENT_TYPE);

  private ActiveSyncCodec() {}

  @Override
  public Dialect dialect() {
    return Dialect.ACTIVESYNC;
  }

  @Override
  public URI endpoint(URI candidate, String emailAddress) {
    return AutodiscoverPaths.xml(candidate);
  }

  @Override
  public Request.Builder request(URI url, String emailAddress) {
    return new Request.Builder()
        .url(url.toString())
        .post(RequestBody.create(ActiveSyncRequest.body(emailAddress), XML));
  }

  @Override
  public boolean sendsCredentials() {
    return true;
  }

  @Override
  public int maxBodyBytes() {
    return ActiveSyncParser.MAX_BODY_BYTES;
  }

  @Override
  public Reply read(byte[] body) {
    return ActiveSyncParser.parse(body);
  }
}

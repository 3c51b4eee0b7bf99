package dev.autodiscover.internal.dialect;

import dev.autodiscover.Dialect;
import dev.autodiscover.internal.pox.PoxParser;
import dev.autodiscover.internal.pox.PoxRequest;
import dev.autodiscover.internal.pox.PoxResponse;
import java.net.URI;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** POX: the Outlook request schema POSTed to {@code /autodiscover/autodiscover.xml}. */
final class PoxCodec implements DialectCodec {
  static final PoxCodec INSTANCE = new PoxCodec();
  private static final MediaType XML = MediaType.get(PoxRequest.CONTENT_TYPE);

  private PoxCodec() {}

  @Override
  public Dialect dialect() {
    return Dialect.POX;
  }

  @Override
  public URI endpoint(URI candidate, String emailAddress) {
    return AutodiscoverPaths.xml(candidate);
  }

  @Override
  public Request.Builder request(URI url, String emailAddress) {
    return new Request.Builder().url(url.toString()).post(RequestBody.create(PoxRequest.body(emailAddress), XML));
  }

  @Override
  public boolean sendsCredentials() {
    return true;
  }

  @Override
  public int maxBodyBytes() {
    return PoxParser.MAX_BODY_BYTES;
  }

  @Override
  public Reply read(byte[] body) {
    PoxResponse pox = PoxParser.parse(body);
    if (pox instanceof PoxResponse.Settings settings) {
      return new Reply.Settings(settings.settings());
    }
    if (pox instanceof PoxResponse.RedirectAddr redirect) {
      return new Reply.RedirectAddr(redirect.address(), "redirectAddr");
    }
    if (pox instanceof PoxResponse.RedirectUrl redirect) {
      return new Reply.RedirectUrl(redirect.url(), "redirectUrl", Dialect.POX);
    }
    if (pox instanceof PoxResponse.Error error) {
      return new Reply.Error(error.code(), error.describe());
    }
    return new Reply.NotAutodiscover(((PoxResponse.NotAutodiscover) pox).reason());
  }
}

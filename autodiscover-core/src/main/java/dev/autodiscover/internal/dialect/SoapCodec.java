package dev.autodiscover.internal.dialect;

import dev.autodiscover.Dialect;
import dev.autodiscover.internal.soap.SoapParser;
import dev.autodiscover.internal.soap.SoapRequest;
import java.net.URI;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** SOAP Autodiscover: a {@code GetUserSettings} request POSTed to {@code /autodiscover/autodiscover.svc}. */
final class SoapCodec implements DialectCodec {
  private static final MediaType XML = MediaType.get(SoapRequest.CONTENT_TYPE);

  private final List<String> settings;

  SoapCodec(List<String> settings) {
    this.settings = List.copyOf(settings);
  }

  @Override
  public Dialect dialect() {
    return Dialect.SOAP;
  }

  @Override
  public URI endpoint(URI candidate, String emailAddress) {
    return AutodiscoverPaths.onHost(candidate, AutodiscoverPaths.SVC);
  }

  @Override
  public Request.Builder request(URI url, String emailAddress) {
    return new Request.Builder()
        .url(url.toString())
        .header("SOAPAction", SoapRequest.SOAP_ACTION)
        .post(RequestBody.create(SoapRequest.body(url, emailAddress, settings), XML));
  }

  @Override
  public boolean sendsCredentials() {
    return true;
  }

  @Override
  public int maxBodyBytes() {
    return SoapParser.MAX_BODY_BYTES;
  }

  @Override
  public Reply read(byte[] body) {
    return SoapParser.parse(body);
  }
}

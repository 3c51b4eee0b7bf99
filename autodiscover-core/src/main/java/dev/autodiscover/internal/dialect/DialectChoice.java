package dev.autodiscover.internal.dialect;

import dev.autodiscover.Dialect;
import dev.autodiscover.internal.soap.SoapRequest;
import java.util.List;
import java.util.Objects;

/**
 * The dialect a resolver speaks, with what the host application chose to ask in the dialects that
 * take a question: the Autodiscover v2 protocol name and the SOAP settings. Immutable and thread-safe.
 */
public final class DialectChoice {
  private final Dialect dialect;
  private final JsonCodec json;
  private final SoapCodec soap;

  /**
   * @param dialect the dialect candidates are asked in
   * @param jsonProtocol the {@code Protocol} asked of Autodiscover v2, such as {@code Ews}
   * @param soapSettings the settings a SOAP {@code GetUserSettings} request names; empty for the default ones
   */
  public DialectChoice(Dialect dialect, String jsonProtocol, List<String> soapSettings) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.json = new JsonCodec(jsonProtocol);
    this.soap = new SoapCodec(soapSettings.isEmpty() ? SoapRequest.DEFAULT_SETTINGS : soapSettings);
  }

  /** Returns the codec candidates are asked with. */
  public DialectCodec codec() {
    return codec(dialect);
  }

  /**
   * Returns the codec to ask a remembered endpoint with, one that answered in {@code answered}:
   * that dialect's, when a resolution of this choice can end there (in its own dialect, or in POX
   * when Autodiscover v2 is asked for {@code AutodiscoverV1}, whose answers name POX URLs), so that
   * the endpoint is asked as it answered; otherwise this choice's own, which asks the endpoint's
   * host at its own path.
   */
  public DialectCodec forRemembered(Dialect answered) {
    boolean reached = answered == dialect || dialect == Dialect.JSON && answered == Dialect.POX && json.leadsToPox();
    return reached ? codec(answered) : codec();
  }

  /** Returns the codec for {@code spoken}, with this choice's questions. */
  public DialectCodec codec(Dialect spoken) {
    return switch (spoken) {
      case POX -> PoxCodec.INSTANCE;
      case JSON -> json;
      case SOAP -> soap;
      case ACTIVESYNC -> ActiveSyncCodec.INSTANCE;
    };
  }
}

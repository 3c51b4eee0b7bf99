package dev.autodiscover.internal.dialect;

import dev.autodiscover.Dialect;
import java.util.List;
import java.util.Objects;

/**
 * The dialect a resolver speaks, with what the host application chose to ask in the dialects that
 * take a question: the Autodiscover v2 protocol name and the SOAP settings. Immutable.
 *
 * @param dialect the dialect candidates are asked in
 * @param jsonProtocol the {@code Protocol} asked of Autodiscover v2, such as {@code Ews}
 * @param soapSettings the settings a SOAP {@code GetUserSettings} request names
 */
public record DialectChoice(Dialect dialect, String jsonProtocol, List<String> soapSettings) {
  public DialectChoice {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(jsonProtocol, "jsonProtocol");
    soapSettings = List.copyOf(soapSettings);
  }

  /** Returns the codec candidates are asked with. */
  public DialectCodec codec() {
    return codec(dialect);
  }

  /** Returns the codec for {@code spoken}, with this choice's questions. */
  public DialectCodec codec(Dialect spoken) {
    return switch (spoken) {
      case POX -> PoxCodec.INSTANCE;
      case JSON, SOAP, ACTIVESYNC -> throw new UnsupportedOperationException(spoken + " is not spoken yet");
    };
  }
}

package dev.autodiscover.examples.cli;

import dev.autodiscover.AutodiscoverResolver;
import dev.autodiscover.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options that choose the dialect candidates are asked in, and what it asks. */
final class DialectOptions {

  @Option(names = "--protocol", paramLabel = "pox|json|soap|activesync", defaultValue = "pox",
      description = "The Autodiscover dialect to ask every candidate in: POX XML (default), Autodiscover v2"
          + " JSON (GET, never with credentials), SOAP GetUserSettings, or the ActiveSync schema.")
  String protocol;

  @Option(names = "--json-protocol", paramLabel = "NAME", defaultValue = "Ews",
      description = "With --protocol json, the Protocol asked: Ews (default), ActiveSync, Rest, or"
          + " AutodiscoverV1, whose answer names the URL then asked in POX.")
  String jsonProtocol;

  @Option(names = "--soap-settings", paramLabel = "LIST", split = ",",
      description = "With --protocol soap, the settings requested, such as"
          + " UserDisplayName,ExternalEwsUrl. Default: the display name, legacy DN, deployment id and"
          + " SMTP address, the mailbox servers and EWS URLs, the EWS schemas, the server version and"
          + " the mobile mailbox policy.")
  List<String> soapSettings = new ArrayList<>();

  /** Sets the dialect these options name on {@code builder}, or throws {@link BadInputException}. */
  void applyTo(AutodiscoverResolver.Builder builder) {
    builder.dialect(dialect());
    try {
      builder.jsonProtocol(jsonProtocol);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--json-protocol: " + e.getMessage(), e);
    }
    if (!soapSettings.isEmpty()) {
      try {
        builder.soapSettings(soapSettings.stream().map(String::trim).toList());
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--soap-settings: " + e.getMessage(), e);
      }
    }
  }

  private Dialect dialect() {
    return switch (protocol.toLowerCase(Locale.ROOT)) {
      case "pox" -> Dialect.POX;
      case "json" -> Dialect.JSON;
      case "soap" -> Dialect.SOAP;
      case "activesync" -> Dialect.ACTIVESYNC;
      default -> throw new BadInputException(
          "--protocol: expected pox, json, soap or activesync, not '" + protocol + "'");
    };
  }
}

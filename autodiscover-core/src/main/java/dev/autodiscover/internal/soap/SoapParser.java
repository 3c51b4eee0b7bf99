package dev.autodiscover.internal.soap;

import dev.autodiscover.AutodiscoverSettings;
import dev.autodiscover.Dialect;
import dev.autodiscover.ProtocolSettings;
import dev.autodiscover.UserSettings;
import dev.autodiscover.internal.ServerText;
import dev.autodiscover.internal.dialect.Reply;
import dev.autodiscover.internal.xml.XmlTree;
import dev.autodiscover.internal.xml.XmlTree.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the answer to a SOAP Autodiscover {@code GetUserSettings} request ([MS-OXWSADISC] 3.1.4.2)
 * into a {@link Reply}.
 *
 * <p>The body is read by {@link XmlTree}, with the same refusals and bounds as a POX answer. The
 * root element must be {@code Envelope} in the SOAP 1.1 or SOAP 1.2 namespace; below it, elements
 * are matched by local name only. Decisions, first match wins:
 * <ol>
 *   <li>{@code Body/Fault}: {@link Reply.Error} with the fault's code and reason (SOAP 1.1
 *       {@code faultcode} and {@code faultstring}, or SOAP 1.2 {@code Code/Value} and
 *       {@code Reason/Text});
 *   <li>{@code Body/GetUserSettingsResponseMessage/Response} whose own {@code ErrorCode} is not
 *       {@code NoError}: {@link Reply.Error};
 *   <li>the first {@code UserResponses/UserResponse}, by its {@code ErrorCode}:
 *       {@code RedirectAddress} and {@code RedirectUrl} are redirects to its
 *       {@code RedirectTarget} ({@code NotAutodiscover} without one); {@code NoError}, or
 *       {@code InvalidSetting} and {@code SettingIsNotAvailable} with at least one setting
 *       returned, are {@link Reply.Settings}, each {@code UserSettingError} a note; any other code
 *       is {@link Reply.Error};
 *   <li>otherwise {@code NotAutodiscover}.
 * </ol>
 *
 * <p>The settings become one {@link ProtocolSettings} of type {@value #PROTOCOL_TYPE} whose values
 * map each setting's {@code Name} to its {@code Value}; a setting holding a collection
 * ({@code WebClientUrlCollectionSetting}, {@code ProtocolConnectionCollectionSetting}...) gives one
 * value per leaf, under {@code <Name>/<path below the setting>}, the first of a path kept.
 * {@code UserDisplayName}, {@code UserDN}, {@code AutoDiscoverSMTPAddress} and
 * {@code UserDeploymentId} also fill the {@link UserSettings}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SoapParser {

  /** The largest body this parser reads; a longer body is not Autodiscover. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** The most notes a {@link Reply.Settings} holds; the last says how many more were left out. */
  public static final int MAX_NOTES = 20;

  /** The type of the one protocol the settings are returned as. */
  public static final String PROTOCOL_TYPE = "GetUserSettings";

  static final String SOAP11_NAMESPACE = SoapRequest.ENVELOPE_NAMESPACE;
  static final String SOAP12_NAMESPACE = "http://www.w3.org/2003/05/soap-envelope";

  private SoapParser() {}

  /** Reads {@code body}, a response to a {@code GetUserSettings} request; never throws for bad input. */
  public static Reply parse(byte[] body) {
    Objects.requireNonNull(body, "body");
    Element envelope;
    try {
      envelope = XmlTree.read(body, MAX_BODY_BYTES, "Envelope", List.of(SOAP11_NAMESPACE, SOAP12_NAMESPACE));
    } catch (XmlTree.Refused e) {
      return new Reply.NotAutodiscover(e.reason());
    }
    Optional<Element> soapBody = envelope.child("Body");
    if (soapBody.isEmpty()) {
      return new Reply.NotAutodiscover("no Body in the SOAP envelope");
    }
    Optional<Element> fault = soapBody.get().child("Fault");
    if (fault.isPresent()) {
      return fault(fault.get());
    }
    Optional<Element> response =
        soapBody.get().child("GetUserSettingsResponseMessage").flatMap(m -> m.child("Response"));
    if (response.isEmpty()) {
      return new Reply.NotAutodiscover("no GetUserSettingsResponseMessage/Response or Fault in the SOAP Body");
    }
    return response(response.get());
  }

  private static Reply fault(Element fault) {
    // SOAP 1.1 writes faultcode and faultstring; SOAP 1.2 Code/Value and Reason/Text.
    String code = fault.childText("faultcode")
        .or(() -> fault.child("Code").flatMap(c -> c.childText("Value")))
        .orElse("");
    String reason = fault.childText("faultstring")
        .or(() -> fault.child("Reason").flatMap(r -> r.childText("Text")))
        .orElse("");
    return new Reply.Error(code, ServerText.errorLine("SOAP fault", code, reason, Optional.empty()));
  }

  private static Reply response(Element response) {
    String code = response.childText("ErrorCode").orElse("NoError");
    if (!code.equals("NoError")) {
      return error(response, code);
    }
    Optional<Element> user =
        response.child("UserResponses").flatMap(r -> r.child("UserResponse"));
    if (user.isEmpty()) {
      return new Reply.NotAutodiscover("no UserResponse in the GetUserSettings response");
    }
    return userResponse(user.get());
  }

  private static Reply userResponse(Element user) {
    String code = user.childText("ErrorCode").orElse("NoError");
    List<Element> settings =
        user.child("UserSettings").map(s -> s.children("UserSetting")).orElse(List.of());
    switch (code) {
      case "RedirectAddress" -> {
        return user.childText("RedirectTarget")
            .<Reply>map(address -> new Reply.RedirectAddr(address, "RedirectAddress"))
            .orElseGet(() -> new Reply.NotAutodiscover("RedirectAddress without an address"));
      }
      case "RedirectUrl" -> {
        return user.childText("RedirectTarget")
            .<Reply>map(url -> new Reply.RedirectUrl(url, "RedirectUrl", Dialect.SOAP))
            .orElseGet(() -> new Reply.NotAutodiscover("RedirectUrl without a URL"));
      }
      case "NoError" -> {
        return settings(user, settings);
      }
      case "InvalidSetting", "SettingIsNotAvailable" -> {
        return settings.isEmpty() ? error(user, code) : settings(user, settings);
      }
      default -> {
        return error(user, code);
      }
    }
  }

  private static Reply.Error error(Element response, String code) {
    return new Reply.Error(code, ServerText.errorLine(
        "Autodiscover error", code, response.childText("ErrorMessage").orElse(""), Optional.empty()));
  }

  private static Reply settings(Element user, List<Element> settings) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Element setting : settings) {
      Optional<String> name = setting.childText("Name");
      if (name.isEmpty()) {
        continue;
      }
      for (Element child : setting.children()) {
        if (child.name().equals("Name")) {
          continue;
        }
        // A StringSetting's Value is the setting's value; a collection's leaves go below its name.
        String path = child.name().equals("Value") && child.isLeaf()
            ? name.get()
            : name.get() + "/" + child.name();
        child.collectLeaves(path, values);
      }
    }
    UserSettings userSettings = new UserSettings(
        Optional.ofNullable(values.get("UserDisplayName")),
        Optional.ofNullable(values.get("UserDN")),
        Optional.ofNullable(values.get("AutoDiscoverSMTPAddress")),
        Optional.ofNullable(values.get("UserDeploymentId")));
    return new Reply.Settings(
        new AutodiscoverSettings(
            userSettings, Optional.empty(), List.of(new ProtocolSettings(PROTOCOL_TYPE, values))),
        notes(user));
  }

  /** One line per setting the server could not give: {@code Name: ErrorCode (ErrorMessage)}. */
  private static List<String> notes(Element user) {
    List<Element> errors =
        user.child("UserSettingErrors").map(e -> e.children("UserSettingError")).orElse(List.of());
    List<String> notes = new ArrayList<>();
    for (Element error : errors) {
      if (notes.size() == MAX_NOTES - 1 && errors.size() > MAX_NOTES) {
        notes.add((errors.size() - notes.size()) + " more setting errors");
        break;
      }
      String message = error.childText("ErrorMessage").map(m -> " (" + ServerText.oneLine(m) + ")").orElse("");
      notes.add(ServerText.oneLine(error.childText("SettingName").orElse("?")) + ": "
          + ServerText.oneLine(error.childText("ErrorCode").orElse("?")) + message);
    }
    return notes;
  }
}

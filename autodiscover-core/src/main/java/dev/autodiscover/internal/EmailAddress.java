package dev.autodiscover.internal;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address split into the local part and a domain ready for DNS: lower case, A-labels, no
 * trailing dot.
 *
 * @param address the address as it will be sent in the Autodiscover request
 * @param domain the domain, ASCII lower case
 */
public record EmailAddress(String address, String domain) {
  private static final int MAX_LENGTH = 320;
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  /** Parses {@code text}, or says what is wrong with it. */
  public static Parsed parse(String text) {
    if (text == null) {
      return Parsed.invalid("no address was given");
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return Parsed.invalid("the address is empty");
    }
    if (trimmed.length() > MAX_LENGTH) {
      return Parsed.invalid("the address is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c) && !isInQuotes(trimmed, i)) {
        return Parsed.invalid("the address contains a control or space character at position " + (i + 1));
      }
    }
    int at = trimmed.lastIndexOf('@');
    if (at < 0) {
      return Parsed.invalid("'" + trimmed + "' has no '@' and so no domain");
    }
    String local = trimmed.substring(0, at);
    String rawDomain = trimmed.substring(at + 1);
    if (local.isEmpty()) {
      return Parsed.invalid("'" + trimmed + "' has nothing before the '@'");
    }
    if (rawDomain.isEmpty()) {
      return Parsed.invalid("'" + trimmed + "' has no domain after the '@'");
    }
    Optional<String> domain = asciiDomain(rawDomain);
    if (domain.isEmpty()) {
      return Parsed.invalid("'" + rawDomain + "' is not a valid domain name");
    }
    return new Parsed(Optional.of(new EmailAddress(local + "@" + domain.get(), domain.get())), "");
  }

  /** Converts a domain to lower-case A-labels without a trailing dot, or empty when invalid. */
  public static Optional<String> asciiDomain(String domain) {
    String name = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    String ascii;
    try {
      ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (ascii.isEmpty() || ascii.length() > 253) {
      return Optional.empty();
    }
    for (String label : ascii.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.empty();
      }
    }
    return Optional.of(ascii);
  }

  private static boolean isInQuotes(String text, int index) {
    int quotes = 0;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '"') {
        quotes++;
      }
    }
    return quotes % 2 == 1;
  }

  /**
   * The address, or the reason it is not one.
   *
   * @param email the parsed address, when valid
   * @param problem what is wrong, when invalid; empty otherwise
   */
  public record Parsed(Optional<EmailAddress> email, String problem) {
    static Parsed invalid(String problem) {
      return new Parsed(Optional.empty(), problem);
    }
  }
}

package dev.autodiscover.internal;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address split into the local part and a domain ready for DNS: lower case, A-labels, no
 * trailing dot.
 *
 * <p>The local part follows RFC 5322 as RFC 6531 extends it to UTF-8: a dot-atom
 * ({@code first.last+tag}) or a quoted string ({@code "first last"}, with {@code \"} and
 * {@code \\} as the only escapes needed), at most {@value #MAX_LOCAL_OCTETS} octets. It is kept
 * exactly as written, since only the server may interpret it. The domain is a host name (an
 * internationalized one is converted to A-labels) that is not itself a public suffix: an address
 * {@code user@co.uk} would make the resolver ask hosts that belong to no one in particular, such as
 * {@code autodiscover.co.uk}. Address literals ({@code user@[192.0.2.1]}) name no domain to
 * discover and are refused. An address holding a control character (CR and LF included), a line
 * or paragraph separator, or an invisible format character (bidirectional overrides, zero-width
 * joiners) is refused, wherever it is; spaces around it are ignored.
 *
 * @param address the address as it will be sent in the Autodiscover request
 * @param domain the domain, ASCII lower case
 */
public record EmailAddress(String address, String domain) {
  private static final int MAX_LENGTH = 320;
  private static final int MAX_LOCAL_OCTETS = 64;
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final String ATOM_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

  /** Parses {@code text}, or says what is wrong with it. */
  public static Parsed parse(String text) {
    if (text == null) {
      return Parsed.invalid("no address was given");
    }
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      int c = text.codePointAt(i);
      int type = Character.getType(c);
      if (Character.isISOControl(c) || type == Character.SURROGATE || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || c == 0xFFFE || c == 0xFFFF) {
        return Parsed.invalid("the address contains " + unusable(c) + " at position " + (i + 1));
      }
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return Parsed.invalid("the address is empty");
    }
    if (trimmed.length() > MAX_LENGTH) {
      return Parsed.invalid("the address is longer than " + MAX_LENGTH + " characters");
    }
    int at = trimmed.startsWith("\"") ? endOfQuotedString(trimmed) : trimmed.indexOf('@');
    if (at == -2) {
      return Parsed.invalid("'" + trimmed + "' opens a quoted local part that it never closes");
    }
    if (at < 0 || at >= trimmed.length() || trimmed.charAt(at) != '@') {
      return Parsed.invalid(at < 0 || at >= trimmed.length()
          ? "'" + trimmed + "' has no '@' and so no domain"
          : "'" + trimmed + "' has text between its quoted local part and the '@'");
    }
    String local = trimmed.substring(0, at);
    String rawDomain = trimmed.substring(at + 1);
    if (local.isEmpty()) {
      return Parsed.invalid("'" + trimmed + "' has nothing before the '@'");
    }
    if (rawDomain.isEmpty()) {
      return Parsed.invalid("'" + trimmed + "' has no domain after the '@'");
    }
    Optional<String> localProblem = localPartProblem(local);
    if (localProblem.isPresent()) {
      return Parsed.invalid("'" + trimmed + "': " + localProblem.get());
    }
    if (rawDomain.startsWith("[")) {
      return Parsed.invalid("'" + trimmed + "' names an address literal, not a domain whose Autodiscover service can be found");
    }
    Optional<String> domain = asciiDomain(rawDomain);
    if (domain.isEmpty()) {
      return Parsed.invalid("'" + rawDomain + "' is not a valid domain name");
    }
    if (DomainRules.isPublicSuffix(domain.get())) {
      return Parsed.invalid("'" + domain.get() + "' is a public suffix, under which anyone may register a name;"
          + " no Autodiscover host is derived from it");
    }
    return new Parsed(Optional.of(new EmailAddress(local + "@" + domain.get(), domain.get())), "");
  }

  /**
   * Returns the index just past the quoted string {@code text} starts with, or -2 when it is not
   * closed.
   */
  private static int endOfQuotedString(String text) {
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return -2;
  }

  private static Optional<String> localPartProblem(String local) {
    if (local.getBytes(StandardCharsets.UTF_8).length > MAX_LOCAL_OCTETS) {
      return Optional.of("the part before the '@' is longer than " + MAX_LOCAL_OCTETS + " octets");
    }
    if (local.startsWith("\"")) {
      for (int i = 1; i < local.length() - 1; i++) {
        char c = local.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          return Optional.of("a quote inside a quoted local part must be escaped as \\\"");
        }
      }
      return Optional.empty();
    }
    if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      return Optional.of("the part before the '@' starts or ends with a dot, or has two in a row");
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      boolean atext = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '.' || ATOM_SPECIALS.indexOf(c) >= 0 || c >= 0x80 && !Character.isWhitespace(c) && !Character.isSpaceChar(c);
      if (!atext) {
        return Optional.of("'" + c + "' may stand before the '@' only inside quotes (\"...\"@)");
      }
    }
    return Optional.empty();
  }

  private static String unusable(int c) {
    return switch (c) {
      case '\r' -> "a line break (CR)";
      case '\n' -> "a line break (LF)";
      case '\t' -> "a tab";
      default -> String.format(describe(c) + " U+%04X", c);
    };
  }

  private static String describe(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL -> "the control character";
      case Character.FORMAT -> "the invisible format character";
      case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "the line break";
      default -> "the non-character";
    };
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

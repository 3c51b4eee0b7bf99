package dev.autodiscover.internal.dns;

import dev.autodiscover.spi.DnssecTrustAnchors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * A resolver that validates every answer with DNSSEC, from the host application's trust anchors
 * alone, and passes on only the answers found secure (the AD flag): an answer that is insecure
 * (unsigned) or bogus fails with an {@link UnvalidatedAnswerException} that says which answer and
 * why. Negative answers (NXDOMAIN, NODATA) are answers too and need their signed proof.
 *
 * <p>Thread-safe.
 */
final class ValidatedAnswers implements Resolver {
  /** The longest validator's reason kept in a message: a bogus RRset's reason quotes the whole RRset. */
  private static final int MAX_REASON = 300;

  private final ValidatingResolver validator;
  private final List<Name> anchored;
  private final List<String> zones;

  ValidatedAnswers(Resolver head, DnssecTrustAnchors anchors) {
    this.validator = new ValidatingResolver(head);
    // The validator also loads the file a system property names; only the host application's anchors count.
    validator.getTrustAnchors().clear();
    byte[] text = String.join("\n", anchors.records()).getBytes(StandardCharsets.UTF_8);
    try {
      validator.loadTrustAnchors(new ByteArrayInputStream(text));
    } catch (IOException e) {
      throw new UncheckedIOException("trust anchors already parsed could not be loaded", e);
    }
    this.zones = anchors.zones();
    this.anchored = zones.stream().map(zone -> Name.fromConstantString(zone.equals(".") ? "." : zone + ".")).toList();
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query) {
    return secureOnly(query, validator.sendAsync(query));
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query, Executor executor) {
    return secureOnly(query, validator.sendAsync(query, executor));
  }

  private CompletionStage<Message> secureOnly(Message query, CompletionStage<Message> answer) {
    return answer.thenCompose(response -> {
      if (response.getHeader().getFlag(Flags.AD)) {
        return CompletableFuture.completedFuture(response);
      }
      return CompletableFuture.failedFuture(new UnvalidatedAnswerException(refusal(query, response)));
    });
  }

  private String refusal(Message query, Message response) {
    Name name = query.getQuestion().getName();
    String host = display(name);
    String answer = "the answer for " + host + " " + Type.string(query.getQuestion().getType())
        + " is not DNSSEC-validated: ";
    if (anchored.stream().noneMatch(name::subdomain)) {
      return answer + "no trust anchor covers " + host + " (there are anchors for " + zones + " only)";
    }
    if (response.getRcode() == Rcode.SERVFAIL) {
      return answer + "it is bogus (" + reason(response) + "); the zone's signatures may have expired, a record"
          + " may have been changed on its way, or the trust anchor may not match the zone's key";
    }
    return answer + "it is insecure (" + reason(response) + ")";
  }

  /** The validator's reason: the TXT record it adds to the additional section, else the extended DNS error. */
  private static String reason(Message response) {
    for (Record record : response.getSection(Section.ADDITIONAL)) {
      if (record instanceof TXTRecord txt && record.getDClass() == ValidatingResolver.VALIDATION_REASON_QCLASS) {
        return shortened(String.join("", txt.getStrings()));
      }
    }
    OPTRecord opt = response.getOPT();
    if (opt != null) {
      for (EDNSOption option : opt.getOptions(EDNSOption.Code.EDNS_EXTENDED_ERROR)) {
        ExtendedErrorCodeOption error = (ExtendedErrorCodeOption) option;
        String text = error.getText();
        return shortened(ExtendedErrorCodeOption.text(error.getErrorCode())
            + (text == null || text.isEmpty() ? "" : ": " + text));
      }
    }
    return "the validator gave no reason; the server answered " + Rcode.string(response.getRcode());
  }

  private static String shortened(String reason) {
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
  }

  private static String display(Name name) {
    String text = name.toString(true);
    return text.isEmpty() ? "." : text;
  }

  @Override
  public void setPort(int port) {
    validator.setPort(port);
  }

  @Override
  public void setTCP(boolean flag) {
    validator.setTCP(flag);
  }

  @Override
  public void setIgnoreTruncation(boolean flag) {
    validator.setIgnoreTruncation(flag);
  }

  @Override
  public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
    validator.setEDNS(version, payloadSize, flags, options);
  }

  @Override
  public void setTSIGKey(TSIG key) {
    validator.setTSIGKey(key);
  }

  @Override
  public void setTimeout(Duration timeout) {
    validator.setTimeout(timeout);
  }

  @Override
  public Duration getTimeout() {
    return validator.getTimeout();
  }

  @Override
  public String toString() {
    return "ValidatedAnswers{" + zones + "}";
  }
}

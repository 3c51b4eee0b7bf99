package dev.autodiscover.testkit;

import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Response headers, error answers and UDP truncation for {@link StubDnsServer}.
 *
 * <p>Thread safety: stateless.
 */
final class StubDnsResponses {

  /** Largest UDP answer for a client that sends no EDNS OPT record (RFC 1035). */
  static final int CLASSIC_UDP_SIZE = 512;

  /** The EDNS payload size this server advertises (the DNS Flag Day 2020 value). */
  static final int SERVER_EDNS_SIZE = 1232;

  private StubDnsResponses() {}

  /**
   * An empty NOERROR response echoing the id, RD flag, opcode and question of {@code query}, and its
   * DO bit when it has an EDNS OPT record.
   */
  static Message replyTo(Message query) {
    Message response = new Message(query.getHeader().getID());
    Header header = response.getHeader();
    header.setFlag(Flags.QR);
    header.setFlag(Flags.AA);
    header.setOpcode(query.getHeader().getOpcode());
    if (query.getHeader().getFlag(Flags.RD)) {
      header.setFlag(Flags.RD);
    }
    for (Record question : query.getSection(Section.QUESTION)) {
      response.addRecord(question, Section.QUESTION);
    }
    if (query.getOPT() != null) {
      int dnssecOk = query.getOPT().getFlags() & ExtendedFlags.DO;
      response.addRecord(new OPTRecord(SERVER_EDNS_SIZE, 0, 0, dnssecOk), Section.ADDITIONAL);
    }
    return response;
  }

  /** A response to {@code query} carrying only {@code rcode}. */
  static Message error(Message query, int rcode) {
    Message response = replyTo(query);
    response.getHeader().unsetFlag(Flags.AA);
    response.getHeader().setRcode(rcode);
    return response;
  }

  /**
   * A FORMERR answer for a packet that could not be parsed, or {@code null} when it is too short
   * to even carry a message id.
   */
  static byte[] formErr(byte[] packet, int length) {
    if (length < Header.LENGTH) {
      return null;
    }
    int id = ((packet[0] & 0xff) << 8) | (packet[1] & 0xff);
    if ((packet[2] & 0x80) != 0) {
      return null; // a response, not a question: never answer it
    }
    Message response = new Message(id);
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setRcode(Rcode.FORMERR);
    return response.toWire();
  }

  /** The UDP payload size the client of {@code query} accepts. */
  static int udpLimit(Message query) {
    OPTRecord opt = query.getOPT();
    if (opt == null) {
      return CLASSIC_UDP_SIZE;
    }
    return Math.max(CLASSIC_UDP_SIZE, opt.getPayloadSize());
  }

  /**
   * Wire form of {@code response} for UDP: when it exceeds {@code limit} bytes, a copy with the TC
   * flag and no records other than the question, so that the client retries over TCP.
   */
  static byte[] forUdp(Message query, Message response, int limit) {
    byte[] wire = response.toWire();
    if (wire.length <= limit) {
      return wire;
    }
    Message truncated = replyTo(query);
    truncated.getHeader().setRcode(response.getHeader().getRcode());
    truncated.getHeader().setFlag(Flags.TC);
    return truncated.toWire();
  }
}

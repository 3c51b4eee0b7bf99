package dev.autodiscover.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class StubDnsServerTest {

  private StubDnsServer dns;

  @BeforeEach
  void startServer() {
    dns = StubDnsServer.start();
  }

  @AfterEach
  void stopServer() {
    dns.close();
  }

  private Message ask(String name, int type, boolean tcp) throws Exception {
    SimpleResolver resolver = new SimpleResolver(dns.address());
    resolver.setTCP(tcp);
    resolver.setTimeout(Duration.ofSeconds(2));
    return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
  }

  @Test
  void answersARecordOverUdpAsAuthority() throws Exception {
    dns.addA("Autodiscover.Contoso.Test", "127.0.1.1");

    Message answer = ask("autodiscover.contoso.test.", Type.A, false);

    assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(answer.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(answer.getHeader().getFlag(Flags.RD)).isTrue();
    assertThat(answer.getQuestion().getName()).isEqualTo(Name.fromString("autodiscover.contoso.test."));
    List<Record> records = answer.getSection(Section.ANSWER);
    assertThat(records).hasSize(1);
    ARecord a = (ARecord) records.get(0);
    assertThat(a.getAddress().getHostAddress()).isEqualTo("127.0.1.1");
    assertThat(a.getTTL()).isEqualTo(StubDnsServer.DEFAULT_TTL);
  }

  @Test
  void answersAaaaAndSrvOverTcp() throws Exception {
    dns.addAaaa("mail.contoso.test", "::1");
    dns.addSrv("_autodiscover._tcp.contoso.test.", 5, 10, 443, "mail.contoso.test");

    Message aaaa = ask("mail.contoso.test.", Type.AAAA, true);
    Message srv = ask("_autodiscover._tcp.contoso.test.", Type.SRV, true);

    assertThat(((AAAARecord) aaaa.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress())
        .isEqualTo("0:0:0:0:0:0:0:1");
    SRVRecord record = (SRVRecord) srv.getSection(Section.ANSWER).get(0);
    assertThat(record.getPriority()).isEqualTo(5);
    assertThat(record.getWeight()).isEqualTo(10);
    assertThat(record.getPort()).isEqualTo(443);
    assertThat(record.getTarget()).isEqualTo(Name.fromString("mail.contoso.test."));
  }

  @Test
  void unknownNameIsNxdomain() throws Exception {
    dns.addA("contoso.test", "127.0.1.1");

    assertThat(ask("nothing.contoso.test.", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void knownNameWithoutThatTypeIsNodata() throws Exception {
    dns.addA("contoso.test", "127.0.1.1");

    Message answer = ask("contoso.test.", Type.SRV, false);

    assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(answer.getSection(Section.ANSWER)).isEmpty();
  }

  @Test
  void cnameIsAnsweredWithTheTargetRecords() throws Exception {
    dns.addCname("autodiscover.contoso.test", "mail.contoso.test");
    dns.addA("mail.contoso.test", "127.0.1.7");

    List<Record> records = ask("autodiscover.contoso.test.", Type.A, false).getSection(Section.ANSWER);

    assertThat(records).hasSize(2);
    assertThat(((CNAMERecord) records.get(0)).getTarget())
        .isEqualTo(Name.fromString("mail.contoso.test."));
    assertThat(((ARecord) records.get(1)).getAddress().getHostAddress()).isEqualTo("127.0.1.7");
  }

  @Test
  void cnameToAnUnknownTargetIsAnsweredAlone() throws Exception {
    dns.addCname("autodiscover.contoso.test", "elsewhere.example");

    Message answer = ask("autodiscover.contoso.test.", Type.A, false);

    assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(answer.getSection(Section.ANSWER)).singleElement().isInstanceOf(CNAMERecord.class);
  }

  @Test
  void genericRecordsAreServedAsGiven() throws Exception {
    dns.add(new TXTRecord(Name.fromString("contoso.test."), DClass.IN, 300, "v=spf1 -all"));

    Record txt = ask("contoso.test.", Type.TXT, false).getSection(Section.ANSWER).get(0);

    assertThat(txt.getTTL()).isEqualTo(300);
    assertThat(txt.rdataToString()).isEqualTo("\"v=spf1 -all\"");
  }

  @Test
  void largeUdpAnswerIsTruncatedAndTheResolverRetriesOverTcp() throws Exception {
    for (int i = 0; i < 60; i++) {
      dns.addSrv("_autodiscover._tcp.contoso.test", i, 1, 443, "mail-server-" + i + ".contoso.test");
    }

    Message answer = ask("_autodiscover._tcp.contoso.test.", Type.SRV, false);

    assertThat(answer.getSection(Section.ANSWER)).hasSize(60);
    assertThat(dns.queries())
        .extracting(DnsQuery::transport)
        .containsExactly(DnsQuery.UDP, DnsQuery.TCP);
  }

  @Test
  void truncatedUdpAnswerCarriesTcFlagAndNoRecords() throws Exception {
    for (int i = 0; i < 60; i++) {
      dns.addSrv("_autodiscover._tcp.contoso.test", i, 1, 443, "mail-server-" + i + ".contoso.test");
    }
    Message query = Message.newQuery(
        Record.newRecord(Name.fromString("_autodiscover._tcp.contoso.test."), Type.SRV, DClass.IN));

    Message answer = udpExchange(query.toWire());

    assertThat(answer.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(answer.getSection(Section.ANSWER)).isEmpty();
    assertThat(answer.getHeader().getID()).isEqualTo(query.getHeader().getID());
  }

  @Test
  void queriesAreRecordedWithNameTypeAndTransport() throws Exception {
    dns.addA("contoso.test", "127.0.1.1");

    ask("Contoso.Test.", Type.A, false);
    ask("_autodiscover._tcp.contoso.test.", Type.SRV, true);

    assertThat(dns.queries()).containsExactly(
        new DnsQuery("contoso.test", "A", "UDP"),
        new DnsQuery("_autodiscover._tcp.contoso.test", "SRV", "TCP"));
    dns.clearQueries();
    assertThat(dns.queries()).isEmpty();
  }

  @Test
  void tcpConnectionServesSeveralQueries() throws Exception {
    dns.addA("contoso.test", "127.0.1.1");
    try (Socket socket = new Socket(dns.address().getAddress(), dns.port())) {
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      DataInputStream in = new DataInputStream(socket.getInputStream());
      for (int i = 0; i < 3; i++) {
        byte[] query = Message.newQuery(
            Record.newRecord(Name.fromString("contoso.test."), Type.A, DClass.IN)).toWire();
        out.writeShort(query.length);
        out.write(query);
        out.flush();
        byte[] reply = new byte[in.readUnsignedShort()];
        in.readFully(reply);
        assertThat(new Message(reply).getSection(Section.ANSWER)).hasSize(1);
      }
    }
  }

  @Test
  void malformedPacketIsAnsweredWithFormerrAndTheServerKeepsServing() throws Exception {
    dns.addA("contoso.test", "127.0.1.1");
    byte[] garbage = {0x12, 0x34, 0x01, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x7f};

    Message answer = udpExchange(garbage);

    assertThat(answer.getHeader().getID()).isEqualTo(0x1234);
    assertThat(answer.getRcode()).isEqualTo(Rcode.FORMERR);
    assertThat(ask("contoso.test.", Type.A, false).getRcode()).isEqualTo(Rcode.NOERROR);
  }

  @Test
  void recordsAddedWhileServingAreAnswered() throws Exception {
    assertThat(ask("late.contoso.test.", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);

    dns.addA("late.contoso.test", "127.0.1.9");

    assertThat(ask("late.contoso.test.", Type.A, false).getRcode()).isEqualTo(Rcode.NOERROR);
  }

  @Test
  void closeIsIdempotentAndReleasesThePort() throws Exception {
    dns.close();
    dns.close();

    try (DatagramSocket socket = new DatagramSocket(dns.address())) {
      assertThat(socket.getLocalPort()).isEqualTo(dns.port());
    }
  }

  private Message udpExchange(byte[] packet) throws Exception {
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(2000);
      socket.send(new DatagramPacket(packet, packet.length, dns.address()));
      byte[] buffer = new byte[65535];
      DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
      socket.receive(reply);
      return new Message(java.util.Arrays.copyOf(buffer, reply.getLength()));
    }
  }
}

package dev.autodiscover.internal.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Message;

/**
 * A UDP hop on 127.0.0.1 in front of a DNS server, to see what a client asks before it has any
 * answer. It holds every question until questions of all the awaited types have arrived, then
 * forwards them; questions of a dropped type are never forwarded, so they are never answered.
 */
final class DnsRelay implements AutoCloseable {
  private static final int UPSTREAM_WAIT_MILLIS = 5_000;

  private final DatagramSocket socket;
  private final InetSocketAddress upstream;
  private final Set<Integer> awaited;
  private final Set<Integer> dropped;
  private final Set<Integer> seen = new HashSet<>();
  private final List<Held> held = new ArrayList<>();

  private DnsRelay(InetSocketAddress upstream, Set<Integer> awaited, Set<Integer> dropped) throws IOException {
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
    this.upstream = upstream;
    this.awaited = awaited;
    this.dropped = dropped;
    Thread thread = new Thread(this::serve, "dns-relay-" + socket.getLocalPort());
    thread.setDaemon(true);
    thread.start();
  }

  /** Forwards nothing until a question of each of {@code types} (dnsjava {@code Type}s) has come. */
  static DnsRelay holdingUntilAsked(InetSocketAddress upstream, Integer... types) throws IOException {
    return new DnsRelay(upstream, Set.of(types), Set.of());
  }

  /** Forwards every question at once, except those of {@code type}, which get no answer at all. */
  static DnsRelay dropping(InetSocketAddress upstream, int type) throws IOException {
    return new DnsRelay(upstream, Set.of(), Set.of(type));
  }

  /** The address clients send their questions to. */
  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  @Override
  public void close() {
    socket.close();
  }

  private void serve() {
    byte[] buffer = new byte[65535];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        byte[] query = Arrays.copyOf(buffer, packet.getLength());
        int type = new Message(query).getQuestion().getType();
        if (dropped.contains(type)) {
          continue;
        }
        held.add(new Held(query, packet.getSocketAddress()));
        seen.add(type);
        if (seen.containsAll(awaited)) {
          for (Held question : held) {
            forward(question);
          }
          held.clear();
        }
      } catch (IOException e) {
        // closed, or a packet that is not a DNS question: nothing to relay
      }
    }
  }

  private void forward(Held question) throws IOException {
    try (DatagramSocket out = new DatagramSocket(new InetSocketAddress(address().getAddress(), 0))) {
      out.setSoTimeout(UPSTREAM_WAIT_MILLIS);
      out.send(new DatagramPacket(question.query(), question.query().length, upstream));
      byte[] buffer = new byte[65535];
      DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
      out.receive(reply);
      socket.send(new DatagramPacket(buffer, reply.getLength(), question.client()));
    } catch (SocketTimeoutException e) {
      // the server did not answer; neither does the relay
    }
  }

  private record Held(byte[] query, SocketAddress client) {}
}

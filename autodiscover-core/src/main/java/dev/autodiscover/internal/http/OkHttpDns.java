package dev.autodiscover.internal.http;

import dev.autodiscover.internal.dns.DnsDeadline;
import dev.autodiscover.internal.dns.DnsjavaClient;
import dev.autodiscover.spi.DnsClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * Sends OkHttp's host lookups through the resolver's {@link DnsClient}, each bounded by the
 * calling thread's {@link DnsDeadline} when the call runs within one, else by
 * {@link DnsjavaClient#MAX_WAIT}.
 */
public final class OkHttpDns implements Dns {
  private final DnsClient dns;

  public OkHttpDns(DnsClient dns) {
    this.dns = dns;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    return dns.lookupAddresses(hostname, DnsDeadline.remainingOr(DnsjavaClient.MAX_WAIT));
  }
}

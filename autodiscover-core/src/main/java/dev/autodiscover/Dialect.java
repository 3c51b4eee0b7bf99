package dev.autodiscover;

/**
 * The language a resolver speaks to an Autodiscover host, chosen with
 * {@link AutodiscoverResolver.Builder#dialect(Dialect)}; every discovery step, redirect, consent,
 * certificate and credential rule is the same whichever is chosen. A candidate URL from a strategy
 * names a host; the dialect decides the path asked there. Redirect targets are asked as given.
 */
public enum Dialect {
  /**
   * Plain old XML ([MS-OXDSCLI]): the Outlook request schema POSTed to
   * {@code /autodiscover/autodiscover.xml}, answered with every protocol's settings. The default.
   */
  POX,
  /**
   * Autodiscover v2: {@code GET /autodiscover/autodiscover.json/v1.0/<email>?Protocol=<name>},
   * answered with {@code {"Protocol": ..., "Url": ...}} or a 302. Never sends credentials. An
   * answer for the {@code AutodiscoverV1} protocol names the URL to ask in {@link #POX}, and the
   * resolution goes on there.
   */
  JSON,
  /**
   * SOAP Autodiscover ([MS-OXWSADISC]): a {@code GetUserSettings} request for the settings the host
   * application names, POSTed to {@code /autodiscover/autodiscover.svc}.
   */
  SOAP,
  /**
   * The ActiveSync (mobilesync) schema ([MS-ASCMD] Autodiscover) POSTed to
   * {@code /autodiscover/autodiscover.xml}, answered with the MobileSync and CertEnroll servers.
   */
  ACTIVESYNC
}

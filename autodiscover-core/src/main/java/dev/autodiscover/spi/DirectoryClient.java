package dev.autodiscover.spi;

import dev.autodiscover.DirectoryBind;
import java.net.URI;
import java.time.Duration;

/**
 * Reads Exchange's Autodiscover serviceConnectionPoint objects from an LDAP directory, for the SCP
 * step. The resolver's default talks LDAP through the JDK's JNDI client, resolving host names
 * through the resolver's {@link DnsClient} and opening connections with its socket factory; a host
 * application may supply its own (another LDAP library, or a fake in its tests).
 *
 * <p>One search, as [MS-OXDISCO] describes it: read {@code configurationNamingContext} from the
 * server's RootDSE, then search that subtree for {@code serviceConnectionPoint} objects whose
 * {@code keywords} hold {@link #URL_KEYWORD} or {@link #POINTER_KEYWORD} (compared
 * case-insensitively), reading {@code serviceBindingInformation}, {@code keywords} and {@code
 * whenCreated}. Ordering the objects and following pointers is the SCP step's work, not the
 * client's.
 *
 * <p>Implementations must be thread-safe: one instance serves every resolution of a resolver.
 */
@FunctionalInterface
public interface DirectoryClient {

  /** The keyword of an object whose serviceBindingInformation is an Autodiscover URL. */
  String URL_KEYWORD = "77378F46-2C66-4aa9-A6A6-3E7A48B19596";

  /** The keyword of an object whose serviceBindingInformation is the LDAP URL of another directory. */
  String POINTER_KEYWORD = "67661D7F-8FC4-4fa7-BFAC-E1D7794C1F68";

  /**
   * Searches the directory at {@code server} for Autodiscover serviceConnectionPoint objects.
   *
   * @param server {@code ldap://host[:port]} or {@code ldaps://host[:port]}
   * @param bind how to sign in
   * @param timeout how long the whole exchange (connect, bind, both reads) may take
   * @throws DirectoryException when the server cannot be reached, refuses the bind, fails the
   *     search or does not answer in time; its {@link DirectoryException#reason()} says which
   */
  ServiceConnectionPoints search(URI server, DirectoryBind bind, Duration timeout) throws DirectoryException;
}

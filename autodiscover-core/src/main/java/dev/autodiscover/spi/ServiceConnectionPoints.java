package dev.autodiscover.spi;

import java.util.List;
import java.util.Objects;

/**
 * What one directory search found.
 *
 * <p>Immutable and thread-safe.
 *
 * @param searchBase the DN searched: the server's configuration naming context
 * @param found the serviceConnectionPoint objects, in the order the server sent them
 * @param truncated whether the server stopped before sending every object (a size limit)
 */
public record ServiceConnectionPoints(String searchBase, List<ServiceConnectionPoint> found, boolean truncated) {
  public ServiceConnectionPoints {
    Objects.requireNonNull(searchBase, "searchBase");
    found = List.copyOf(found);
  }
}

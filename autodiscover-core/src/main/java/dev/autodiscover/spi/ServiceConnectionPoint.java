package dev.autodiscover.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One serviceConnectionPoint object as the directory holds it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param distinguishedName the object's DN
 * @param serviceBindingInformation the values of {@code serviceBindingInformation}: an Autodiscover
 *     URL, or the LDAP URL of another directory
 * @param keywords the values of {@code keywords}: a GUID saying which of the two, and tags such as
 *     {@code Site=Berlin} or {@code Domain=contoso.com}
 * @param whenCreated when the object was created, when the directory said
 */
public record ServiceConnectionPoint(
    String distinguishedName,
    List<String> serviceBindingInformation,
    List<String> keywords,
    Optional<Instant> whenCreated) {

  public ServiceConnectionPoint {
    Objects.requireNonNull(distinguishedName, "distinguishedName");
    serviceBindingInformation = List.copyOf(serviceBindingInformation);
    keywords = List.copyOf(keywords);
    Objects.requireNonNull(whenCreated, "whenCreated");
  }
}

package dev.autodiscover.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that hands a started {@link FixtureNetwork} to test methods, lifecycle
 * methods and constructors that declare one, and closes it when their scope ends.
 *
 * <p>A network asked for by a test method (or its {@code @BeforeEach}) lives for that test; one
 * asked for by a constructor or {@code @BeforeAll} method lives for the test class and is shared
 * by its tests. Needs {@code junit-jupiter-api} on the test class path, which this module
 * declares optional.
 *
 * <pre>{@code
 * @ExtendWith(FixtureNetworkExtension.class)
 * class ResolverTest {
 *   @Test
 *   void followsSrvRecord(FixtureNetwork network) {
 *     network.httpsHost("mail.contoso.test").respondWithPox(...);
 *     network.dns().addSrv("_autodiscover._tcp.contoso.test", 0, 0, 443, "mail.contoso.test");
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Thread safety: stateless; safe with parallel test execution.
 */
public final class FixtureNetworkExtension implements ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(FixtureNetworkExtension.class);

  /** Creates the extension; JUnit does this through {@code @ExtendWith}. */
  public FixtureNetworkExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FixtureNetwork.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            OpenNetwork.class, key -> new OpenNetwork(FixtureNetwork.start()), OpenNetwork.class)
        .network();
  }

  /** Closes the network when JUnit closes the store it was kept in, on any JUnit 5 version. */
  @SuppressWarnings("deprecation") // CloseableResource keeps JUnit releases before 5.13 working
  private record OpenNetwork(FixtureNetwork network)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    @Override
    public void close() {
      network.close();
    }
  }
}

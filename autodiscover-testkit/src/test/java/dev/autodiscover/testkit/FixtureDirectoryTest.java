package dev.autodiscover.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import javax.naming.AuthenticationException;
import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FixtureDirectoryTest {

  /** The filter Outlook sends, GUIDs spelled as Exchange publishes them. */
  private static final String OUTLOOK_FILTER = "(&(objectClass=serviceConnectionPoint)"
      + "(|(keywords=67661D7F-8FC4-4fa7-BFAC-E1D7794C1F68)"
      + "(keywords=77378F46-2C66-4aa9-A6A6-3E7A48B19596)))";
  private static final String[] SCP_ATTRIBUTES =
      {"serviceBindingInformation", "keywords", "whenCreated"};
  private static final Instant CREATED = Instant.parse("2019-03-12T10:15:22.345Z");
  private static final String CONFIGURATION = "CN=Configuration,DC=corp,DC=test";
  private static final String CAS01_SCP = "CN=CAS01,CN=Autodiscover,CN=Protocols,CN=CAS01,"
      + "CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),"
      + "CN=Administrative Groups,CN=First Organization,CN=Microsoft Exchange,CN=Services,"
      + CONFIGURATION;
  private static final String AUTODISCOVER_CONTAINER =
      "CN=Microsoft Exchange Autodiscover,CN=Services," + CONFIGURATION;
  private static final String ALICE = "CN=Alice,CN=Users,DC=corp,DC=test";
  private static final String CAS01_URL = "https://cas01.corp.test/Autodiscover/Autodiscover.xml";

  private FixtureDirectory directory;

  @BeforeEach
  void start() {
    directory = FixtureDirectory.forDomain("corp.test").start();
  }

  @AfterEach
  void stop() {
    directory.close();
  }

  /** One serviceConnectionPoint as a JNDI search returned it. */
  record Scp(String dn, List<String> serviceBindingInformation, List<String> keywords,
      List<String> whenCreated) {}

  private static DirContext connect(URI url) throws NamingException {
    return connect(url, null, null);
  }

  private static DirContext connect(URI url, String user, String password)
      throws NamingException {
    Hashtable<String, Object> env = new Hashtable<>();
    env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
    env.put(Context.PROVIDER_URL, url.toString());
    env.put("com.sun.jndi.ldap.connect.timeout", "5000");
    env.put("com.sun.jndi.ldap.read.timeout", "5000");
    if (user != null) {
      env.put(Context.SECURITY_AUTHENTICATION, "simple");
      env.put(Context.SECURITY_PRINCIPAL, user);
      env.put(Context.SECURITY_CREDENTIALS, password);
    }
    if ("ldaps".equals(url.getScheme())) {
      env.put("java.naming.ldap.factory.socket", TrustingLdapSocketFactory.class.getName());
    }
    return new InitialDirContext(env);
  }

  private static String rootDse(DirContext context, String attribute) throws NamingException {
    Attribute value = context.getAttributes("", new String[] {attribute}).get(attribute);
    return value == null ? null : (String) value.get();
  }

  private static List<Scp> search(DirContext context, String base, String filter)
      throws NamingException {
    SearchControls controls = new SearchControls();
    controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
    controls.setReturningAttributes(SCP_ATTRIBUTES);
    List<Scp> found = new ArrayList<>();
    NamingEnumeration<SearchResult> results = context.search(base, filter, controls);
    try {
      while (results.hasMore()) {
        SearchResult result = results.next();
        Attributes attributes = result.getAttributes();
        found.add(new Scp(result.getNameInNamespace(),
            values(attributes, "serviceBindingInformation"), values(attributes, "keywords"),
            values(attributes, "whenCreated")));
      }
    } finally {
      results.close();
    }
    return found;
  }

  private static List<String> values(Attributes attributes, String name) throws NamingException {
    Attribute attribute = attributes.get(name);
    if (attribute == null) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (Object value : Collections.list(attribute.getAll())) {
      values.add((String) value);
    }
    return values;
  }

  private static List<Scp> outlookSearch(URI url) throws NamingException {
    DirContext context = connect(url);
    try {
      return search(context, rootDse(context, "configurationNamingContext"), OUTLOOK_FILTER);
    } finally {
      context.close();
    }
  }

  @Test
  void describesTheDomainItServes() {
    assertThat(directory.domain()).isEqualTo("corp.test");
    assertThat(directory.configurationNamingContext()).isEqualTo(CONFIGURATION);
    assertThat(directory.port()).isPositive();
    assertThat(directory.url()).isEqualTo(URI.create("ldap://127.0.0.1:" + directory.port()));
    try (FixtureDirectory other = FixtureDirectory.forDomain("Sub.Contoso.Test.").start()) {
      assertThat(other.domain()).isEqualTo("sub.contoso.test");
      assertThat(other.configurationNamingContext())
          .isEqualTo("CN=Configuration,DC=sub,DC=contoso,DC=test");
    }
    assertThatThrownBy(() -> FixtureDirectory.forDomain("corp..test"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rootDseNamesTheConfigurationNamingContextAndTheDomain() throws NamingException {
    DirContext context = connect(directory.url());
    try {
      assertThat(rootDse(context, "configurationNamingContext")).isEqualTo(CONFIGURATION);
      assertThat(rootDse(context, "defaultNamingContext")).isEqualTo("DC=corp,DC=test");
      Attributes namingContexts = context.getAttributes("", new String[] {"namingContexts"});
      assertThat(values(namingContexts, "namingContexts"))
          .containsExactlyInAnyOrder("DC=corp,DC=test", CONFIGURATION);
    } finally {
      context.close();
    }
  }

  @Test
  void outlookFilterFindsUrlAndPointerScpsWithTheirAttributes() throws NamingException {
    String urlDn = directory.addServiceUrl("CAS01", CAS01_URL, CREATED, "Site=Berlin");
    String pointerDn = directory.addPointer("contoso", "LDAP://dc1.contoso.test",
        Instant.parse("2020-01-02T03:04:05Z"), "Domain=contoso.test");
    directory.addServiceConnectionPoint("unrelated", List.of("https://elsewhere.test/"),
        List.of("F00D-SOMETHING-ELSE"), CREATED);

    List<Scp> found = outlookSearch(directory.url());

    assertThat(urlDn).isEqualTo(CAS01_SCP);
    assertThat(pointerDn).isEqualTo("CN=contoso," + AUTODISCOVER_CONTAINER);
    assertThat(found).containsExactlyInAnyOrder(
        new Scp(CAS01_SCP, List.of(CAS01_URL),
            List.of(FixtureDirectory.URL_KEYWORD, "Site=Berlin"), List.of("20190312101522.0Z")),
        new Scp(pointerDn, List.of("LDAP://dc1.contoso.test"),
            List.of(FixtureDirectory.POINTER_KEYWORD, "Domain=contoso.test"),
            List.of("20200102030405.0Z")));
  }

  @Test
  void keywordsMatchWhateverTheCaseOfTheFilter() throws NamingException {
    directory.addServiceUrl("CAS01", CAS01_URL, CREATED);
    directory.addPointer("contoso", "LDAP://dc1.contoso.test", CREATED);

    DirContext context = connect(directory.url());
    try {
      List<Scp> lowerCase = search(context, CONFIGURATION, OUTLOOK_FILTER.toLowerCase());
      List<Scp> urlOnly = search(context, CONFIGURATION,
          "(keywords=77378f46-2c66-4aa9-a6a6-3e7a48b19596)");
      assertThat(lowerCase).extracting(Scp::dn)
          .containsExactlyInAnyOrder(CAS01_SCP, "CN=contoso," + AUTODISCOVER_CONTAINER);
      assertThat(urlOnly).extracting(Scp::dn).containsExactly(CAS01_SCP);
      assertThat(urlOnly.get(0).keywords()).containsExactly(FixtureDirectory.URL_KEYWORD);
    } finally {
      context.close();
    }
  }

  @Test
  void entriesAddedAfterAClientConnectedAreFound() throws NamingException {
    DirContext context = connect(directory.url());
    try {
      assertThat(search(context, CONFIGURATION, OUTLOOK_FILTER)).isEmpty();

      directory.addServiceUrl("CAS02", "https://cas02.corp.test/Autodiscover/Autodiscover.xml",
          CREATED);

      assertThat(search(context, CONFIGURATION, OUTLOOK_FILTER)).extracting(Scp::dn)
          .containsExactly(CAS01_SCP.replace("CAS01", "CAS02"));
    } finally {
      context.close();
    }
  }

  @Test
  void rawScpHoldsExactlyTheGivenValues() throws NamingException {
    String dn = directory.addServiceConnectionPoint("two-urls",
        List.of("https://a.corp.test/", "https://b.corp.test/"),
        List.of(FixtureDirectory.URL_KEYWORD.toLowerCase(), "Site=Paris"), null);
    String bare = directory.addServiceConnectionPoint("bare", List.of(), List.of(), null);

    DirContext context = connect(directory.url());
    try {
      assertThat(search(context, dn, "(objectClass=*)")).containsExactly(new Scp(dn,
          List.of("https://a.corp.test/", "https://b.corp.test/"),
          List.of(FixtureDirectory.URL_KEYWORD.toLowerCase(), "Site=Paris"), List.of()));
      assertThat(search(context, bare, "(objectClass=serviceConnectionPoint)"))
          .containsExactly(new Scp(bare, List.of(), List.of(), List.of()));
    } finally {
      context.close();
    }
    // keywords compare ignoring case, so these two are one value twice, which AD refuses
    assertThatThrownBy(() -> directory.addServiceConnectionPoint(
        "twice", List.of(), List.of("Site=Paris", "site=paris"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keywords holds \"site=paris\" twice");
  }

  @Test
  void addingTheSameScpTwiceIsRefusedByName() {
    directory.addServiceUrl("CAS01", CAS01_URL, CREATED);
    directory.addPointer("contoso", "LDAP://dc1.contoso.test", CREATED);

    assertThatThrownBy(() -> directory.addServiceUrl("cas01", CAS01_URL, CREATED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cas01");
    assertThatThrownBy(() -> directory.addPointer("contoso", "LDAP://dc2.contoso.test", CREATED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("contoso");
    assertThatThrownBy(() -> directory.addServiceConnectionPoint(
        "Contoso", List.of(), List.of(), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Contoso");
  }

  @Test
  void requireBindRefusesAnAnonymousSearchButNotTheRootDse() throws NamingException {
    try (FixtureDirectory guarded = FixtureDirectory.forDomain("corp.test")
        .user(ALICE, "secret").requireBind().start()) {
      guarded.addServiceUrl("CAS01", CAS01_URL, CREATED);

      DirContext context = connect(guarded.url());
      try {
        assertThat(rootDse(context, "configurationNamingContext")).isEqualTo(CONFIGURATION);
        // JNDI maps operationsError (1) to a plain NamingException carrying the server's text.
        assertThatThrownBy(() -> search(context, CONFIGURATION, OUTLOOK_FILTER))
            .isExactlyInstanceOf(NamingException.class)
            .hasMessageContaining("error code 1 ")
            .hasMessageContaining("a successful bind must be completed");
      } finally {
        context.close();
      }
    }
  }

  @Test
  void requireBindAllowsASearchAfterASimpleBindOfAConfiguredUser() throws NamingException {
    try (FixtureDirectory guarded = FixtureDirectory.forDomain("corp.test")
        .user(ALICE, "secret").requireBind().start()) {
      guarded.addServiceUrl("CAS01", CAS01_URL, CREATED);

      DirContext context = connect(guarded.url(), ALICE, "secret");
      try {
        assertThat(search(context, rootDse(context, "configurationNamingContext"),
            OUTLOOK_FILTER)).extracting(Scp::dn).containsExactly(CAS01_SCP);
      } finally {
        context.close();
      }
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithInvalidCredentials() {
    try (FixtureDirectory withUser =
        FixtureDirectory.forDomain("corp.test").user(ALICE, "secret").start()) {
      assertThatThrownBy(() -> connect(withUser.url(), ALICE, "wrong"))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("error code 49")
          .hasMessageContaining("data 52e");
      assertThatThrownBy(() -> connect(withUser.url(), "CN=Mallory,DC=corp,DC=test", "secret"))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("error code 49");
    }
  }

  @Test
  void ldapsServesTheGivenCertificate() throws NamingException {
    TestCertificateAuthority ca = TestCertificateAuthority.create("Directory Test Root");
    try (FixtureDirectory secure = FixtureDirectory.forDomain("corp.test")
        .ldaps(ca.issue("dc1.corp.test", "127.0.0.1")).start()) {
      secure.addServiceUrl("CAS01", CAS01_URL, CREATED);
      assertThat(secure.url()).isEqualTo(URI.create("ldaps://127.0.0.1:" + secure.port()));

      TrustingLdapSocketFactory.trust(
          TestCertificateAuthority.create("Some Other Root").trust().sslSocketFactory());
      assertThatThrownBy(() -> connect(secure.url()))
          .isInstanceOf(CommunicationException.class);

      TrustingLdapSocketFactory.trust(ca.trust().sslSocketFactory());
      assertThat(outlookSearch(secure.url())).extracting(Scp::dn).containsExactly(CAS01_SCP);
    }
  }

  @Test
  void requestsRecordBindsAndSearchesInOrder() throws NamingException {
    try (FixtureDirectory withUser =
        FixtureDirectory.forDomain("corp.test").user(ALICE, "secret").start()) {
      DirContext context = connect(withUser.url(), ALICE, "secret");
      try {
        search(context, rootDse(context, "configurationNamingContext"), OUTLOOK_FILTER);
      } finally {
        context.close();
      }

      assertThat(withUser.requests()).containsExactly(
          new ReceivedLdapRequest("BIND", ALICE, "", ""),
          new ReceivedLdapRequest("SEARCH", "", "base", "(objectClass=*)"),
          new ReceivedLdapRequest("SEARCH", CONFIGURATION, "sub", OUTLOOK_FILTER));
    }
  }

  @Test
  void closingTwiceIsHarmlessAndStopsServing() {
    URI url = directory.url();
    directory.close();
    directory.close();

    assertThatThrownBy(() -> connect(url)).isInstanceOf(CommunicationException.class);
    assertThatThrownBy(() -> directory.addPointer("late", "LDAP://dc1.corp.test", CREATED))
        .isInstanceOf(IllegalStateException.class);
  }
}

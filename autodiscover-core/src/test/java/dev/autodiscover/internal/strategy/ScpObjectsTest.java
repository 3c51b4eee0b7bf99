package dev.autodiscover.internal.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodiscover.spi.DirectoryClient;
import dev.autodiscover.spi.ServiceConnectionPoint;
import dev.autodiscover.spi.ServiceConnectionPoints;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScpObjectsTest {
  private static final String BASE = "CN=Configuration,DC=corp,DC=test";

  @Test
  void clientSiteFirstThenNoSiteThenOtherSitesEachOldestFirst() {
    ScpObjects objects = read(Optional.of("Berlin"),
        url("OSLO-NEW", "https://oslo2.corp.test/a", "2021-01-01T00:00:00Z", "Site=Oslo"),
        url("ANY-NEW", "https://any2.corp.test/a", "2020-01-01T00:00:00Z"),
        url("BERLIN-NEW", "https://berlin2.corp.test/a", "2022-01-01T00:00:00Z", "Site=Berlin"),
        url("OSLO-OLD", "https://oslo1.corp.test/a", "2015-01-01T00:00:00Z", "Site=Oslo"),
        url("ANY-OLD", "https://any1.corp.test/a", "2016-01-01T00:00:00Z"),
        url("BERLIN-OLD", "https://berlin1.corp.test/a", "2017-01-01T00:00:00Z", "Site=Berlin"));

    assertThat(objects.urls()).extracting(URI::getHost).containsExactly(
        "berlin1.corp.test", "berlin2.corp.test", "any1.corp.test", "any2.corp.test",
        "oslo1.corp.test", "oslo2.corp.test");
  }

  @Test
  void withoutAClientSiteObjectsWithNoSiteComeBeforeEverySite() {
    ScpObjects objects = read(Optional.empty(),
        url("BERLIN", "https://berlin.corp.test/a", "2010-01-01T00:00:00Z", "Site=Berlin"),
        url("ANY", "https://any.corp.test/a", "2020-01-01T00:00:00Z"));

    assertThat(objects.urls()).extracting(URI::getHost).containsExactly("any.corp.test", "berlin.corp.test");
  }

  @Test
  void keywordsAndSiteNamesCompareCaseInsensitively() {
    ServiceConnectionPoint lower = new ServiceConnectionPoint("CN=EX1," + BASE,
        List.of("https://ex1.corp.test/a"), List.of(DirectoryClient.URL_KEYWORD.toLowerCase(), "site=berlin"),
        Optional.empty());
    ScpObjects objects = ScpObjects.of(new ServiceConnectionPoints(BASE, List.of(
        url("OTHER", "https://other.corp.test/a", "2000-01-01T00:00:00Z"), lower), false),
        "corp.test", Optional.of("BERLIN"));

    assertThat(objects.urls()).extracting(URI::getHost).containsExactly("ex1.corp.test", "other.corp.test");
  }

  @Test
  void objectsWithoutWhenCreatedComeLastInTheirGroupInTheServersOrder() {
    ScpObjects objects = read(Optional.empty(),
        url("B", "https://b.corp.test/a", null),
        url("C", "https://c.corp.test/a", "2020-01-01T00:00:00Z"),
        url("A", "https://a.corp.test/a", null));

    assertThat(objects.urls()).extracting(URI::getHost).containsExactly("c.corp.test", "b.corp.test", "a.corp.test");
  }

  @Test
  void aPointerForTheAddressDomainIsScopedAndAnUntaggedOneIsTheFallback() {
    ScpObjects objects = read(Optional.empty(),
        pointer("FALLBACK", "LDAP://dc.fallback.test", "2010-01-01T00:00:00Z"),
        pointer("OTHER", "LDAP://dc.fabrikam.test", "2011-01-01T00:00:00Z", "Domain=fabrikam.test"),
        pointer("MINE", "LDAP://DC.Contoso.Test:3268/DC=contoso,DC=test", "2012-01-01T00:00:00Z", "Domain=Contoso.test"));

    assertThat(objects.scopedPointer()).contains(URI.create("ldap://dc.contoso.test:3268"));
    assertThat(objects.fallbackPointer()).contains(URI.create("ldap://dc.fallback.test"));
    assertThat(objects.describe())
        .contains("OTHER pointer LDAP://dc.fabrikam.test (ignored: for fabrikam.test, not contoso.test)")
        .contains("the search restarts there")
        .contains("followed only if no URL is found");
  }

  @Test
  void urlsThatAreNotHttpsAreReportedAndLeftOutAndRepeatsAreListedOnce() {
    ScpObjects objects = read(Optional.empty(),
        url("PLAIN", "http://ex1.corp.test/autodiscover/autodiscover.xml", "2010-01-01T00:00:00Z"),
        url("GOOD", "https://ex1.corp.test/autodiscover/autodiscover.xml", "2011-01-01T00:00:00Z"),
        url("AGAIN", "https://ex1.corp.test/autodiscover/autodiscover.xml", "2012-01-01T00:00:00Z"),
        url("JUNK", "not a url at all", "2013-01-01T00:00:00Z"));

    assertThat(objects.urls()).containsExactly(URI.create("https://ex1.corp.test/autodiscover/autodiscover.xml"));
    assertThat(objects.describe())
        .startsWith("4 serviceConnectionPoints under " + BASE + ": 1. PLAIN URL http://")
        .contains("(ignored: not an https URL)")
        .contains("3. AGAIN URL https://ex1.corp.test/autodiscover/autodiscover.xml (ignored: already listed)");
  }

  @Test
  void eachObjectIsDescribedWithItsSiteAndCreationTime() {
    ScpObjects objects = read(Optional.of("Berlin"),
        url("EX1", "https://ex1.corp.test/a", "2019-03-12T10:15:22Z", "Site=Berlin"));

    assertThat(objects.describe()).isEqualTo("1 serviceConnectionPoint under " + BASE
        + ": 1. EX1 URL https://ex1.corp.test/a [Site=Berlin, this site, created 2019-03-12T10:15:22Z]");
  }

  private static ScpObjects read(Optional<String> site, ServiceConnectionPoint... found) {
    return ScpObjects.of(new ServiceConnectionPoints(BASE, List.of(found), false), "contoso.test", site);
  }

  private static ServiceConnectionPoint url(String server, String url, String created, String... keywords) {
    return scp(server, url, DirectoryClient.URL_KEYWORD, created, keywords);
  }

  private static ServiceConnectionPoint pointer(String name, String url, String created, String... keywords) {
    return scp(name, url, DirectoryClient.POINTER_KEYWORD, created, keywords);
  }

  private static ServiceConnectionPoint scp(String cn, String value, String guid, String created, String... keywords) {
    List<String> all = new ArrayList<>(List.of(guid));
    all.addAll(List.of(keywords));
    return new ServiceConnectionPoint("CN=" + cn + "," + BASE, List.of(value), all,
        Optional.ofNullable(created).map(Instant::parse));
  }
}

package dev.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActiveDirectoryTest {

  @Test
  void aServerUrlKeepsSchemeHostAndPortInLowerCase() {
    ActiveDirectory directory = ActiveDirectory.server(URI.create("LDAPS://DC1.Corp.Test:3269/"));

    assertThat(directory.server()).contains(URI.create("ldaps://dc1.corp.test:3269"));
    assertThat(directory.domain()).isEmpty();
    assertThat(directory.bind()).isEqualTo(DirectoryBind.anonymous());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://dc1.corp.test | must start with ldap:// or ldaps://",
      "dc1.corp.test | must start with ldap:// or ldaps://",
      "ldap:///CN=Configuration | names no host",
      "ldap://admin:secret@dc1.corp.test | must not carry user information",
      "ldap://dc1.corp.test/CN=Configuration,DC=corp,DC=test | must name a server only",
      "ldap://dc1.corp.test?cn | must name a server only"})
  void aServerUrlThatIsNotJustAnLdapServerIsRefusedSayingWhy(String url, String reason) {
    assertThatThrownBy(() -> ActiveDirectory.server(URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason)
        .hasMessageNotContaining("secret");
  }

  @Test
  void aDomainIsKeptAsLowerCaseALabelsWithoutATrailingDot() {
    assertThat(ActiveDirectory.domain("Corp.Contoso.COM.").domain()).contains("corp.contoso.com");
    assertThat(ActiveDirectory.domain("bücher.test").domain()).contains("xn--bcher-kva.test");
    assertThat(ActiveDirectory.domain("CORP").domain()).contains("corp");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "corp..test", "-corp.test", "corp_test", "corp test", "corp.test/"})
  void aDomainThatIsNotADnsNameIsRefused(String domain) {
    assertThatThrownBy(() -> ActiveDirectory.domain(domain))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("adDomain is not a DNS domain name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Berlin Mitte", "Berlin.Mitte", "Berlin/Mitte"})
  void aSiteThatCannotBeADnsLabelIsRefused(String site) {
    assertThatThrownBy(() -> ActiveDirectory.domain("corp.test").withSite(site))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("site must be 1 to 63 letters, digits, hyphens or underscores");
  }

  @Test
  void ldapsIsChosenByTheSchemeOfAServerUrlNotByWithLdaps() {
    assertThat(ActiveDirectory.domain("corp.test").withLdaps().ldaps()).isTrue();
    assertThatThrownBy(() -> ActiveDirectory.server(URI.create("ldap://dc1.corp.test")).withLdaps())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("chooses LDAP or LDAPS by its scheme");
  }

  @Test
  void withersReturnCopiesAndLeaveTheOriginalAlone() {
    ActiveDirectory plain = ActiveDirectory.domain("corp.test");
    ActiveDirectory berlin = plain.withSite("Berlin").withBind(DirectoryBind.kerberos());

    assertThat(plain.site()).isEmpty();
    assertThat(plain.bind()).isEqualTo(DirectoryBind.anonymous());
    assertThat(berlin.site()).contains("Berlin");
    assertThat(berlin.bind()).isInstanceOf(DirectoryBind.Kerberos.class);
  }

  @Test
  void aSimpleBindNeverShowsItsPasswordAndHandsOutCopies() {
    char[] password = "correct horse".toCharArray();
    DirectoryBind.Simple bind = (DirectoryBind.Simple) DirectoryBind.simple("CN=svc,DC=corp,DC=test", password);
    password[0] = 'X';

    assertThat(bind.password()).containsExactly("correct horse".toCharArray());
    bind.password()[0] = 'Y';
    assertThat(bind.password()[0]).isEqualTo('c');
    assertThat(bind.toString()).isEqualTo("simple bind as CN=svc,DC=corp,DC=test (password ****)");
    assertThat(ActiveDirectory.domain("corp.test").withBind(bind).toString()).doesNotContain("horse");
  }

  @Test
  void aSimpleBindNeedsADnAndAPassword() {
    assertThatThrownBy(() -> DirectoryBind.simple(" ", "x".toCharArray()))
        .hasMessageContaining("bindDn must not be blank");
    assertThatThrownBy(() -> DirectoryBind.simple("CN=svc", new char[0]))
        .hasMessageContaining("an empty password makes an unauthenticated bind");
  }
}

package dev.autodiscover.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The help of the commands that resolve lists the dialect and Office 365 options. */
class HelpTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"resolve", "doctor"})
  void helpListsTheDialectAndOffice365Options(String command) {
    CommandRun run = CommandRun.of(List.of(command, "--help"));

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    // Compared without white space, so that where picocli wraps the lines does not matter.
    assertThat(squeezed(run.out())).contains(
        squeezed("--protocol=pox|json|soap|activesync"),
        squeezed("POX XML (default), Autodiscover v2 JSON"),
        squeezed("--json-protocol=NAME"),
        squeezed("Ews (default), ActiveSync, Rest, or AutodiscoverV1"),
        squeezed("--soap-settings=LIST"),
        squeezed("such as UserDisplayName,ExternalEwsUrl"),
        squeezed("[--office365]"),
        squeezed("ask outlook.office365.com for every address, right after scp"),
        squeezed("Default: scp,a-record,prefixed-host,office365,http-redirect,srv"));
  }

  private static String squeezed(String text) {
    return text.replaceAll("\\s+", "");
  }
}

package dev.autodiscover.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostLimitsTest {

  @Test
  void aHostWithEveryPlaceTakenMakesTheNextRequestWaitAndGiveUp() throws Exception {
    HostLimits limits = new HostLimits(2);
    HostLimits.Permit first = limits.acquire("autodiscover.contoso.test", Duration.ZERO);
    HostLimits.Permit second = limits.acquire("AUTODISCOVER.contoso.test", Duration.ZERO);

    assertThatThrownBy(() -> limits.acquire("autodiscover.contoso.test", Duration.ofMillis(20)))
        .isInstanceOf(InterruptedIOException.class)
        .hasMessage("timed out waiting for one of the 2 request places of autodiscover.contoso.test");
    limits.acquire("mail.contoso.test", Duration.ZERO).close();

    first.close();
    limits.acquire("autodiscover.contoso.test", Duration.ZERO).close();
    second.close();
  }

  @Test
  void noLimitNeverWaits() throws Exception {
    for (int i = 0; i < 1000; i++) {
      assertThat(HostLimits.NONE.acquire("contoso.test", Duration.ZERO)).isNotNull();
    }
  }
}

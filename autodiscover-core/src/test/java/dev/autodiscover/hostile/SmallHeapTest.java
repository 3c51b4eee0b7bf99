package dev.autodiscover.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The hostile-server tests prove that bodies are read within bounds only if their JVM could not
 * hold what they offer: this module's pom runs them in a heap of their own, and this test fails
 * if that heap is large enough for a 300 MB body.
 */
class SmallHeapTest {

  @Test
  void heapIsFarTooSmallForTheBodiesOffered() {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("the hostile-server tests run with -Xmx32m (see autodiscover-core/pom.xml)")
        .isLessThan(HostileAnswers.HUGE / 4);
  }
}

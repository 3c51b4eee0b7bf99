package dev.autodiscover.benchmarks.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one contender is asked to do in a run, after a warm-up resolution of a healthy domain
 * that must succeed — the proof that the client really reaches the fixtures.
 */
sealed interface ClientJob {

  /** The healthy address resolved first, not measured. */
  String warmUp();

  /** Runs the job with {@code client}. */
  JobResult run(ScenarioClient client);

  /** {@code repetitions} cold resolutions of {@code email}, one after another. */
  record Repeated(String warmUp, String email, int repetitions) implements ClientJob {
    public Repeated {
      Objects.requireNonNull(warmUp, "warmUp");
      Objects.requireNonNull(email, "email");
      if (repetitions < 1) {
        throw new IllegalArgumentException("repetitions must be at least 1: " + repetitions);
      }
    }

    @Override
    public JobResult run(ScenarioClient client) {
      Resolution warm = checkedWarmUp(client, warmUp);
      HeapWatch heap = HeapWatch.start();
      long start = System.nanoTime();
      List<Resolution> results = new ArrayList<>(repetitions);
      for (int i = 0; i < repetitions; i++) {
        results.add(client.resolveOnce(email));
      }
      return new JobResult(warm, results, System.nanoTime() - start, heap.stop());
    }
  }

  /** Every one of {@code addresses} through one client, {@code concurrency} in flight. */
  record Bulk(String warmUp, List<String> addresses, int concurrency) implements ClientJob {
    public Bulk {
      Objects.requireNonNull(warmUp, "warmUp");
      addresses = List.copyOf(addresses);
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
      }
    }

    @Override
    public JobResult run(ScenarioClient client) {
      Resolution warm = checkedWarmUp(client, warmUp);
      HeapWatch heap = HeapWatch.start();
      long start = System.nanoTime();
      List<Resolution> results = client.resolveAll(addresses, concurrency);
      return new JobResult(warm, results, System.nanoTime() - start, heap.stop());
    }
  }

  private static Resolution checkedWarmUp(ScenarioClient client, String email) {
    Resolution warm = client.resolveOnce(email);
    if (!warm.resolved()) {
      throw new IllegalStateException("the warm-up resolution of " + email
          + " failed, so the client does not reach the fixtures: " + warm.detail());
    }
    return warm;
  }
}

package dev.autodiscover.benchmarks.scenario;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap while a run goes on: each heap pool's peak since {@link #start()}, and
 * the heap in use right after each garbage collection.
 *
 * <p>Thread safety: start and stop on one thread; the collectors' notifications arrive on
 * another.
 */
final class HeapWatch {

  private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP)
      .collect(Collectors.toList());
  private final Set<String> heapPoolNames = heapPools.stream()
      .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final AtomicLong liveAfterCollection = new AtomicLong(-1);
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::collected;

  private HeapWatch() {}

  /** Resets the pools' peaks and starts listening to the collectors. */
  static HeapWatch start() {
    HeapWatch watch = new HeapWatch();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(watch.listener, null, null);
        watch.emitters.add(emitter);
      }
    }
    watch.heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    return watch;
  }

  /** Stops listening and returns the peaks seen since {@link #start()}. */
  HeapPeak stop() {
    long used = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      used += pool.getPeakUsage().getUsed();
    }
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // never added; nothing to remove
      }
    }
    return new HeapPeak(used, liveAfterCollection.get());
  }

  private void collected(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long live = 0;
    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPoolNames.contains(pool.getKey())) {
        live += pool.getValue().getUsed();
      }
    }
    liveAfterCollection.accumulateAndGet(live, Math::max);
  }
}

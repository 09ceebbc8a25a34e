package io.snapsync.plugins.wdr.collectors;

import io.snapsync.core.spi.ExtensionContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;

/** {@code jvm}: heap and non-heap memory, garbage collections, threads, classes. */
final class JvmCollector extends Collectors.Named {

  JvmCollector() {
    super("jvm");
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext ctx) {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long gcCount = 0;
    long gcTime = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcCount += Math.max(0, gc.getCollectionCount());
      gcTime += Math.max(0, gc.getCollectionTime());
    }
    return Future.succeededFuture(new JsonObject()
        .put("heap_used", mem.getHeapMemoryUsage().getUsed())
        .put("heap_committed", mem.getHeapMemoryUsage().getCommitted())
        .put("heap_max", mem.getHeapMemoryUsage().getMax())
        .put("nonheap_used", mem.getNonHeapMemoryUsage().getUsed())
        .put("gc_count", gcCount).put("gc_time_ms", gcTime)
        .put("threads", threads.getThreadCount())
        .put("daemon_threads", threads.getDaemonThreadCount())
        .put("peak_threads", threads.getPeakThreadCount())
        .put("classes_loaded", ManagementFactory.getClassLoadingMXBean().getLoadedClassCount()));
  }
}

package io.snapsync.plugins.wdr.collectors;

import io.snapsync.core.spi.ExtensionContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** {@code host}: processors, CPU load of the process and the host, physical memory. */
final class HostCollector extends Collectors.Named {

  HostCollector() {
    super("host");
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext ctx) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    JsonObject j = new JsonObject().put("available_processors", os.getAvailableProcessors())
        .put("load_average", os.getSystemLoadAverage());
    if (os instanceof com.sun.management.OperatingSystemMXBean x) {
      j.put("process_cpu_load", x.getProcessCpuLoad()).put("system_cpu_load", x.getCpuLoad())
          .put("process_cpu_time_ns", x.getProcessCpuTime())
          .put("total_memory", x.getTotalMemorySize()).put("free_memory", x.getFreeMemorySize());
    }
    return Future.succeededFuture(j);
  }
}

package io.snapsync.plugins.wdr.collectors;

import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.snapsync.core.spi.ExtensionContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code eventbus}: Vert.x event-bus meters ({@code vertx.eventbus.*}: published, sent,
 * received, delivered, reply failures, handlers, pending, bytes) summed over their tags, from
 * the node's Micrometer {@link MeterRegistry} service.
 */
final class EventBusCollector extends Collectors.Named {

  EventBusCollector() {
    super("eventbus");
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext ctx) {
    JsonObject j = new JsonObject();
    ctx.service(MeterRegistry.class).ifPresent(reg -> {
      Map<String, Double> sums = new TreeMap<>();
      for (Meter m : reg.getMeters()) {
        String name = m.getId().getName();
        if (!name.startsWith("vertx.eventbus")) {
          continue;
        }
        for (Measurement ms : m.measure()) {
          String key = name + "." + ms.getStatistic().getTagValueRepresentation();
          double v = ms.getValue();
          if (!Double.isNaN(v)) {
            sums.merge(key, v, Double::sum);
          }
        }
      }
      sums.forEach(j::put);
    });
    return Future.succeededFuture(j);
  }
}

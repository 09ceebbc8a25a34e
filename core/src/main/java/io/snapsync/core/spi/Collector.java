package io.snapsync.core.spi;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * A WDR collector: gathers one category of performance data on one node for a WDR snapshot
 * (e.g. {@code transactions}, {@code statements}, {@code jvm}). Runs on every node taking part
 * in a snapshot. Thread-safe. A collector that fails or does not answer within
 * {@code wdr_snapshot_query_timeout} is recorded as failed in the snapshot; the others go on.
 */
public interface Collector {

  /** Category name, lower-case, unique; also the key of its data in the snapshot. */
  String name();

  /** The category's data at this instant, as JSON (numbers cumulative where they count). */
  Future<JsonObject> collect(ExtensionContext node);
}

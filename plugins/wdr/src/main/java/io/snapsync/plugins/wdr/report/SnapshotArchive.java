package io.snapsync.plugins.wdr.report;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.snapsync.plugins.wdr.repository.Repository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Export of a snapshot range as one JSON document and its import into another repository
 * (pg_profile's export/import). The document: {@code {format: "snapsync-wdr", version: 1,
 * snapshots: [{header, nodes: {node: data}}]}}, oldest first, headers as
 * {@link SnapshotInfo#toJson()}. An import stores each snapshot under the next free id with
 * its times, nodes and failures and the trigger {@code imported} (retention keeps them), so a
 * report over the imported ids shows what the report over the source ids showed.
 */
public final class SnapshotArchive {

  public static final String FORMAT = "snapsync-wdr";
  public static final int VERSION = 1;
  /** The trigger of an imported snapshot. */
  public static final String IMPORTED = "imported";

  private final Vertx vertx;
  private final Repository repository;

  public SnapshotArchive(Vertx vertx, Repository repository) {
    this.vertx = vertx;
    this.repository = repository;
  }

  /** Snapshots {@code begin..end} (both stored; ids checked as a report's) as JSON text. */
  public Future<String> export(long begin, long end) {
    SnapsyncException order = ReportService.idsOutOfOrder(new ReportRequest(begin, end, null,
        null, null));
    if (order != null) {
      return Future.failedFuture(order);
    }
    return repository.list().compose(headers -> {
      List<SnapshotInfo> range = headers.stream()
          .filter(h -> h.snapshotId() >= begin && h.snapshotId() <= end).toList();
      for (long must : new long[] {begin, end}) {
        if (range.stream().noneMatch(h -> h.snapshotId() == must)) {
          return Future.failedFuture(MissingSnapshots.error(headers, must));
        }
      }
      List<Future<Map<String, JsonObject>>> loads = new ArrayList<>();
      range.forEach(h -> loads.add(repository.data(h.snapshotId())));
      return Future.all(loads).compose(all -> vertx.executeBlocking(() -> {
        JsonArray snaps = new JsonArray();
        for (int i = 0; i < range.size(); i++) {
          JsonObject nodes = new JsonObject();
          all.<Map<String, JsonObject>>resultAt(i).forEach(nodes::put);
          snaps.add(new JsonObject().put("header", range.get(i).toJson()).put("nodes", nodes));
        }
        return new JsonObject().put("format", FORMAT).put("version", VERSION)
            .put("snapshots", snaps).encode();
      }, false));
    });
  }

  /** Stores every snapshot of an export, oldest first; the new ids in order. */
  public Future<List<Long>> importText(String text) {
    return vertx.executeBlocking(() -> parse(text), false).compose(snaps -> {
      Future<List<Long>> chain = Future.succeededFuture(new ArrayList<>());
      for (JsonObject s : snaps) {
        chain = chain.compose(ids -> {
          SnapshotInfo h = SnapshotInfo.fromJson(s.getJsonObject("header"));
          Map<String, JsonObject> nodes = new LinkedHashMap<>();
          s.getJsonObject("nodes").forEach(e -> nodes.put(e.getKey(), (JsonObject) e.getValue()));
          return repository.write(h.startMillis(), h.endMillis(), IMPORTED, nodes, h.failures(),
              List.of()).map(w -> {
                ids.add(w.info().snapshotId());
                return ids;
              });
        });
      }
      return chain;
    });
  }

  private static List<JsonObject> parse(String text) {
    JsonObject doc;
    try {
      doc = text == null ? null : new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      doc = null;
    }
    if (doc == null) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "wdr.import.not_json");
    }
    if (!FORMAT.equals(doc.getValue("format")) || !Integer.valueOf(VERSION)
        .equals(doc.getValue("version")) || !(doc.getValue("snapshots") instanceof JsonArray a)) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "wdr.import.not_export",
          String.valueOf(doc.getValue("format")), String.valueOf(doc.getValue("version")));
    }
    List<JsonObject> out = new ArrayList<>();
    for (Object o : a) {
      if (!(o instanceof JsonObject s) || !(s.getValue("header") instanceof JsonObject h)
          || !(s.getValue("nodes") instanceof JsonObject) || !(h.getValue("start_ts")
              instanceof Number) || !(h.getValue("end_ts") instanceof Number)
          || !(h.getValue("nodes") instanceof JsonArray)) {
        throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
            "wdr.import.bad_snapshot", String.valueOf(out.size() + 1));
      }
      out.add(s);
    }
    if (out.isEmpty()) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "wdr.import.empty");
    }
    return out;
  }
}

package io.snapsync.plugins.wdr.repository;

import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.KvSpace;
import io.snapsync.storage.Store;
import io.snapsync.storage.WriteBatch;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WDR repository in the data node's key space {@value #SPACE}. Blocking: worker threads
 * only. Writes are serialized by this object (one repository per data node).
 *
 * <p>Layout: {@code s<id:8>} snapshot header; {@code d<id:8><node>} one node's data;
 * {@code r<id:8>} request outcome; {@code m:snapshot} / {@code m:request} last ids;
 * {@code b<name>} baselines. Node data is stored compressed ({@link DataCodec}). A snapshot
 * (header, data, id counter, and the outcomes of the requests it served) is one
 * {@link WriteBatch},
 * so a crash leaves it whole or absent; readers only list headers, never orphan data.
 */
public final class WdrRepository {

  /** The key space holding the repository. */
  public static final String SPACE = "wdr";

  private static final byte[] LAST_SNAPSHOT = "m:snapshot".getBytes(StandardCharsets.UTF_8);
  private static final byte[] LAST_REQUEST = "m:request".getBytes(StandardCharsets.UTF_8);

  private final Store store;
  private final KvSpace space;

  public WdrRepository(Store store) {
    this.store = store;
    this.space = store.space(SPACE);
  }

  /** Stores a snapshot atomically under the next id and returns it. */
  public SnapshotInfo write(long startMillis, long endMillis, String trigger,
      Map<String, JsonObject> nodeData, JsonObject failures) {
    return write(startMillis, endMillis, trigger, nodeData, failures, List.of()).info();
  }

  /**
   * Stores a snapshot under the next id together with the outcomes of the requests it served
   * (under new request ids, pointing at the snapshot), in one batch: a crash leaves the
   * snapshot and its outcome rows both or neither.
   */
  public synchronized WrittenSnapshot write(long startMillis, long endMillis, String trigger,
      Map<String, JsonObject> nodeData, JsonObject failures, List<RequestOutcome> outcomes) {
    long id = lastId(LAST_SNAPSHOT) + 1;
    SnapshotInfo info = new SnapshotInfo(id, startMillis, endMillis, trigger,
        new ArrayList<>(nodeData.keySet()), failures);
    WriteBatch batch = store.newBatch();
    List<RequestOutcome> recorded = new ArrayList<>();
    if (!outcomes.isEmpty()) {
      long requestId = lastId(LAST_REQUEST);
      for (RequestOutcome o : outcomes) {
        RequestOutcome r = new RequestOutcome(++requestId, o.requestedAtMillis(),
            o.requestedBy(), o.node(), o.outcome(), o.reason(), id);
        batch.put(space, key('r', requestId), bytes(r.toJson()));
        recorded.add(r);
      }
      batch.put(space, LAST_REQUEST, longBytes(requestId));
    }
    nodeData.forEach((node, data) -> batch.put(space, dataKey(id, node),
        DataCodec.encode(data)));
    batch.put(space, key('s', id), bytes(info.toJson()));
    batch.put(space, LAST_SNAPSHOT, longBytes(id));
    store.write(batch);
    return new WrittenSnapshot(info, recorded);
  }

  /** Headers of every stored snapshot, oldest first. */
  public List<SnapshotInfo> list() {
    List<SnapshotInfo> out = new ArrayList<>();
    try (CloseableIterator<KeyValue> it = space.scan(prefix('s'), prefix((char) ('s' + 1)))) {
      while (it.hasNext()) {
        out.add(SnapshotInfo.fromJson(json(it.next().value())));
      }
    }
    return out;
  }

  public Optional<SnapshotInfo> header(long id) {
    byte[] v = space.get(key('s', id));
    return v == null ? Optional.empty() : Optional.of(SnapshotInfo.fromJson(json(v)));
  }

  /** Node name to that node's data of snapshot {@code id} (empty if none). */
  public Map<String, JsonObject> data(long id) {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    try (CloseableIterator<KeyValue> it = space.scan(key('d', id), key('d', id + 1))) {
      while (it.hasNext()) {
        KeyValue kv = it.next();
        String node = new String(kv.key(), 9, kv.key().length - 9, StandardCharsets.UTF_8);
        out.put(node, DataCodec.decode(kv.value()));
      }
    }
    return out;
  }

  /**
   * Removes snapshots that started before {@code cutoffMillis}, except those in a baseline
   * and imported ones (trigger {@code imported}), and request outcomes older than the cutoff. Returns the number of snapshots removed.
   */
  public synchronized int removeOlderThan(long cutoffMillis) {
    List<Long> keep = new ArrayList<>();
    baselines().values().forEach(b -> {
      for (long i = b.getLong("begin"); i <= b.getLong("end"); i++) {
        keep.add(i);
      }
    });
    WriteBatch batch = store.newBatch();
    int removed = 0;
    for (SnapshotInfo s : list()) {
      // imported snapshots were taken elsewhere, often long ago: retention leaves them
      if (s.startMillis() < cutoffMillis && !keep.contains(s.snapshotId())
          && !"imported".equals(s.trigger())) {
        batch.delete(space, key('s', s.snapshotId()));
        batch.deleteRange(space, key('d', s.snapshotId()), key('d', s.snapshotId() + 1));
        removed++;
      }
    }
    for (RequestOutcome r : requests()) {
      if (r.requestedAtMillis() < cutoffMillis) {
        batch.delete(space, key('r', r.requestId()));
      }
    }
    store.write(batch);
    return removed;
  }

  /** Records outcomes under new increasing request ids; returns them with their ids. */
  public synchronized List<RequestOutcome> record(List<RequestOutcome> outcomes) {
    long id = lastId(LAST_REQUEST);
    List<RequestOutcome> out = new ArrayList<>();
    WriteBatch batch = store.newBatch();
    for (RequestOutcome o : outcomes) {
      RequestOutcome r = o.withId(++id);
      batch.put(space, key('r', id), bytes(r.toJson()));
      out.add(r);
    }
    batch.put(space, LAST_REQUEST, longBytes(id));
    store.write(batch);
    return out;
  }

  public List<RequestOutcome> requests() {
    List<RequestOutcome> out = new ArrayList<>();
    try (CloseableIterator<KeyValue> it = space.scan(prefix('r'), prefix((char) ('r' + 1)))) {
      while (it.hasNext()) {
        out.add(RequestOutcome.fromJson(json(it.next().value())));
      }
    }
    return out;
  }

  /** Saves a named range that retention never removes; false if the name exists. */
  public synchronized boolean putBaseline(String name, long begin, long end) {
    if (space.get(baselineKey(name)) != null) {
      return false;
    }
    space.put(baselineKey(name), bytes(new JsonObject().put("name", name).put("begin", begin)
        .put("end", end)));
    return true;
  }

  /** Removes a baseline; false if there is none of that name. */
  public synchronized boolean dropBaseline(String name) {
    if (space.get(baselineKey(name)) == null) {
      return false;
    }
    space.delete(baselineKey(name));
    return true;
  }

  public Map<String, JsonObject> baselines() {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    try (CloseableIterator<KeyValue> it = space.scan(prefix('b'), prefix((char) ('b' + 1)))) {
      while (it.hasNext()) {
        JsonObject b = json(it.next().value());
        out.put(b.getString("name"), b);
      }
    }
    return out;
  }

  private long lastId(byte[] key) {
    byte[] v = space.get(key);
    return v == null ? 0 : ByteBuffer.wrap(v).getLong();
  }

  private static byte[] baselineKey(String name) {
    return ("b" + name).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] key(char kind, long id) {
    return ByteBuffer.allocate(9).put((byte) kind).putLong(id).array();
  }

  private static byte[] dataKey(long id, String node) {
    byte[] n = node.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(9 + n.length).put((byte) 'd').putLong(id).put(n).array();
  }

  private static byte[] prefix(char kind) {
    return new byte[] {(byte) kind};
  }

  private static byte[] longBytes(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  private static byte[] bytes(JsonObject j) {
    return j.toBuffer().getBytes();
  }

  private static JsonObject json(byte[] b) {
    return new JsonObject(Buffer.buffer(b));
  }
}

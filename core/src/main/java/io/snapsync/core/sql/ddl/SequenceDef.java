package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * A sequence's definition (transactional, stored in the MVCC store like a table's): its id
 * (the key of its non-transactional counter), name, options, and the table column that owns it
 * ({@code serial}, identity), or nulls. Immutable.
 */
public record SequenceDef(long id, String name, long increment, long min, long max, long start,
    long cache, boolean cycle, String ownerTable, String ownerColumn) {

  /** The definition of {@code name} with {@code options} (nulls: PostgreSQL's defaults). */
  static SequenceDef of(long id, String name, DataType type, Long increment, Long min, Long max,
      Long start, Long cache, Boolean cycle, String ownerTable, String ownerColumn) {
    long inc = increment == null ? 1 : increment;
    if (inc == 0) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "ddl.seq_increment_zero");
    }
    long typeMax = switch (type) {
      case INT2 -> Short.MAX_VALUE;
      case INT4 -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
    long lo = min != null ? min : inc > 0 ? 1 : -typeMax - 1;
    long hi = max != null ? max : inc > 0 ? typeMax : -1;
    if (lo >= hi) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "ddl.seq_min_max", lo, hi);
    }
    long first = start != null ? start : inc > 0 ? lo : hi;
    if (first < lo) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "ddl.seq_start_min", first,
          lo);
    }
    if (first > hi) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "ddl.seq_start_max", first,
          hi);
    }
    long c = cache == null ? 1 : cache;
    if (c < 1) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "ddl.seq_cache", c);
    }
    return new SequenceDef(id, name, inc, lo, hi, first, c, Boolean.TRUE.equals(cycle),
        ownerTable, ownerColumn);
  }

  byte[] toBytes() {
    JsonObject j = new JsonObject().put("id", id).put("name", name).put("increment", increment)
        .put("min", min).put("max", max).put("start", start).put("cache", cache)
        .put("cycle", cycle).put("owner_table", ownerTable).put("owner_column", ownerColumn);
    return j.toBuffer().getBytes();
  }

  static SequenceDef fromBytes(byte[] b) {
    JsonObject j = new JsonObject(Buffer.buffer(b));
    return new SequenceDef(j.getLong("id"), j.getString("name"), j.getLong("increment"),
        j.getLong("min"), j.getLong("max"), j.getLong("start"), j.getLong("cache"),
        j.getBoolean("cycle"), j.getString("owner_table"), j.getString("owner_column"));
  }
}

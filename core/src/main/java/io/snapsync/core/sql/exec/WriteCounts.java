package io.snapsync.core.sql.exec;

import io.snapsync.core.sql.Database;
import io.snapsync.core.stats.ObjectStats;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;

/**
 * Counts the rows a {@link RowModifier} statement wrote into the node's {@link ObjectStats}
 * ({@code n_tup_ins}, {@code n_tup_upd}, {@code n_tup_del}): an upsert's rows without an old
 * version are inserts, the others updates. A failed statement counts nothing.
 */
final class WriteCounts {

  /** What the statement did. */
  enum Kind { INSERT, UPSERT, UPDATE, DELETE }

  private WriteCounts() {
  }

  static Future<RowModifier.Written> counted(Database db, TableDef def, Kind kind,
      Future<RowModifier.Written> write) {
    return write.andThen(ar -> count(db, def, ar, kind));
  }

  static void count(Database db, TableDef def, AsyncResult<RowModifier.Written> ar, Kind kind) {
    if (ar.failed() || ar.result() == null) {
      return;
    }
    ObjectStats s = db.services().stats().objects();
    long n = ar.result().count();
    switch (kind) {
      case INSERT -> s.written(def.id(), n, 0, 0);
      case UPDATE -> s.written(def.id(), 0, n, 0);
      case DELETE -> s.written(def.id(), 0, 0, n);
      case UPSERT -> {
        long ins = ar.result().changes().stream().filter(c -> c.oldRow() == null).count();
        s.written(def.id(), ins, n - ins, 0);
      }
      default -> throw new IllegalStateException(kind.name());
    }
  }
}

package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.TEXT;

/**
 * nextval, currval, setval and lastval: volatile (evaluated per row, never folded), through the
 * session's {@link EvalContext#sequences()}.
 */
final class SequenceFunctions {

  private SequenceFunctions() {
  }

  static void register(Registry r) {
    r.add(Fn.of("nextval", INT8, (x, c) -> c.sequences().nextval((String) x[0]), TEXT)
        .volatil());
    r.add(Fn.of("currval", INT8, (x, c) -> c.sequences().currval((String) x[0]), TEXT)
        .volatil());
    r.add(Fn.of("lastval", INT8, (x, c) -> c.sequences().lastval()).volatil());
    r.add(Fn.of("setval", INT8, (x, c) -> c.sequences().setval((String) x[0],
        ((Number) x[1]).longValue(), true), TEXT, INT8).volatil());
    r.add(Fn.of("setval", INT8, (x, c) -> c.sequences().setval((String) x[0],
        ((Number) x[1]).longValue(), (Boolean) x[2]), TEXT, INT8, BOOL).volatil());
  }
}

package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The variables of one PL/pgSQL call: scalars and records ({@code RECORD}, {@code t%ROWTYPE},
 * loop targets), innermost last. A statement is bound by replacing each variable it names
 * ({@code x}, {@code r.col}) with a typed parameter ({@link #bind}). Not thread-safe.
 */
final class PlFrame {

  /** A record's current row: its columns and values. */
  record Row(List<Column> columns, Object[] values) {
  }

  /** A statement with its variables as parameters {@code $1..$n} and their values. */
  record Bound(String sql, Object[] values) {
  }

  private record Slot(String name, DataType type, int typmod, boolean record) {
  }

  private final List<Slot> slots = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  int size() {
    return slots.size();
  }

  /** Drops the variables declared after the first {@code size}. */
  void truncate(int size) {
    while (slots.size() > size) {
      slots.remove(slots.size() - 1);
      values.remove(values.size() - 1);
    }
  }

  int declare(String name, DataType type, int typmod, Object value) {
    slots.add(new Slot(name, type, typmod, false));
    values.add(value);
    return slots.size() - 1;
  }

  int declareRecord(String name) {
    slots.add(new Slot(name, null, -1, true));
    values.add(null);
    return slots.size() - 1;
  }

  /** The innermost variable named {@code name}, or -1. */
  int find(String name) {
    for (int i = slots.size() - 1; i >= 0; i--) {
      if (slots.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** As {@link #find}, failing with 42601 when there is none. */
  int slot(String name) {
    int i = find(name);
    if (i < 0) {
      throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "routine.not_a_variable", name);
    }
    return i;
  }

  boolean isRecord(int slot) {
    return slots.get(slot).record();
  }

  DataType type(int slot) {
    return slots.get(slot).type();
  }

  int typmod(int slot) {
    return slots.get(slot).typmod();
  }

  Object get(int slot) {
    return values.get(slot);
  }

  void set(int slot, Object value) {
    values.set(slot, value);
  }

  /**
   * {@code sql} with every visible variable it names as {@code CAST($n AS type)}: the
   * innermost of each name, and each column of each assigned record as {@code r.col}.
   */
  Bound bind(String sql) {
    boolean[] hidden = new boolean[slots.size()];
    Set<String> seen = new HashSet<>();
    for (int i = slots.size() - 1; i >= 0; i--) {
      hidden[i] = !seen.add(slots.get(i).name());
    }
    List<RoutineDef.Param> params = new ArrayList<>();
    List<Object> bound = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      Slot s = slots.get(i);
      if (!s.record()) {
        // positions stay those of the parameters ($n); a shadowed name matches nothing
        params.add(new RoutineDef.Param(hidden[i] ? "\0" + s.name() : s.name(), s.type(),
            s.typmod(), null, 'i'));
        bound.add(values.get(i));
      }
    }
    for (int i = 0; i < slots.size(); i++) {
      Slot s = slots.get(i);
      if (s.record() && !hidden[i] && values.get(i) instanceof Row r) {
        for (int c = 0; c < r.columns().size(); c++) {
          Column col = r.columns().get(c);
          params.add(new RoutineDef.Param(s.name() + "." + col.name(), col.type(),
              col.typmod(), null, 'i'));
          bound.add(r.values()[c]);
        }
      }
    }
    return new Bound(SqlBody.substitute(params, params.size(), sql), bound.toArray());
  }
}

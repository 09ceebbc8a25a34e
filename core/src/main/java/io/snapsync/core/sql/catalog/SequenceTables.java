package io.snapsync.core.sql.catalog;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.NAME;
import static io.snapsync.core.session.DataType.OID;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.sql.catalog.CatalogTableDef.add;
import static io.snapsync.core.sql.catalog.CatalogTableDef.cols;

import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.ddl.SequenceDef;
import io.snapsync.core.sql.exec.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * pg_sequence and pg_sequences over the database's sequences, and pg_depend's rows that tie a
 * serial column's sequence to its column (deptype 'a', what {@code pg_get_serial_sequence} and
 * pg_dump's {@code OWNED BY} read). A sequence's type is not stored: it is its owner column's
 * type, else the one whose range its maximum is (bigint for CREATE SEQUENCE's default).
 */
final class SequenceTables {

  private SequenceTables() {
  }

  static void register(Database db, SystemTableRegistry r) {
    add(db, r, "pg_sequence", cols("seqrelid", OID, "seqtypid", OID, "seqstart", INT8,
        "seqincrement", INT8, "seqmax", INT8, "seqmin", INT8, "seqcache", INT8, "seqcycle",
        BOOL), v -> {
          List<List<Object>> rows = new ArrayList<>();
          for (SequenceDef s : v.sequences()) {
            rows.add(Arrays.asList(CatalogOids.sequence(s.id()), (long) type(v, s).oid(),
                s.start(), s.increment(), s.max(), s.min(), s.cache(), s.cycle()));
          }
          return rows;
        });
    add(db, r, "pg_sequences", cols("schemaname", NAME, "sequencename", NAME,
        "sequenceowner", NAME, "data_type", TEXT, "start_value", INT8, "min_value", INT8,
        "max_value", INT8, "increment_by", INT8, "cycle", BOOL, "cache_size", INT8,
        "last_value", INT8), v -> {
          List<List<Object>> rows = new ArrayList<>();
          for (SequenceDef s : v.sequences()) {
            rows.add(Arrays.asList(io.snapsync.core.sql.ddl.Names.schemaOf(s.name()),
                io.snapsync.core.sql.ddl.Names.relname(s.name()), CatalogOids.ADMIN,
                type(v, s).sqlName(),
                s.start(), s.min(), s.max(), s.increment(), s.cycle(), s.cache(),
                lastValue(v, s)));
          }
          return rows;
        });
    add(db, r, "pg_depend", cols("classid", OID, "objid", OID, "objsubid", INT4,
        "refclassid", OID, "refobjid", OID, "refobjsubid", INT4, "deptype", TEXT), v -> {
          List<List<Object>> rows = new ArrayList<>();
          long pgClass = v.systemOid("pg_class");
          for (SequenceDef s : v.sequences()) {
            TableDef owner = s.ownerTable() == null ? null : v.table(s.ownerTable());
            int col = owner == null ? -1 : owner.indexOf(s.ownerColumn());
            if (col >= 0) {
              rows.add(Arrays.asList(pgClass, CatalogOids.sequence(s.id()), 0, pgClass,
                  CatalogOids.table(owner), col + 1, "a"));
              if (owner.defaultOf(col) != null) {
                // the column's default (nextval) depends on the sequence, as in PostgreSQL:
                // pg_dump then sets that default after creating the sequence
                rows.add(Arrays.asList(v.systemOid("pg_attrdef"),
                    CatalogOids.attrdef(owner, col + 1), 0, pgClass,
                    CatalogOids.sequence(s.id()), 0, "n"));
              }
            }
          }
          rows.addAll(ViewRows.dependencies(v, pgClass));
          return rows;
        });
  }

  /** pg_sequences.last_value: the value last handed out, NULL when none was (PostgreSQL's). */
  private static Long lastValue(CatalogView v, SequenceDef s) {
    if (v.call() == null
        || !(v.call().sessionInternals() instanceof io.snapsync.core.sql.exec.SessionContext c)) {
      return null;
    }
    io.snapsync.core.sql.ddl.Sequences.State st = c.sequences().state(s);
    return st.called() ? st.lastValue() : null;
  }

  /** The sequence's data type (see the class comment). */
  static DataType type(CatalogView v, SequenceDef s) {
    TableDef owner = s.ownerTable() == null ? null : v.table(s.ownerTable());
    int col = owner == null ? -1 : owner.indexOf(s.ownerColumn());
    if (col >= 0) {
      return owner.columns().get(col).type();
    }
    long top = s.increment() > 0 ? s.max() : -s.min() - 1;
    return top <= Short.MAX_VALUE ? DataType.INT2 : top <= Integer.MAX_VALUE ? DataType.INT4
        : DataType.INT8;
  }

  /** The sequence owned by column {@code column} of table {@code table}, or null. */
  static SequenceDef ownedBy(CatalogView v, String table, String column) {
    for (SequenceDef s : v.sequences()) {
      if (table.equals(s.ownerTable()) && column.equals(s.ownerColumn())) {
        return s;
      }
    }
    return null;
  }
}

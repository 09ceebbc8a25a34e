package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.parse.CalciteParse;
import io.snapsync.sql.parser.ast.PgAlterSequence;
import io.snapsync.sql.parser.ast.PgAlterTable;
import io.snapsync.sql.parser.ast.PgCreateSequence;
import io.snapsync.sql.parser.ast.PgCreateTable;
import io.snapsync.sql.parser.ast.PgDrop;
import io.snapsync.sql.parser.ast.PgTruncate;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Parses a DDL statement with the project's grammar ({@code io.snapsync.sql.parser.PgParser})
 * and analyzes its syntax tree into a {@link DdlStatement}. Syntax errors are 42601 with
 * PostgreSQL's text and position; valid DDL outside what snapsync supports is 0A000 naming
 * the construct. CPU work: call on a worker thread. Stateless, thread-safe.
 */
public final class DdlParser {

  private DdlParser() {
  }

  /** The analyzed statement of {@code sql} (one CREATE, DROP, TRUNCATE or ALTER statement). */
  public static DdlStatement parse(String sql) {
    SqlNode node = CalciteParse.parse(sql);
    if (node instanceof PgCreateTable c) {
      return CreateTableAnalyzer.analyze(sql, c);
    }
    if (node instanceof org.apache.calcite.sql.ddl.SqlCreateView v) {
      return ViewDdl.analyze(sql, v);
    }
    if (node instanceof io.snapsync.sql.parser.ast.PgAlterRename r) {
      return r.objectType() == io.snapsync.sql.parser.ast.PgObjectType.SCHEMA
          ? SchemaStatements.rename(r) : ViewDdl.rename(r);
    }
    if (node instanceof org.apache.calcite.sql.ddl.SqlCreateSchema c) {
      return SchemaStatements.create(c);
    }
    if (node instanceof PgDrop d) {
      return drop(d);
    }
    if (node instanceof PgCreateSequence s) {
      PgCreateSequence.Options o = s.options();
      return new DdlStatement.CreateSequence(Names.of(s.name()), s.ifNotExists, o.increment(),
          o.minValue(), o.maxValue(), o.start(), o.cache(), o.cycle());
    }
    if (node instanceof PgAlterTable a) {
      return AlterTableAnalyzer.analyze(sql, a);
    }
    if (node instanceof PgAlterSequence a) {
      return new DdlStatement.AlterSequence(Names.of(a.name()), a.ifExists(), true,
          a.restartWith());
    }
    if (node instanceof PgTruncate t) {
      return new DdlStatement.Truncate(names(t.tables()), t.restartIdentity(), t.cascade());
    }
    throw unsupported(node.getKind().sql.replace('_', ' '));
  }

  private static DdlStatement drop(PgDrop d) {
    DdlStatement.Drop.Kind kind = switch (d.objectType()) {
      case TABLE -> DdlStatement.Drop.Kind.TABLE;
      case SEQUENCE -> DdlStatement.Drop.Kind.SEQUENCE;
      case VIEW -> DdlStatement.Drop.Kind.VIEW;
      case SCHEMA -> null;
      default -> throw unsupported("DROP " + d.objectType().name());
    };
    if (kind == null) {
      return SchemaStatements.drop(d);
    }
    return new DdlStatement.Drop(kind, names(d.names()), d.ifExists, d.cascade());
  }

  private static List<String> names(SqlNodeList list) {
    return list.stream().map(Names::of).toList();
  }

  /** 0A000 {@code <what> is not supported}. */
  static SnapsyncException unsupported(String what) {
    return SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "ddl.unsupported",
        what.toUpperCase(Locale.ROOT));
  }
}

package io.snapsync.core.sql.ddl;

import io.snapsync.core.sql.exec.TableDef;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlCheckConstraint;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * CHECK constraints' names as PostgreSQL chooses them: the name given, else {@code t_col_check}
 * when the expression uses exactly one column, else {@code t_check}; a taken name gets the
 * first free number appended ({@code t_check1}).
 */
final class CheckNames {

  private CheckNames() {
  }

  /** The constraint as written: its given name (or null), the one column it uses, its text. */
  static DdlStatement.CheckSpec spec(String sql, SqlCheckConstraint ch, List<String> columns) {
    SqlNode name = ch.getOperandList().get(0);
    SqlNode expr = ch.getOperandList().get(1);
    Set<String> used = used(expr, columns);
    return new DdlStatement.CheckSpec(name == null ? null : Names.simple(name),
        used.size() == 1 ? used.iterator().next() : null, SourceText.of(sql, expr));
  }

  /**
   * {@code spec} (of ALTER TABLE ADD CHECK) with the one column of {@code def} its expression
   * uses, found by parsing the expression again.
   */
  static DdlStatement.CheckSpec withColumn(DdlStatement.CheckSpec spec, TableDef def) {
    List<String> columns = def.columns().stream().map(c -> c.name()).toList();
    SqlNode expr = ((org.apache.calcite.sql.SqlSelect) io.snapsync.core.sql.engine.analyze
        .Analyzer.parse("SELECT (" + spec.sql() + ")").node()).getSelectList().get(0);
    Set<String> used = used(expr, columns);
    return new DdlStatement.CheckSpec(spec.name(),
        used.size() == 1 ? used.iterator().next() : null, spec.sql());
  }

  /** True when CHECK expression {@code sql} of {@code def} uses column {@code column}. */
  static boolean uses(String sql, TableDef def, String column) {
    SqlNode expr = ((org.apache.calcite.sql.SqlSelect) io.snapsync.core.sql.engine.analyze
        .Analyzer.parse("SELECT (" + sql + ")").node()).getSelectList().get(0);
    return used(expr, def.columns().stream().map(c -> c.name()).toList()).contains(column);
  }

  private static Set<String> used(SqlNode expr, List<String> columns) {
    Set<String> used = new LinkedHashSet<>();
    expr.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlIdentifier id) {
        String last = id.names.get(id.names.size() - 1);
        if (columns.contains(last)) {
          used.add(last);
        }
        return null;
      }
    });
    return used;
  }

  /** The name of {@code spec} on {@code table}, given the names already taken. */
  static String choose(String table, DdlStatement.CheckSpec spec, Collection<String> taken) {
    if (spec.name() != null) {
      return spec.name();
    }
    String base = Names.relname(table) + (spec.column() != null ? "_" + spec.column() : "")
        + "_check";
    String name = base;
    for (int n = 1; taken.contains(name); n++) {
      name = base + n;
    }
    return name;
  }

  /** The names of {@code checks}. */
  static List<String> names(List<TableDef.Check> checks) {
    return checks.stream().map(TableDef.Check::name).toList();
  }
}

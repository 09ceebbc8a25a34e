package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.spi.FunctionRegistry;
import io.snapsync.core.sql.func.FunctionLibrary;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * The operators a statement may use: for named functions the node's registered SQL functions
 * first, then the {@link FunctionLibrary}, then Calcite's standard and PostgreSQL operators;
 * operators and special forms ({@code +}, {@code LIKE}, {@code CAST}, {@code SUBSTRING ...
 * FROM}) are Calcite's. Thread-safe.
 */
public final class PgOperatorTable implements SqlOperatorTable {

  private static final SqlOperatorTable CALCITE = SqlOperatorTables.chain(
      SqlStdOperatorTable.instance(),
      SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.POSTGRESQL));

  /**
   * Functions PostgreSQL also lets a query name without parentheses ({@code SELECT
   * current_user}): the validator resolves such a name through Calcite's niladic operator, so
   * it is offered beside ours.
   */
  private static final java.util.Set<String> NILADIC = java.util.Set.of("current_user",
      "session_user", "user", "current_role", "current_catalog", "current_schema",
      "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp");

  private final FunctionRegistry registered;
  private final FunctionLibrary library;

  private final io.snapsync.storage.StoreTransaction txn;

  public PgOperatorTable(FunctionRegistry registered, FunctionLibrary library) {
    this(registered, library, null);
  }

  /** With {@code txn}, user-defined functions it sees come before built-ins of their name. */
  public PgOperatorTable(FunctionRegistry registered, FunctionLibrary library,
      io.snapsync.storage.StoreTransaction txn) {
    this.registered = registered;
    this.library = library;
    this.txn = txn;
  }

  @Override
  public void lookupOperatorOverloads(SqlIdentifier name, SqlFunctionCategory category,
      SqlSyntax syntax, List<SqlOperator> out, SqlNameMatcher matcher) {
    if (syntax == SqlSyntax.BINARY && name.isSimple()) {
      SqlOperator op = JsonOperators.binary(name.getSimple());
      if (op != null) {
        out.add(op);
        return;
      }
    }
    if (syntax == SqlSyntax.FUNCTION && name.names.size() == 2
        && name.names.get(0).equals(Analyzer.CATALOG_SCHEMA)) {
      name = new SqlIdentifier(name.names.get(1), name.getParserPosition());
    }
    if (syntax == SqlSyntax.FUNCTION && name.isSimple()) {
      String n = name.getSimple().toLowerCase(java.util.Locale.ROOT);
      OrderedSetAggOperator withinGroup = OrderedSetAggOperator.find(n);
      if (withinGroup != null) {
        out.add(withinGroup);
        return;
      }
      if (n.startsWith("percentile_") || n.equals("mode")) {
        return; // without WITHIN GROUP: no such function (42883), as in PostgreSQL
      }
      var f = registered.find(n);
      if (f.isPresent()) {
        out.add(new RegisteredFunctionOperator(f.get()));
        return;
      }
      SqlOperator user = txn == null ? null
          : io.snapsync.core.sql.routine.RoutineOperator.lookup(txn, n, library.hasScalar(n)
              ? new LibraryFunctionOperator(n, library) : null, library);
      if (user != null) {
        out.add(user);
        return;
      }
      JsonAggOperator agg = JsonAggOperator.find(n, library);
      if (agg != null) {
        out.add(agg);
        return;
      }
      if (n.equals("length") && library.scalarOverloads(n).isEmpty()) {
        out.add(SqlStdOperatorTable.CHAR_LENGTH);
        return;
      }
      if (n.equals("greatest") || n.equals("least")) {
        out.add(n.equals("greatest") ? org.apache.calcite.sql.fun.SqlLibraryOperators.GREATEST_PG
            : org.apache.calcite.sql.fun.SqlLibraryOperators.LEAST_PG);
        return;
      }
      if (library.hasScalar(n)) {
        out.add(new LibraryFunctionOperator(n, library));
        if (!NILADIC.contains(n)) {
          return;
        }
      }
    }
    if (syntax == SqlSyntax.BINARY && name.isSimple()) {
      SqlOperator pg = PG_BINARY.get(name.getSimple());
      if (pg != null) {
        out.add(pg);
        return;
      }
    }
    CALCITE.lookupOperatorOverloads(name, category, syntax, out, matcher);
  }

  /** The project grammar's binary operators, found by the validator's operator lookup. */
  private static final java.util.Map<String, SqlOperator> PG_BINARY = java.util.Map.of(
      "@>", io.snapsync.sql.parser.ast.PgOperators.CONTAINS,
      "<@", io.snapsync.sql.parser.ast.PgOperators.CONTAINED_BY,
      "&&", io.snapsync.sql.parser.ast.PgArrayOperators.OVERLAP,
      "||", PgConcatOperator.INSTANCE);

  @Override
  public List<SqlOperator> getOperatorList() {
    List<SqlOperator> all = new ArrayList<>(CALCITE.getOperatorList());
    registered.all().forEach(f -> all.add(new RegisteredFunctionOperator(f)));
    return all;
  }
}

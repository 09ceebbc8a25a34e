package io.snapsync.core.sql.engine.dml;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.PreparedQuery;
import io.snapsync.core.sql.engine.QueryEngine;
import io.snapsync.core.sql.engine.analyze.Analyzer;
import io.snapsync.core.sql.engine.analyze.TypeMapping;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.sql.parser.ast.PgDelete;
import io.snapsync.sql.parser.ast.PgInsert;
import io.snapsync.sql.parser.ast.PgOnConflict;
import io.snapsync.sql.parser.ast.PgUpdate;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Analyzes INSERT, UPDATE and DELETE into {@link DmlPlan}s: resolves the target table and
 * columns, and rewrites the statement's read side into queries that the query engine
 * validates and plans like any other (so WHERE, SET and VALUES take every expression and
 * subquery the engine knows). Values the engine cannot type alone (string literals, NULL,
 * DEFAULT, parameters) are cast to the target column's type, as PostgreSQL types them from
 * the target. Blocking (reads table definitions); thread-safe.
 */
final class DmlAnalyzer {

  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private final QueryEngine queries;
  private final SqlTypeFactoryImpl types = new io.snapsync.core.sql.engine.analyze.PgTypeFactory();

  DmlAnalyzer(QueryEngine queries) {
    this.queries = queries;
  }

  DmlPlan analyze(String sql, StoreTransaction txn) {
    Analyzer.Parsed origin = Analyzer.parse(sql);
    SqlNode node = DmlParams.byNumber(origin);
    if (node instanceof SqlInsert ins) {
      return insert(origin, ins, txn);
    } else if (node instanceof SqlUpdate up) {
      return update(origin, up, (SqlUpdate) fresh(origin), txn);
    } else if (node instanceof SqlDelete del) {
      return delete(origin, del, (SqlDelete) fresh(origin), txn);
    }
    throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.unsupported",
        node.getKind().sql);
  }

  /** A fresh tree of the statement (validation changes the nodes it is given). */
  private static SqlNode fresh(Analyzer.Parsed origin) {
    return DmlParams.byNumber(Analyzer.parse(origin.text()));
  }

  /** The RETURNING list of a parsed INSERT, UPDATE or DELETE, or null. */
  private static SqlNodeList returning(SqlNode stmt) {
    if (stmt instanceof PgInsert i) {
      return i.returning();
    } else if (stmt instanceof PgUpdate u) {
      return u.returning();
    } else if (stmt instanceof PgDelete d) {
      return d.returning();
    }
    return null;
  }

  /** A fresh copy of the statement's RETURNING list. */
  private static List<SqlNode> returningList(Analyzer.Parsed origin) {
    return new ArrayList<>(returning(fresh(origin)).getList());
  }

  /** UPDATE's FROM or DELETE's USING list, or null. */
  static SqlNode joined(SqlNode stmt) {
    if (stmt instanceof PgUpdate u) {
      return u.from();
    } else if (stmt instanceof PgDelete d) {
      return d.using();
    }
    return null;
  }

  /** RETURNING of INSERT and UPDATE: a query over the written row, found by its key. */
  private DmlPlan.Returning after(Analyzer.Parsed origin, TableDef def, String alias,
      SqlNode stmt, StoreTransaction txn) {
    if (returning(stmt) == null) {
      return null;
    }
    List<SqlNode> list = returningList(origin);
    int param = Math.max(maxParam(stmt), list.stream().mapToInt(DmlAnalyzer::maxParam).max()
        .orElse(-1)) + 1;
    PreparedQuery q = plan(origin, select(def, alias,
        new SqlIdentifier(def.name(), POS), null, false, list, null, param), txn);
    return new DmlPlan.Returning(q.columns(), q, param);
  }

  private DmlPlan insert(Analyzer.Parsed origin, SqlInsert ins, StoreTransaction txn) {
    io.snapsync.core.sql.ddl.ViewCatalog.refuseWrite(txn, ins.getTargetTable(), "insert into");
    TableDef def = table(ins.getTargetTable(), txn);
    PgInsert pg = ins instanceof PgInsert p ? p : null;
    String alias = pg != null && pg.alias() != null ? pg.alias().getSimple() : def.name();
    int[] targets = targetColumns(def, ins.getTargetColumnList());
    boolean explicit = ins.getTargetColumnList() != null;
    SqlNode source = ins.getSource();
    if (source.getKind() == SqlKind.VALUES) {
      for (SqlNode r : ((SqlCall) source).getOperandList()) {
        SqlCall row = (SqlCall) r;
        checkWidth(row.operandCount(), targets.length, explicit);
        for (int i = 0; i < row.operandCount(); i++) {
          SqlNode v = row.operand(i);
          SqlNode d = v.getKind() == SqlKind.DEFAULT
              ? io.snapsync.core.sql.ddl.InsertDefaults.expression(def, targets[i]) : null;
          row.setOperand(i, typed(d != null ? d : v, def.columns().get(targets[i])));
        }
      }
    }
    // the defaults of the columns the INSERT leaves out (sql.ddl.InsertDefaults)
    if (def.defaults().stream().anyMatch(java.util.Objects::nonNull)) {
      int width = source.getKind() == SqlKind.VALUES
          ? ((SqlCall) ((SqlCall) source).operand(0)).operandCount()
          : plan(origin, source.clone(source.getParserPosition()), txn).columns().size();
      checkWidth(width, targets.length, explicit);
      var withDefaults = io.snapsync.core.sql.ddl.InsertDefaults.apply(def, targets, width,
          source);
      source = withDefaults.source();
      targets = withDefaults.targets();
    }
    PreparedQuery read = plan(origin, source, txn);
    int width = read.columns().size();
    checkWidth(width, targets.length, explicit);
    int[] used = new int[width];
    System.arraycopy(targets, 0, used, 0, width);
    return new DmlPlan(DmlPlan.Kind.INSERT, def, read, null, used, -1,
        after(origin, def, alias, ins, txn),
        upsert(origin, def, alias, ins, pg == null ? null : pg.onConflict(), txn));
  }

  /**
   * ON CONFLICT: the target must be the primary key (the only unique constraint); DO UPDATE
   * becomes {@code SELECT t.*, set... FROM t AS t, (VALUES (CAST($e0 AS c0), ...)) AS
   * excluded(c0, ...) WHERE t.pk = $k [AND where]}.
   */
  private DmlPlan.Upsert upsert(Analyzer.Parsed origin, TableDef def, String alias,
      SqlInsert ins, PgOnConflict oc, StoreTransaction txn) {
    if (oc == null) {
      return null;
    }
    boolean doNothing = oc.action() == PgOnConflict.Action.NOTHING;
    if (oc.targetColumns() == null && oc.constraint() == null && !doNothing) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "sql.unsupported",
          "ON CONFLICT DO UPDATE without a conflict target");
    }
    if (oc.targetWhere() != null) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "sql.unsupported",
          "ON CONFLICT (...) WHERE");
    }
    List<String> columns = conflictColumns(def, oc);
    if (def.hiddenKey() && columns == null && doNothing) {
      return null; // without a key nothing conflicts: DO NOTHING inserts every row
    }
    if (def.hiddenKey()) {
      throw SnapsyncException.error(SqlState.INVALID_COLUMN_REFERENCE,
          "dml.on_conflict_no_constraint");
    }
    if (def.pk() < 0) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
          "schema.on_conflict_composite", def.name());
    }
    if (columns != null && !columns.equals(List.of(def.pkColumn().name()))) {
      throw SnapsyncException.error(SqlState.INVALID_COLUMN_REFERENCE,
          "dml.on_conflict_no_constraint");
    }
    if (doNothing) {
      return new DmlPlan.Upsert(null, new int[0], -1);
    }
    int[] targets = new int[oc.updateColumns().size()];
    for (int j = 0; j < targets.length; j++) {
      SqlIdentifier id = (SqlIdentifier) oc.updateColumns().get(j);
      targets[j] = column(def, id.names.get(id.names.size() - 1));
    }
    int first = maxParam(ins) + 1;
    int n = def.columns().size();
    SqlNode[] cells = new SqlNode[n];
    SqlNode[] names = new SqlNode[n + 2];
    for (int i = 0; i < n; i++) {
      Column c = def.columns().get(i);
      cells[i] = SqlStdOperatorTable.CAST.createCall(POS, new SqlDynamicParam(first + i, POS),
          spec(c));
      names[i + 2] = new SqlIdentifier(c.name(), POS);
    }
    names[0] = SqlStdOperatorTable.VALUES.createCall(POS,
        SqlStdOperatorTable.ROW.createCall(POS, cells));
    names[1] = new SqlIdentifier("excluded", POS);
    SqlNode excluded = SqlStdOperatorTable.AS.createCall(POS, names);
    SqlSelect q = select(def, alias, new SqlIdentifier(def.name(), POS), null, true,
        setList(def, targets, oc.updateValues()), oc.updateWhere(), first + n);
    q.setFrom(new org.apache.calcite.sql.SqlJoin(POS, q.getFrom(),
        SqlLiteral.createBoolean(false, POS),
        org.apache.calcite.sql.JoinType.COMMA.symbol(POS), excluded,
        org.apache.calcite.sql.JoinConditionType.NONE.symbol(POS), null));
    return new DmlPlan.Upsert(plan(origin, q, txn), targets, first);
  }

  /**
   * The conflict target as column names: the columns given, the primary key's for
   * {@code ON CONSTRAINT <table>_pkey}, null when there is no target; 42704 for another
   * constraint.
   */
  private static List<String> conflictColumns(TableDef def, PgOnConflict oc) {
    if (oc.constraint() != null) {
      String name = oc.constraint().names.get(oc.constraint().names.size() - 1);
      if (def.hiddenKey() || !name.equals(def.name() + "_pkey")) {
        throw SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "dml.constraint_not_exist", name,
            def.name());
      }
      return def.key().stream().map(k -> def.columns().get(k).name()).toList();
    }
    if (oc.targetColumns() == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (SqlNode c : oc.targetColumns()) {
      if (!(c instanceof SqlIdentifier id) || !id.isSimple()) {
        throw SnapsyncException.error(SqlState.INVALID_COLUMN_REFERENCE,
            "dml.on_conflict_no_constraint");
      }
      out.add(id.getSimple());
    }
    return out;
  }

  private static void checkWidth(int exprs, int targets, boolean explicit) {
    if (exprs > targets) {
      throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "sql.insert_too_many");
    }
    if (explicit && exprs < targets) {
      throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "dml.insert_too_few");
    }
  }

  private DmlPlan update(Analyzer.Parsed origin, SqlUpdate up, SqlUpdate again,
      StoreTransaction txn) {
    io.snapsync.core.sql.ddl.ViewCatalog.refuseWrite(txn, up.getTargetTable(), "update");
    TableDef def = table(up.getTargetTable(), txn);
    String alias = up.getAlias() == null ? def.name() : up.getAlias().getSimple();
    int[] targets = new int[up.getTargetColumnList().size()];
    for (int j = 0; j < targets.length; j++) {
      String name = ((SqlIdentifier) up.getTargetColumnList().get(j)).names
          .get(((SqlIdentifier) up.getTargetColumnList().get(j)).names.size() - 1);
      targets[j] = column(def, name);
      for (int k = 0; k < j; k++) {
        if (targets[k] == targets[j]) {
          throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "dml.multiple_assignments",
              name);
        }
      }
    }
    DmlPlan.Returning returning = after(origin, def, alias, up, txn);
    PreparedQuery read = plan(origin, select(def, alias, up.getTargetTable(), joined(up), true,
        setList(def, targets, up.getSourceExpressionList()), up.getCondition(), -1), txn);
    int pkParam = maxParam(again) + 1;
    PreparedQuery recheck = plan(origin, select(def, alias, again.getTargetTable(),
        joined(again), true, setList(def, targets, again.getSourceExpressionList()),
        again.getCondition(), pkParam), txn);
    return new DmlPlan(DmlPlan.Kind.UPDATE, def, read, recheck, targets, pkParam, returning,
        null);
  }

  private List<SqlNode> setList(TableDef def, int[] targets, SqlNodeList exprs) {
    List<SqlNode> out = new ArrayList<>(targets.length);
    for (int j = 0; j < targets.length; j++) {
      // SET c = DEFAULT: the column's default expression (NULL when it has none)
      SqlNode e = exprs.get(j);
      SqlNode d = e.getKind() == SqlKind.DEFAULT
          ? io.snapsync.core.sql.ddl.InsertDefaults.expression(def, targets[j]) : null;
      out.add(typed(d != null ? d : e, def.columns().get(targets[j])));
    }
    return out;
  }

  private DmlPlan delete(Analyzer.Parsed origin, SqlDelete del, SqlDelete again,
      StoreTransaction txn) {
    io.snapsync.core.sql.ddl.ViewCatalog.refuseWrite(txn, del.getTargetTable(), "delete from");
    TableDef def = table(del.getTargetTable(), txn);
    String alias = del.getAlias() == null ? def.name() : del.getAlias().getSimple();
    boolean ret = returning(del) != null;
    PreparedQuery read = plan(origin, select(def, alias, del.getTargetTable(), joined(del), true,
        ret ? returningList(origin) : List.of(), del.getCondition(), -1), txn);
    List<SqlNode> again2 = ret ? returningList(origin) : List.of();
    int pkParam = Math.max(maxParam(again), again2.stream().mapToInt(DmlAnalyzer::maxParam)
        .max().orElse(-1)) + 1;
    PreparedQuery recheck = plan(origin, select(def, alias, again.getTargetTable(),
        joined(again), true, again2, again.getCondition(), pkParam), txn);
    // values from the read query; names from the list alone (the read query's own names are
    // made unique against the table's columns)
    DmlPlan.Returning returning = ret
        ? new DmlPlan.Returning(returningNames(origin, def, alias, txn), null, -1)
        : null;
    return new DmlPlan(DmlPlan.Kind.DELETE, def, read, recheck, new int[0], pkParam, returning,
        null);
  }

  /** DELETE's RETURNING columns, named by the list alone. */
  private List<Column> returningNames(Analyzer.Parsed origin, TableDef def, String alias,
      StoreTransaction txn) {
    SqlNode stmt = fresh(origin);
    PgDelete d = (PgDelete) stmt;
    return plan(origin, select(def, alias, d.getTargetTable(), d.using(), false,
        new ArrayList<>(d.returning().getList()), SqlLiteral.createBoolean(false, POS), -1),
        txn).columns();
  }

  /**
   * {@code SELECT [alias.c0, ..., alias.cn,] extra... FROM table AS alias [, joined] WHERE
   * cond [AND alias.pk = $pkParam]}; {@code joined} is UPDATE's FROM or DELETE's USING.
   */
  private static SqlSelect select(TableDef def, String alias, SqlNode table, SqlNode joined,
      boolean columns, List<SqlNode> extra, SqlNode where, int pkParam) {
    SqlNodeList items = new SqlNodeList(POS);
    for (Column c : columns ? def.columns() : List.<Column>of()) {
      items.add(new SqlIdentifier(List.of(alias, c.name()), POS));
    }
    extra.forEach(items::add);
    SqlNode from = SqlStdOperatorTable.AS.createCall(POS, table, new SqlIdentifier(alias, POS));
    if (joined != null) {
      from = new org.apache.calcite.sql.SqlJoin(POS, from, SqlLiteral.createBoolean(false, POS),
          org.apache.calcite.sql.JoinType.COMMA.symbol(POS), joined,
          org.apache.calcite.sql.JoinConditionType.NONE.symbol(POS), null);
    }
    if (pkParam >= 0 && def.pk() >= 0) { // otherwise the target scan reads the one row
      SqlNode key = SqlStdOperatorTable.EQUALS.createCall(POS,
          new SqlIdentifier(List.of(alias, def.pkColumn().name()), POS),
          new SqlDynamicParam(pkParam, POS));
      where = where == null ? key : SqlStdOperatorTable.AND.createCall(POS, where, key);
    }
    return new SqlSelect(POS, null, items, from, where, null, null, null, null, null, null, null,
        null);
  }

  /**
   * {@code CAST(e AS column type)} for the values PostgreSQL types from the target column
   * (string literals, NULL, DEFAULT, parameters); other expressions stay as they are and get
   * the assignment cast when written.
   */
  private SqlNode typed(SqlNode e, Column target) {
    boolean untyped = e.getKind() == SqlKind.DEFAULT || e instanceof SqlDynamicParam
        || (e instanceof SqlLiteral lit && (lit.getTypeName() == SqlTypeName.NULL
            || lit.getTypeName() == SqlTypeName.CHAR));
    if (!untyped) {
      return e;
    }
    SqlNode value = e.getKind() == SqlKind.DEFAULT ? SqlLiteral.createNull(POS) : e;
    // character types: the assignment (not this explicit cast, which truncates) checks length
    Column as = target.type() == DataType.VARCHAR || target.type() == DataType.BPCHAR
        ? new Column(target.name(), DataType.TEXT) : target;
    return SqlStdOperatorTable.CAST.createCall(POS, value, spec(as));
  }

  private SqlDataTypeSpec spec(Column c) {
    try {
      return SqlTypeUtil.convertTypeToSpec(TypeMapping.toRel(c.type(), c.typmod(), true, types));
    } catch (RuntimeException notExpressible) {
      return SqlTypeUtil.convertTypeToSpec(types.createSqlType(SqlTypeName.VARCHAR));
    }
  }

  private static TableDef table(SqlNode target, StoreTransaction txn) {
    if (!(target instanceof SqlIdentifier id)
        || id.names.size() > 2) {
      throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "engine.relation_not_exist",
          String.valueOf(target));
    }
    String name = io.snapsync.core.sql.ddl.SearchPath.current().relation(txn, id.names);
    TableDef def = TableCatalog.find(txn, name);
    if (def == null) {
      throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "engine.relation_not_exist", name);
    }
    return def;
  }

  private static int[] targetColumns(TableDef def, SqlNodeList list) {
    if (list == null) {
      int[] all = new int[def.columns().size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      SqlIdentifier id = (SqlIdentifier) list.get(i);
      String name = id.names.get(id.names.size() - 1);
      out[i] = column(def, name);
      for (int k = 0; k < i; k++) {
        if (out[k] == out[i]) {
          throw SnapsyncException.error(SqlState.DUPLICATE_COLUMN, "dml.column_twice", name);
        }
      }
    }
    return out;
  }

  private static int column(TableDef def, String name) {
    int i = def.indexOf(name);
    if (i < 0) {
      throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "sql.column_of_relation", name,
          def.name());
    }
    return i;
  }

  private PreparedQuery plan(Analyzer.Parsed origin, SqlNode query, StoreTransaction txn) {
    return queries.planParsed(origin.text(), DmlParams.renumber(query, origin), txn);
  }

  /** The highest parameter number in {@code node}, or -1. */
  private static int maxParam(SqlNode node) {
    int[] max = {-1};
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlDynamicParam p) {
        max[0] = Math.max(max[0], p.getIndex());
        return null;
      }
    });
    return max[0];
  }
}

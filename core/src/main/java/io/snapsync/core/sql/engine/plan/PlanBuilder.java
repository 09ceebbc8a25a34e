package io.snapsync.core.sql.engine.plan;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.engine.analyze.CatalogTable;
import io.snapsync.core.sql.engine.analyze.TypeMapping;
import io.snapsync.core.sql.engine.exec.AggregateNode;
import io.snapsync.core.sql.engine.exec.CorrelateNode;
import io.snapsync.core.sql.engine.exec.Evaluator;
import io.snapsync.core.sql.engine.exec.FilterNode;
import io.snapsync.core.sql.engine.exec.HashJoinNode;
import io.snapsync.core.sql.engine.exec.InstrumentedNode;
import io.snapsync.core.sql.engine.exec.JoinKind;
import io.snapsync.core.sql.engine.exec.NestedLoopJoinNode;
import io.snapsync.core.sql.engine.exec.PlanNode;
import io.snapsync.core.sql.engine.exec.ProjectNode;
import io.snapsync.core.sql.engine.exec.SetOpNode;
import io.snapsync.core.sql.engine.exec.SortKey;
import io.snapsync.core.sql.engine.exec.SortNode;
import io.snapsync.core.sql.engine.exec.SystemScanNode;
import io.snapsync.core.sql.engine.exec.TableScanNode;
import io.snapsync.core.sql.engine.exec.ValuesNode;
import io.snapsync.core.sql.engine.expr.Prefetch;
import io.snapsync.core.sql.engine.expr.RexCompiler;
import io.snapsync.core.sql.func.FunctionLibrary;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Converts an optimised logical plan into the engine's own operators ({@link PlanNode}s),
 * compiling every expression once. Never uses Calcite's execution (Enumerable, Janino,
 * interpreter). Not thread-safe; one per plan.
 */
public final class PlanBuilder {

  private final RexCompiler rex;
  private final RexBuilder rexBuilder;
  private final FunctionLibrary library;
  private final Prefetch prefetch = new Prefetch();
  private final io.snapsync.core.sql.srf.WorkTables workTables =
      new io.snapsync.core.sql.srf.WorkTables();

  /** Set for EXPLAIN: each built operator and the relational expression it came from. */
  private final java.util.Map<PlanNode, RelNode> origins;
  private final boolean instrument;

  public PlanBuilder(RexBuilder rexBuilder, FunctionLibrary library) {
    this(rexBuilder, library, false, false);
  }

  /**
   * A builder for EXPLAIN: records {@link #origins()} and, with {@code instrument} (EXPLAIN
   * ANALYZE), wraps every operator in an {@link InstrumentedNode}.
   */
  public PlanBuilder(RexBuilder rexBuilder, FunctionLibrary library, boolean explain,
      boolean instrument) {
    this.rexBuilder = rexBuilder;
    this.library = library;
    this.rex = new RexCompiler(rexBuilder, library, prefetch);
    this.origins = explain ? new java.util.IdentityHashMap<>() : null;
    this.instrument = instrument;
  }

  /** For EXPLAIN: the relational expression each operator was built from (else null). */
  public java.util.Map<PlanNode, RelNode> origins() {
    return origins;
  }

  public PlanNode build(RelNode rel) {
    return recorded(buildOne(rel), rel);
  }

  /** {@code n} built from {@code rel}, instrumented and recorded when building for EXPLAIN. */
  private PlanNode recorded(PlanNode n, RelNode rel) {
    if (instrument) {
      n = new InstrumentedNode(n);
    }
    if (origins != null) {
      origins.put(n, rel);
    }
    return n;
  }

  /** What the built plan needs fetched before it runs. */
  public Prefetch prefetch() {
    return prefetch;
  }

  private PlanNode buildOne(RelNode rel) {
    if (rel instanceof TableScan scan && io.snapsync.core.sql.srf.WorkTables.isWorkTable(scan)) {
      return workTables.scan(scan);
    }
    if (rel instanceof org.apache.calcite.rel.core.RepeatUnion u) {
      return workTables.union(u, this::build);
    }
    if (rel instanceof TableScan scan) {
      return scan(scan);
    }
    if (rel instanceof Filter f) {
      return filter(f, null);
    }
    if (rel instanceof Project p) {
      PlanNode in = p.getInput() instanceof Filter f
          ? recorded(filter(f, RelOptUtil.InputFinder.bits(p.getProjects(), null).asSet()), f)
          : build(p.getInput());
      return new ProjectNode(in, rex.compileAll(p.getProjects()));
    }
    if (rel instanceof Values v) {
      List<Object[]> rows = new ArrayList<>();
      for (List<RexLiteral> tuple : v.getTuples()) {
        Object[] r = new Object[tuple.size()];
        for (int i = 0; i < r.length; i++) {
          r[i] = RexCompiler.literal(tuple.get(i));
        }
        rows.add(r);
      }
      return new ValuesNode(rows);
    }
    if (rel instanceof Sort s) {
      return sort(s);
    }
    if (rel instanceof Aggregate a) {
      PlanNode in = a.getInput() instanceof Filter f ? recorded(filter(f, usedBy(a)), f)
          : build(a.getInput());
      return new Aggregates(library).build(a, in);
    }
    if (rel instanceof Join j) {
      return join(j);
    }
    if (rel instanceof Correlate c) {
      return new CorrelateNode(build(c.getLeft()), build(c.getRight()),
          c.getCorrelationId().getId(), kind(c.getJoinType()),
          c.getLeft().getRowType().getFieldCount(), c.getRight().getRowType().getFieldCount());
    }
    if (rel instanceof SetOp s) {
      List<PlanNode> inputs = new ArrayList<>();
      for (RelNode in : s.getInputs()) {
        inputs.add(build(in));
      }
      SetOpNode.Kind k = s instanceof Union ? SetOpNode.Kind.UNION
          : s instanceof Intersect ? SetOpNode.Kind.INTERSECT : SetOpNode.Kind.EXCEPT;
      return new SetOpNode(k, s.all, inputs);
    }
    if (rel instanceof org.apache.calcite.rel.core.Uncollect u) {
      return new io.snapsync.core.sql.engine.exec.UnnestNode(build(u.getInput()),
          u.withOrdinality);
    }
    if (rel instanceof org.apache.calcite.rel.core.TableFunctionScan tfs
        && io.snapsync.core.sql.srf.SrfPlans.handles(tfs)) {
      return io.snapsync.core.sql.srf.SrfPlans.build(tfs, rex::compileAll, library);
    }
    if (rel instanceof org.apache.calcite.rel.core.TableFunctionScan tfs
        && tfs.getCall() instanceof org.apache.calcite.rex.RexCall call
        && call.getOperator() instanceof org.apache.calcite.sql.validate.SqlUserDefinedTableFunction
            f && f.getFunction() instanceof io.snapsync.core.sql.engine.analyze.GenerateSeries) {
      List<Evaluator> args = rex.compileAll(call.getOperands().stream()
          .filter(o -> o.getKind() != org.apache.calcite.sql.SqlKind.DEFAULT).toList());
      return new io.snapsync.core.sql.engine.exec.GenerateSeriesNode(args.get(0), args.get(1),
          args.size() > 2 ? args.get(2) : null);
    }
    if (rel instanceof org.apache.calcite.rel.core.Collect c) {
      return new io.snapsync.core.sql.engine.exec.CollectNode(build(c.getInput()),
          c.getInput().getRowType().getFieldCount());
    }
    if (rel instanceof Window w) {
      return new Windows(library, rex).build(w, build(w.getInput()));
    }
    throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.unsupported",
        rel.getRelTypeName());
  }

  /**
   * A filter; over a user table, its scan chosen by {@link ScanChoice}. {@code needed}: the
   * input columns the operator above reads (null: unknown, all).
   */
  private PlanNode filter(Filter f, java.util.Set<Integer> needed) {
    if (f.getInput() instanceof TableScan scan
        && scan.getTable().unwrap(CatalogTable.class) != null
        && scan.getTable().unwrap(CatalogTable.class).def() != null
        && !appends(scan.getTable().unwrap(CatalogTable.class).def())) {
      java.util.Set<Integer> cols = null;
      if (needed != null) {
        cols = new java.util.HashSet<>(needed);
        cols.addAll(RelOptUtil.InputFinder.bits(f.getCondition()).asSet());
      }
      PlanNode chosen = ScanChoice.choose(scan.getTable().unwrap(CatalogTable.class).def(),
          f.getCondition(), cols, rexBuilder, rex);
      return new FilterNode(chosen, rex.compile(f.getCondition()));
    }
    return new FilterNode(build(f.getInput()), rex.compile(f.getCondition()));
  }

  /** A filter over {@code scan} (already chosen), compiled. */
  private PlanNode filterOver(PlanNode scan, Filter f) {
    return recorded(new FilterNode(scan, rex.compile(f.getCondition())), f);
  }

  /** The input columns an aggregate reads (group keys, arguments, filters). */
  private static java.util.Set<Integer> usedBy(Aggregate a) {
    java.util.Set<Integer> used = new java.util.HashSet<>(a.getGroupSet().asSet());
    for (org.apache.calcite.rel.core.AggregateCall c : a.getAggCallList()) {
      used.addAll(c.getArgList());
      if (c.filterArg >= 0) {
        used.add(c.filterArg);
      }
      c.collation.getFieldCollations().forEach(fc -> used.add(fc.getFieldIndex()));
    }
    return used;
  }

  private PlanNode scan(TableScan scan) {
    CatalogTable t = scan.getTable().unwrap(CatalogTable.class);
    if (t.def() != null) {
      return appends(t.def()) ? new io.snapsync.core.sql.engine.exec.AppendScanNode(t.def())
          : TableScanNode.full(t.def());
    }
    return new SystemScanNode(t.system().name(), prefetch.table(t.system()));
  }

  /** True for a table whose scan reads its partitions or INHERITS children. */
  static boolean appends(io.snapsync.core.sql.exec.TableDef def) {
    return def.partitioning() != null && def.partitioning().appends();
  }

  private PlanNode sort(Sort s) {
    List<SortKey> keys = new ArrayList<>();
    for (RelFieldCollation fc : s.getCollation().getFieldCollations()) {
      boolean desc = fc.getDirection().isDescending();
      boolean nullsFirst = switch (fc.nullDirection) {
        case FIRST -> true;
        case LAST -> false;
        default -> desc;
      };
      keys.add(new SortKey(fc.getFieldIndex(), desc, nullsFirst, TypeMapping.toData(
          s.getRowType().getFieldList().get(fc.getFieldIndex()).getType())));
    }
    Evaluator offset = s.offset == null ? null : rex.compile(s.offset);
    Evaluator fetch = s.fetch == null ? null : rex.compile(s.fetch);
    PlanNode ordered = s.fetch == null || keys.isEmpty() ? null : IndexOrder.build(s.getInput(),
        keys, this::filterOver, this::recorded, rex);
    if (ordered != null) {
      return new SortNode(ordered, List.of(), offset, fetch);
    }
    return new SortNode(build(s.getInput()), keys, offset, fetch);
  }

  private PlanNode join(Join j) {
    PlanNode left = build(j.getLeft());
    PlanNode right = build(j.getRight());
    int lw = j.getLeft().getRowType().getFieldCount();
    int rw = j.getRight().getRowType().getFieldCount();
    JoinKind kind = kind(j.getJoinType());
    JoinInfo info = JoinInfo.of(j.getLeft(), j.getRight(), j.getCondition());
    if (!info.leftKeys.isEmpty()) {
      RexNode remaining = info.getRemaining(rexBuilder);
      Evaluator rest = remaining.isAlwaysTrue() ? null : rex.compile(remaining);
      return new HashJoinNode(left, right, info.leftKeys.toIntArray(),
          info.rightKeys.toIntArray(), rest, kind, lw, rw);
    }
    Evaluator cond = j.getCondition().isAlwaysTrue() ? null : rex.compile(j.getCondition());
    return new NestedLoopJoinNode(left, right, cond, kind, lw, rw);
  }

  private static JoinKind kind(JoinRelType t) {
    return switch (t) {
      case INNER -> JoinKind.INNER;
      case LEFT -> JoinKind.LEFT;
      case RIGHT -> JoinKind.RIGHT;
      case FULL -> JoinKind.FULL;
      case SEMI -> JoinKind.SEMI;
      case ANTI -> JoinKind.ANTI;
      default -> throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
          "engine.unsupported", t.name() + " join");
    };
  }
}

package io.snapsync.core.sql.engine.plan;

import io.snapsync.core.sql.engine.analyze.Analysis;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ProxyingMetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.RelBuilder;

/**
 * Turns a validated query into an optimised logical plan: {@link SqlToRelConverter}, sub-query
 * removal and decorrelation (as Calcite's own preparation does), windowed aggregates split
 * into window operators, then rule-based rewrites in {@link HepPlanner} passes (filter
 * push-down into joins and scans, project merging). Blocking CPU work; one call per plan.
 */
public final class Planner {

  private static final HepProgram SUB_QUERIES = program(List.of(
      CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
      CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
      CoreRules.JOIN_SUB_QUERY_TO_CORRELATE));

  private static final HepProgram WINDOWS = program(List.of(
      CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW));

  private static final HepProgram REWRITES = program(List.of(
      CoreRules.FILTER_INTO_JOIN,
      CoreRules.JOIN_CONDITION_PUSH,
      CoreRules.FILTER_MERGE,
      CoreRules.FILTER_PROJECT_TRANSPOSE,
      CoreRules.PROJECT_MERGE,
      CoreRules.PROJECT_REMOVE));

  private static final ProxyingMetadataHandlerProvider METADATA =
      new ProxyingMetadataHandlerProvider(DefaultRelMetadataProvider.INSTANCE);

  private Planner() {
  }

  private static HepProgram program(List<RelOptRule> rules) {
    HepProgramBuilder b = HepProgram.builder();
    b.addRuleCollection(rules);
    return b.build();
  }

  /** The logical plan of {@code a}, its output fields exactly the query's result columns. */
  public static RelNode plan(Analysis a) {
    HepPlanner base = new HepPlanner(HepProgram.builder().build());
    base.setExecutor(PgRexExecutor.INSTANCE);
    RelOptCluster cluster = RelOptCluster.create(base, new RexBuilder(a.typeFactory()));
    // metadata through reflection, not Janino-generated handlers (seconds of codegen per JVM)
    cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(METADATA));
    SqlToRelConverter.Config config = SqlToRelConverter.config()
        .withExpand(false)
        .withTrimUnusedFields(false)
        .withDecorrelationEnabled(true);
    SqlToRelConverter converter = new SqlToRelConverter(null, a.validator(), a.reader(),
        cluster, PgConvertlets.INSTANCE, config);
    RelRoot root = converter.convertQuery(a.validated(), false, true);
    RelNode rel = root.project();
    boolean lateral = io.snapsync.core.sql.srf.Laterals.present(rel);
    rel = run(SUB_QUERIES, rel);
    RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(cluster, a.reader());
    if (!lateral) {
      rel = RelDecorrelator.decorrelateQuery(rel, builder);
    }
    rel = run(WINDOWS, rel);
    rel = run(REWRITES, rel);
    return rel;
  }

  private static RelNode run(HepProgram program, RelNode rel) {
    HepPlanner hep = new HepPlanner(program);
    hep.setRoot(rel);
    return hep.findBestExp();
  }
}

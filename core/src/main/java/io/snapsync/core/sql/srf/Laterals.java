package io.snapsync.core.sql.srf;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;

/**
 * LATERAL in a converted plan. Before sub-query removal, a {@link Correlate} comes only from a
 * lateral FROM item (a LATERAL sub-query or a function with arguments from an earlier item).
 * Calcite's decorrelator turns a lateral sub-query into a join on the correlated values, which
 * loses the rows whose values are NULL; such plans keep their correlates (run by the engine's
 * correlated nested loop). Static.
 */
public final class Laterals {

  private Laterals() {
  }

  /** True when {@code rel} (as converted, sub-queries not yet removed) has a lateral join. */
  public static boolean present(RelNode rel) {
    boolean[] found = {false};
    rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        if (other instanceof Correlate) {
          found[0] = true;
          return other;
        }
        return super.visit(other);
      }
    });
    return found[0];
  }
}

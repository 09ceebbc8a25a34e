package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.sql.parser.ast.PgPartitionBound;
import io.snapsync.sql.parser.ast.PgPartitionClause;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/**
 * The partition clauses of CREATE TABLE (PARTITION BY, PARTITION OF, INHERITS) and the bound
 * of ATTACH PARTITION to a {@link Partitioning} whose bound values are still as written (they
 * take the key columns' types when the statement runs). Stateless.
 */
final class PartitionAnalyzer {

  private PartitionAnalyzer() {
  }

  /** {@code so far} (null: nothing yet) with clause {@code c} added. */
  static Partitioning add(Partitioning soFar, PgPartitionClause c) {
    Partitioning p = soFar != null ? soFar
        : new Partitioning(null, List.of(), null, null, List.of(), false);
    return switch (c.kind()) {
      case PARTITION_BY -> new Partitioning(c.strategy(), keys(c), p.parent(), p.bound(),
          p.inherits(), false);
      case INHERITS -> p.withInherits(c.names().stream().map(Names::of).toList());
      case PARTITION_OF -> p.withParent(Names.of(c.parent()), bound(c.bound()));
    };
  }

  private static List<String> keys(PgPartitionClause c) {
    List<String> out = new ArrayList<>();
    for (SqlNode k : c.names()) {
      if (!(k instanceof SqlIdentifier id) || !id.isSimple()) {
        throw DdlParser.unsupported("PARTITION BY an expression");
      }
      out.add(id.getSimple());
    }
    return out;
  }

  /** A bound as written. */
  static PartitionBound bound(PgPartitionBound b) {
    return switch (b.kind()) {
      case DEFAULT -> PartitionBound.DEFAULT;
      case HASH -> {
        if (b.modulus() <= 0) {
          throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION,
              "ddl.partition.modulus_positive");
        }
        if (b.remainder() < 0) {
          throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION,
              "ddl.partition.remainder_nonnegative");
        }
        if (b.remainder() >= b.modulus()) {
          throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION,
              "ddl.partition.remainder_below_modulus");
        }
        yield new PartitionBound(PartitionBound.Kind.HASH, null, null, null, b.modulus(),
            b.remainder());
      }
      case LIST -> new PartitionBound(PartitionBound.Kind.LIST, null, null,
          values(b.values()), 0, 0);
      case RANGE -> new PartitionBound(PartitionBound.Kind.RANGE, values(b.from()),
          values(b.to()), null, 0, 0);
    };
  }

  private static List<PartitionBound.Value> values(List<SqlNode> nodes) {
    List<PartitionBound.Value> out = new ArrayList<>();
    for (SqlNode n : nodes) {
      out.add(value(n));
    }
    return out;
  }

  private static PartitionBound.Value value(SqlNode n) {
    if (n instanceof SqlLiteral l && l.getValue() instanceof PgPartitionBound.Infinity inf) {
      return inf == PgPartitionBound.Infinity.MINVALUE ? PartitionBound.Value.MIN
          : PartitionBound.Value.MAX;
    }
    if (n instanceof SqlLiteral l) {
      if (l.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL) {
        return new PartitionBound.Value(null, 0);
      }
      Object v = l instanceof org.apache.calcite.sql.SqlCharStringLiteral s
          ? s.getValueAs(String.class) : l.toValue();
      return new PartitionBound.Value(String.valueOf(v), 0);
    }
    if (n instanceof SqlBasicCall call && call.getKind() == SqlKind.MINUS_PREFIX) {
      PartitionBound.Value inner = value(call.operand(0));
      return new PartitionBound.Value(inner.text().startsWith("-") ? inner.text().substring(1)
          : "-" + inner.text(), 0);
    }
    if (n instanceof SqlBasicCall call && (call.getKind() == SqlKind.CAST
        || call.getOperator().getName().equals("::"))) {
      return value(call.operand(0));
    }
    if (n instanceof SqlIdentifier id && id.isSimple()) {
      // PostgreSQL reads a bare word in a bound as a string ("FOR VALUES IN (a)" is an error
      // there only for column references; true/false are literals already)
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "ddl.partition.bound_expr",
          id.getSimple());
    }
    throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "ddl.partition.bound_expr",
        n.toString());
  }

  /** ALTER TABLE t ATTACH / DETACH PARTITION, [NO] INHERIT. */
  static DdlStatement alter(String table, boolean ifExists,
      io.snapsync.sql.parser.ast.PgPartitionAction a) {
    return new DdlStatement.AlterPlacement(table, ifExists,
        DdlStatement.AlterPlacement.Placement.valueOf(a.kind().name()), Names.of(a.table()),
        a.bound() == null ? null : bound(a.bound()));
  }
}

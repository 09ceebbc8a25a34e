package io.snapsync.sql.parser.ast;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeComparability;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeFamily;
import org.apache.calcite.sql.type.AbstractSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's {@code json} and {@code jsonb} as Calcite types: SQL type name {@code VARIANT} (so that Calcite never folds a cast to them), but,
 * each in a family of its own, so Calcite keeps them apart from text and from each other. The
 * engine's type factory changes their nullability ({@code createTypeWithNullability}); any other
 * factory keeps the nullability they were made with. Static, thread-safe.
 */
public final class PgJsonTypes {

  private static final RelDataTypeFamily JSON = new RelDataTypeFamily() {
  };
  private static final RelDataTypeFamily JSONB = new RelDataTypeFamily() {
  };

  private PgJsonTypes() {
  }

  /** The Calcite type of {@code json} or {@code jsonb}. */
  public static final class JsonType extends AbstractSqlType {

    private final boolean binary;

    /** An uncanonized instance: pass it through a type factory before use. */
    public JsonType(boolean binary, boolean nullable) {
      super(SqlTypeName.VARIANT, nullable, null);
      this.binary = binary;
      computeDigest();
    }

    /** True for {@code jsonb}. */
    public boolean binary() {
      return binary;
    }

    @Override
    public RelDataTypeFamily getFamily() {
      return binary ? JSONB : JSON;
    }

    @Override
    public RelDataTypeComparability getComparability() {
      return RelDataTypeComparability.ALL;
    }

    @Override
    protected void generateTypeString(StringBuilder sb, boolean withDetail) {
      sb.append(binary ? "JSONB" : "JSON");
    }
  }

  /** The nullable Calcite type of {@code jsonb} ({@code binary}) or {@code json}. */
  public static RelDataType of(RelDataTypeFactory f, boolean binary) {
    return f.createTypeWithNullability(new JsonType(binary, true), true);
  }

  /** {@code "jsonb"}, {@code "json"}, or null when {@code t} is neither. */
  public static String name(RelDataType t) {
    return t instanceof JsonType j ? (j.binary ? "jsonb" : "json") : null;
  }
}

package io.snapsync.sql.parser.ast;

import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/**
 * A PostgreSQL type name Calcite's grammar does not know ({@code int4}, {@code text},
 * {@code timestamptz}, {@code jsonb}, {@code regclass}, {@code serial}, ...), with its
 * modifiers. {@link #pgName()} is PostgreSQL's canonical internal name ({@code int4},
 * {@code float8}, {@code bpchar}, ...) so the analyzer knows the exact PostgreSQL type;
 * {@link #deriveType} gives the nearest Calcite type so validation works unchanged.
 */
public final class PgTypeNameSpec extends SqlTypeNameSpec {

  private final String pgName;
  private final SqlTypeName calciteType;
  private final int precision;
  private final int scale;

  PgTypeNameSpec(String written, String pgName, SqlTypeName calciteType, int precision,
      int scale, SqlParserPos pos) {
    super(new SqlIdentifier(written, pos), pos);
    this.pgName = pgName;
    this.calciteType = calciteType;
    this.precision = precision;
    this.scale = scale;
  }

  /** PostgreSQL's internal type name, e.g. {@code int4} for {@code integer}/{@code int4}. */
  public String pgName() {
    return pgName;
  }

  /** The Calcite type used for validation. */
  public SqlTypeName calciteType() {
    return calciteType;
  }

  /** The first type modifier ({@code timestamptz(3)}, {@code bpchar(5)}), or -1. */
  public int precision() {
    return precision;
  }

  /** The second type modifier, or -1. */
  public int scale() {
    return scale;
  }

  /** True for {@code serial}, {@code bigserial} and {@code smallserial}. */
  public boolean isSerial() {
    return pgName.endsWith("serial");
  }

  @Override
  public RelDataType deriveType(SqlValidator validator) {
    RelDataTypeFactory f = validator.getTypeFactory();
    if (pgName.equals("json") || pgName.equals("jsonb")) {
      return PgJsonTypes.of(f, pgName.equals("jsonb"));
    }
    if (calciteType == SqlTypeName.INTERVAL_DAY_SECOND) {
      // with its qualifier, as Calcite's interval arithmetic needs one
      return f.createSqlIntervalType(new org.apache.calcite.sql.SqlIntervalQualifier(
          org.apache.calcite.avatica.util.TimeUnit.DAY,
          org.apache.calcite.avatica.util.TimeUnit.SECOND, SqlParserPos.ZERO));
    }
    if (precision >= 0 && calciteType.allowsPrecNoScale()) {
      return scale >= 0 && calciteType.allowsScale()
          ? f.createSqlType(calciteType, precision, scale)
          : f.createSqlType(calciteType, precision);
    }
    return f.createSqlType(calciteType);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getTypeName().getSimple());
    if (precision >= 0) {
      writer.print("(" + precision + (scale >= 0 ? ", " + scale : "") + ")");
    }
  }

  @Override
  public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    if (!(spec instanceof PgTypeNameSpec)) {
      return litmus.fail("{} != {}", this, spec);
    }
    PgTypeNameSpec that = (PgTypeNameSpec) spec;
    if (!pgName.equals(that.pgName) || precision != that.precision || scale != that.scale) {
      return litmus.fail("{} != {}", this, spec);
    }
    return litmus.succeed();
  }

  @Override
  public String toString() {
    return pgName + (precision >= 0 ? "(" + precision + (scale >= 0 ? "," + scale : "") + ")"
        : "");
  }

  @Override
  public int hashCode() {
    return Objects.hash(pgName, precision, scale);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PgTypeNameSpec && equalsDeep((PgTypeNameSpec) o, Litmus.IGNORE);
  }
}

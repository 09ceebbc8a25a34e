package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.session.DataType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** {@link DataType} to and from Calcite's {@link RelDataType}. Static, thread-safe. */
public final class TypeMapping {

  private TypeMapping() {
  }

  /** The Calcite type of a column of {@code type} with PostgreSQL {@code typmod}. */
  public static RelDataType toRel(DataType type, int typmod, boolean nullable,
      RelDataTypeFactory f) {
    RelDataType t;
    if (type.isArray()) {
      t = f.createArrayType(toRel(type.element(), -1, true, f), -1);
    } else {
      t = switch (type) {
        case BOOL -> f.createSqlType(SqlTypeName.BOOLEAN);
        case INT2 -> f.createSqlType(SqlTypeName.SMALLINT);
        case INT4 -> f.createSqlType(SqlTypeName.INTEGER);
        case INT8, OID -> f.createSqlType(SqlTypeName.BIGINT);
        case FLOAT4 -> f.createSqlType(SqlTypeName.REAL);
        case FLOAT8 -> f.createSqlType(SqlTypeName.DOUBLE);
        case NUMERIC -> typmod >= 4
            ? f.createSqlType(SqlTypeName.DECIMAL, (typmod - 4) >> 16, (typmod - 4) & 0xffff)
            : f.createSqlType(SqlTypeName.DECIMAL);
        case VARCHAR -> typmod >= 4 ? f.createSqlType(SqlTypeName.VARCHAR, typmod - 4)
            : f.createSqlType(SqlTypeName.VARCHAR);
        case BPCHAR -> f.createSqlType(SqlTypeName.CHAR, typmod >= 4 ? typmod - 4 : 1);
        case BYTEA -> f.createSqlType(SqlTypeName.VARBINARY);
        case DATE -> f.createSqlType(SqlTypeName.DATE);
        case TIME -> f.createSqlType(SqlTypeName.TIME);
        case TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP);
        case TIMESTAMPTZ -> f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
        case INTERVAL -> f.createSqlIntervalType(new org.apache.calcite.sql.SqlIntervalQualifier(
            org.apache.calcite.avatica.util.TimeUnit.DAY, org.apache.calcite.avatica.util.TimeUnit.SECOND,
            org.apache.calcite.sql.parser.SqlParserPos.ZERO));
        case UUID -> f.createSqlType(SqlTypeName.UUID);
        case JSON, JSONB -> io.snapsync.sql.parser.ast.PgJsonTypes.of(f, type == DataType.JSONB);
        default -> f.createSqlType(SqlTypeName.VARCHAR);
      };
    }
    return f.createTypeWithNullability(t, nullable);
  }

  /** The PostgreSQL type a Calcite type stands for (unknown and NULL literals are text). */
  public static DataType toData(RelDataType t) {
    return switch (t.getSqlTypeName()) {
      case BOOLEAN -> DataType.BOOL;
      case TINYINT, SMALLINT -> DataType.INT2;
      case INTEGER -> DataType.INT4;
      case BIGINT -> DataType.INT8;
      case DECIMAL -> DataType.NUMERIC;
      case REAL, FLOAT -> DataType.FLOAT4;
      case DOUBLE -> DataType.FLOAT8;
      case CHAR -> DataType.TEXT;
      case VARCHAR -> t.getPrecision() > 0
          && t.getPrecision() != org.apache.calcite.rel.type.RelDataType.PRECISION_NOT_SPECIFIED
          && t.getPrecision() < 65536 ? DataType.VARCHAR : DataType.TEXT;
      case BINARY, VARBINARY -> DataType.BYTEA;
      case DATE -> DataType.DATE;
      case TIME -> DataType.TIME;
      case TIMESTAMP -> DataType.TIMESTAMP;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> DataType.TIMESTAMPTZ;
      case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH, INTERVAL_DAY,
          INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
          INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
          INTERVAL_SECOND -> DataType.INTERVAL;
      case UUID -> DataType.UUID;
      case VARIANT -> JsonTypes.of(t);
      case ARRAY -> {
        DataType e = toData(t.getComponentType());
        DataType a = e.arrayType();
        yield a == null ? DataType.TEXT_ARRAY : a;
      }
      default -> DataType.TEXT;
    };
  }

  /** PostgreSQL's typmod of a Calcite type ({@code varchar(n)}, {@code numeric(p,s)}), or -1. */
  public static int typmod(RelDataType t) {
    DataType d = toData(t);
    if (d == DataType.VARCHAR) {
      return t.getPrecision() + 4;
    }
    if (d == DataType.NUMERIC && t.getPrecision() < PgTypeSystem.NUMERIC_MAX) {
      return ((t.getPrecision() << 16) | t.getScale()) + 4;
    }
    return -1;
  }
}

package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.sql.parser.ast.PgTypeNameSpec;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;

/**
 * A column type as PostgreSQL stores it: the type and its modifier ({@code typmod}, -1 for
 * none: {@code varchar(n)}/{@code char(n)} n + 4, {@code numeric(p,s)} ((p << 16) | s) + 4,
 * {@code timestamp(p)} p), and for {@code serial}/{@code bigserial}/{@code smallserial} that
 * the column takes its values from a sequence.
 */
public record ColumnType(DataType type, int typmod, boolean serial) {

  /** The type written as {@code spec} in a column definition or cast. */
  public static ColumnType of(SqlDataTypeSpec spec) {
    return of(spec.getTypeNameSpec());
  }

  static ColumnType of(SqlTypeNameSpec t) {
    if (t instanceof SqlCollectionTypeNameSpec c) {
      ColumnType e = of(c.getElementTypeName());
      if (e.type.isArray()) {
        return e; // arrays of arrays are arrays
      }
      DataType a = e.type.arrayType();
      if (a == null || e.serial) {
        throw unsupported(e.type.sqlName() + "[]");
      }
      return new ColumnType(a, e.typmod, false);
    }
    if (t instanceof PgTypeNameSpec p) {
      return pg(p);
    }
    if (t instanceof SqlBasicTypeNameSpec b) {
      return basic(b);
    }
    throw SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "ddl.type_not_exist",
        t.getTypeName().toString().toLowerCase(Locale.ROOT));
  }

  private static ColumnType basic(SqlBasicTypeNameSpec b) {
    int p = b.getPrecision();
    int s = b.getScale() == Integer.MIN_VALUE ? -1 : b.getScale();
    return switch (b.getTypeName().getSimple().toUpperCase(Locale.ROOT)) {
      case "BOOLEAN" -> plain(DataType.BOOL);
      case "SMALLINT", "TINYINT" -> plain(DataType.INT2);
      case "INTEGER" -> plain(DataType.INT4);
      case "BIGINT" -> plain(DataType.INT8);
      case "REAL" -> plain(DataType.FLOAT4);
      case "DOUBLE" -> plain(DataType.FLOAT8);
      case "FLOAT" -> plain(p >= 1 && p <= 24 ? DataType.FLOAT4 : DataType.FLOAT8);
      case "DECIMAL", "NUMERIC" -> numeric(p, s);
      case "VARCHAR" -> new ColumnType(DataType.VARCHAR, length(p, -1, "varchar"), false);
      case "CHAR" -> new ColumnType(DataType.BPCHAR, length(p, 1, "char"), false);
      case "DATE" -> plain(DataType.DATE);
      case "TIME" -> new ColumnType(DataType.TIME, precision(p), false);
      case "TIMESTAMP" -> new ColumnType(DataType.TIMESTAMP, precision(p), false);
      case "TIMESTAMP_TZ", "TIMESTAMP_WITH_LOCAL_TIME_ZONE" ->
          new ColumnType(DataType.TIMESTAMPTZ, precision(p), false);
      case "UUID" -> plain(DataType.UUID);
      case "VARBINARY", "BINARY" -> plain(DataType.BYTEA);
      default -> throw unsupported(b.getTypeName().getSimple().toLowerCase(Locale.ROOT));
    };
  }

  private static ColumnType pg(PgTypeNameSpec p) {
    int prec = p.precision();
    return switch (p.pgName()) {
      case "int2" -> plain(DataType.INT2);
      case "int4" -> plain(DataType.INT4);
      case "int8" -> plain(DataType.INT8);
      case "float4" -> plain(DataType.FLOAT4);
      case "float8" -> plain(DataType.FLOAT8);
      case "text" -> plain(DataType.TEXT);
      case "name" -> plain(DataType.NAME);
      case "char" -> new ColumnType(DataType.BPCHAR, 1 + 4, false);
      case "bpchar" -> new ColumnType(DataType.BPCHAR, length(prec, -1, "char"), false);
      case "bytea" -> plain(DataType.BYTEA);
      case "bool" -> plain(DataType.BOOL);
      case "timestamptz" -> new ColumnType(DataType.TIMESTAMPTZ, precision(prec), false);
      case "uuid" -> plain(DataType.UUID);
      case "json" -> plain(DataType.JSON);
      case "jsonb" -> plain(DataType.JSONB);
      case "oid" -> plain(DataType.OID);
      case "interval" -> plain(DataType.INTERVAL);
      case "serial" -> new ColumnType(DataType.INT4, -1, true);
      case "bigserial" -> new ColumnType(DataType.INT8, -1, true);
      case "smallserial" -> new ColumnType(DataType.INT2, -1, true);
      default -> throw unsupported(p.pgName());
    };
  }

  private static ColumnType plain(DataType t) {
    return new ColumnType(t, -1, false);
  }

  private static ColumnType numeric(int p, int s) {
    if (p < 0) {
      return plain(DataType.NUMERIC);
    }
    if (p < 1 || p > 1000) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "ddl.numeric_precision",
          p);
    }
    int scale = Math.max(s, 0);
    if (scale > p) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "ddl.numeric_scale",
          scale, p);
    }
    return new ColumnType(DataType.NUMERIC, ((p << 16) | scale) + 4, false);
  }

  /** varchar(n)/char(n): n + 4; without a length, {@code otherwise} + 4 (or -1). */
  private static int length(int n, int otherwise, String type) {
    int len = n >= 0 ? n : otherwise;
    if (len < 0) {
      return -1;
    }
    if (len < 1 || len > 10485760) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "ddl.length_range", type);
    }
    return len + 4;
  }

  /** time(p)/timestamp(p): p, at most 6 as in PostgreSQL (which warns and rounds down). */
  private static int precision(int p) {
    return p < 0 ? -1 : Math.min(p, 6);
  }

  private static SnapsyncException unsupported(String type) {
    return SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "ddl.type_unsupported", type);
  }
}

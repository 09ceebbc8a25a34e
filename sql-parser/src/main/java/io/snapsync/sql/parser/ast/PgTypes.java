package io.snapsync.sql.parser.ast;

import java.util.Map;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The PostgreSQL type names the grammar reads as identifiers, and what each one is. The quoted
 * {@code "char"} (the catalogs' one-byte type) reads as {@code char(1)}.
 */
public final class PgTypes {

  private record Entry(String pgName, SqlTypeName calcite) {
  }

  private static final Map<String, Entry> NAMES = Map.ofEntries(
      Map.entry("int2", new Entry("int2", SqlTypeName.SMALLINT)),
      Map.entry("int4", new Entry("int4", SqlTypeName.INTEGER)),
      Map.entry("int8", new Entry("int8", SqlTypeName.BIGINT)),
      Map.entry("float4", new Entry("float4", SqlTypeName.REAL)),
      Map.entry("float8", new Entry("float8", SqlTypeName.DOUBLE)),
      Map.entry("text", new Entry("text", SqlTypeName.VARCHAR)),
      Map.entry("name", new Entry("name", SqlTypeName.VARCHAR)),
      Map.entry("bpchar", new Entry("bpchar", SqlTypeName.CHAR)),
      Map.entry("char", new Entry("char", SqlTypeName.CHAR)),
      Map.entry("bytea", new Entry("bytea", SqlTypeName.VARBINARY)),
      Map.entry("bool", new Entry("bool", SqlTypeName.BOOLEAN)),
      Map.entry("timestamptz", new Entry("timestamptz", SqlTypeName.TIMESTAMP_TZ)),
      Map.entry("timetz", new Entry("timetz", SqlTypeName.TIME_TZ)),
      Map.entry("uuid", new Entry("uuid", SqlTypeName.UUID)),
      Map.entry("json", new Entry("json", SqlTypeName.VARCHAR)),
      Map.entry("jsonb", new Entry("jsonb", SqlTypeName.VARCHAR)),
      Map.entry("oid", new Entry("oid", SqlTypeName.BIGINT)),
      Map.entry("regclass", new Entry("regclass", SqlTypeName.BIGINT)),
      Map.entry("regtype", new Entry("regtype", SqlTypeName.BIGINT)),
      Map.entry("regproc", new Entry("regproc", SqlTypeName.BIGINT)),
      Map.entry("regnamespace", new Entry("regnamespace", SqlTypeName.BIGINT)),
      Map.entry("serial", new Entry("serial", SqlTypeName.INTEGER)),
      Map.entry("serial4", new Entry("serial", SqlTypeName.INTEGER)),
      Map.entry("bigserial", new Entry("bigserial", SqlTypeName.BIGINT)),
      Map.entry("serial8", new Entry("bigserial", SqlTypeName.BIGINT)),
      Map.entry("smallserial", new Entry("smallserial", SqlTypeName.SMALLINT)),
      Map.entry("serial2", new Entry("smallserial", SqlTypeName.SMALLINT)),
      Map.entry("interval", new Entry("interval", SqlTypeName.INTERVAL_DAY_SECOND)));

  private PgTypes() {
  }

  /**
   * The type spec for a type name written as an identifier: a {@link PgTypeNameSpec} for
   * PostgreSQL's own names (optionally qualified with {@code pg_catalog}), else a user-defined
   * type name for the analyzer to resolve.
   */
  public static SqlTypeNameSpec spec(SqlIdentifier id, int precision, int scale,
      SqlParserPos pos) {
    String simple = id.names.get(id.names.size() - 1);
    boolean catalog = id.names.size() == 1
        || id.names.size() == 2 && id.names.get(0).equals("pg_catalog");
    Entry e = catalog ? NAMES.get(simple) : null;
    if (e == null) {
      return new SqlUserDefinedTypeNameSpec(id, pos);
    }
    if (e.pgName.equals("char")) {
      precision = 1; // "char": one character, no modifier
    }
    return new PgTypeNameSpec(simple, e.pgName, e.calcite, precision, scale, pos);
  }

  /** The spec of the PostgreSQL type named {@code pgName} (a key of the table above). */
  public static PgTypeNameSpec named(String pgName, SqlParserPos pos) {
    Entry e = NAMES.get(pgName);
    return new PgTypeNameSpec(pgName, e.pgName, e.calcite, -1, -1, pos);
  }
}

package io.snapsync.core.session;

/**
 * Column types, with the PostgreSQL type OIDs clients see. Java values: TEXT String, INT4
 * Integer, INT8 Long, BOOL Boolean, FLOAT8 Double, TIMESTAMPTZ java.time.OffsetDateTime, VOID
 * null.
 */
public enum DataType {
  BOOL(16, "boolean"),
  INT8(20, "bigint"),
  INT4(23, "integer"),
  TEXT(25, "text"),
  FLOAT8(701, "double precision"),
  TIMESTAMPTZ(1184, "timestamp with time zone"),
  VOID(2278, "void");

  private final int oid;
  private final String sqlName;

  DataType(int oid, String sqlName) {
    this.oid = oid;
    this.sqlName = sqlName;
  }

  public int oid() {
    return oid;
  }

  public String sqlName() {
    return sqlName;
  }
}

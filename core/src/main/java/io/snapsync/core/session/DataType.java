package io.snapsync.core.session;

/**
 * Column types, with the PostgreSQL type OIDs clients see, and the Java class that carries a
 * value of each type everywhere in the node (rows, parameters, results, the event-bus API).
 *
 * <table>
 *   <caption>Java values</caption>
 *   <tr><td>BOOL</td><td>Boolean</td></tr>
 *   <tr><td>INT2 / INT4 / INT8 / OID</td><td>Short / Integer / Long / Long</td></tr>
 *   <tr><td>NUMERIC</td><td>java.math.BigDecimal (NaN as {@code Double.NaN})</td></tr>
 *   <tr><td>FLOAT4 / FLOAT8</td><td>Float / Double</td></tr>
 *   <tr><td>TEXT / VARCHAR / BPCHAR / NAME / UNKNOWN</td><td>String</td></tr>
 *   <tr><td>BYTEA</td><td>byte[]</td></tr>
 *   <tr><td>DATE / TIME / TIMESTAMP</td><td>LocalDate / LocalTime / LocalDateTime</td></tr>
 *   <tr><td>TIMESTAMPTZ</td><td>java.time.OffsetDateTime (the instant; display uses the
 *   session's TimeZone)</td></tr>
 *   <tr><td>INTERVAL</td><td>{@link io.snapsync.core.sql.types.Interval}</td></tr>
 *   <tr><td>UUID</td><td>java.util.UUID</td></tr>
 *   <tr><td>JSON / JSONB</td><td>{@link io.snapsync.core.sql.types.Json}</td></tr>
 *   <tr><td>*_ARRAY</td><td>java.util.List of the element's Java values (nulls allowed,
 *   nested lists for more dimensions)</td></tr>
 *   <tr><td>VOID</td><td>null</td></tr>
 * </table>
 */
public enum DataType {
  BOOL(16, "boolean"),
  BYTEA(17, "bytea"),
  NAME(19, "name"),
  INT8(20, "bigint"),
  INT2(21, "smallint"),
  INT4(23, "integer"),
  TEXT(25, "text"),
  OID(26, "oid"),
  JSON(114, "json"),
  FLOAT4(700, "real"),
  FLOAT8(701, "double precision"),
  UNKNOWN(705, "unknown"),
  BPCHAR(1042, "character"),
  VARCHAR(1043, "character varying"),
  DATE(1082, "date"),
  TIME(1083, "time without time zone"),
  TIMESTAMP(1114, "timestamp without time zone"),
  TIMESTAMPTZ(1184, "timestamp with time zone"),
  INTERVAL(1186, "interval"),
  NUMERIC(1700, "numeric"),
  VOID(2278, "void"),
  UUID(2950, "uuid"),
  JSONB(3802, "jsonb"),

  BOOL_ARRAY(1000, "boolean[]", BOOL),
  BYTEA_ARRAY(1001, "bytea[]", BYTEA),
  NAME_ARRAY(1003, "name[]", NAME),
  INT2_ARRAY(1005, "smallint[]", INT2),
  INT4_ARRAY(1007, "integer[]", INT4),
  TEXT_ARRAY(1009, "text[]", TEXT),
  BPCHAR_ARRAY(1014, "character[]", BPCHAR),
  VARCHAR_ARRAY(1015, "character varying[]", VARCHAR),
  INT8_ARRAY(1016, "bigint[]", INT8),
  FLOAT4_ARRAY(1021, "real[]", FLOAT4),
  FLOAT8_ARRAY(1022, "double precision[]", FLOAT8),
  OID_ARRAY(1028, "oid[]", OID),
  TIMESTAMP_ARRAY(1115, "timestamp without time zone[]", TIMESTAMP),
  DATE_ARRAY(1182, "date[]", DATE),
  TIME_ARRAY(1183, "time without time zone[]", TIME),
  TIMESTAMPTZ_ARRAY(1185, "timestamp with time zone[]", TIMESTAMPTZ),
  INTERVAL_ARRAY(1187, "interval[]", INTERVAL),
  NUMERIC_ARRAY(1231, "numeric[]", NUMERIC),
  UUID_ARRAY(2951, "uuid[]", UUID),
  JSON_ARRAY(199, "json[]", JSON),
  JSONB_ARRAY(3807, "jsonb[]", JSONB);

  private final int oid;
  private final String sqlName;
  private final DataType element;

  DataType(int oid, String sqlName) {
    this(oid, sqlName, null);
  }

  DataType(int oid, String sqlName, DataType element) {
    this.oid = oid;
    this.sqlName = sqlName;
    this.element = element;
  }

  public int oid() {
    return oid;
  }

  /** PostgreSQL's name of the type, as {@code format_type} prints it without a modifier. */
  public String sqlName() {
    return sqlName;
  }

  /** True for the array types. */
  public boolean isArray() {
    return element != null;
  }

  /** The element type of an array type, or null. */
  public DataType element() {
    return element;
  }

  /** The array type whose elements are this type, or null (arrays of arrays are arrays). */
  public DataType arrayType() {
    for (DataType t : values()) {
      if (t.element == this) {
        return t;
      }
    }
    return isArray() ? this : null;
  }

  /** The type with PostgreSQL OID {@code oid}, or null. */
  public static DataType ofOid(int oid) {
    for (DataType t : values()) {
      if (t.oid == oid) {
        return t;
      }
    }
    return null;
  }
}

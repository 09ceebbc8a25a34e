package io.snapsync.core.session;

/**
 * A result or table column: its name, type and PostgreSQL type modifier ({@code typmod}: -1
 * for none; {@code varchar(n)}/{@code char(n)}: n + 4; {@code numeric(p,s)}:
 * ((p << 16) | s) + 4, as in PostgreSQL), and for a result column taken straight from a
 * table column its origin: the table's OID and the column's attnum (0 and 0 otherwise), which
 * clients read from RowDescription (pgjdbc's {@code ResultSetMetaData.getTableName},
 * {@code isNullable}). The origin is description, not identity: {@link #equals} ignores it.
 */
public record Column(String name, DataType type, int typmod, long tableOid, int attnum) {

  public Column(String name, DataType type) {
    this(name, type, -1);
  }

  public Column(String name, DataType type, int typmod) {
    this(name, type, typmod, 0, 0);
  }

  /** This column with origin {@code tableOid}, {@code attnum}. */
  public Column withOrigin(long tableOid, int attnum) {
    return new Column(name, type, typmod, tableOid, attnum);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Column c && c.name.equals(name) && c.type == type && c.typmod == typmod;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(name, type, typmod);
  }
}

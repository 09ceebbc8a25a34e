package io.snapsync.core.session;

/**
 * A result or table column: its name, type and PostgreSQL type modifier ({@code typmod}: -1
 * for none; {@code varchar(n)}/{@code char(n)}: n + 4; {@code numeric(p,s)}:
 * ((p << 16) | s) + 4, as in PostgreSQL).
 */
public record Column(String name, DataType type, int typmod) {

  public Column(String name, DataType type) {
    this(name, type, -1);
  }
}

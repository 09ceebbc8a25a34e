package io.snapsync.core.sql.parse;

import java.util.List;

/** Value expressions of the subset: literals, parameters, column references, function calls. */
public sealed interface Expr {

  /**
   * A constant: {@code Long} for integer literals, {@code String} for quoted strings (type
   * unknown until used), {@code Boolean}, or {@code null}.
   */
  record Literal(Object value) implements Expr {
  }

  /** {@code $n} (1-based). */
  record Param(int index) implements Expr {
  }

  record ColumnRef(String name) implements Expr {
  }

  record Call(String name, List<Expr> args) implements Expr {
  }
}

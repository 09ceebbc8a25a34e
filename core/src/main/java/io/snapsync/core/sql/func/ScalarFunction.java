package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import java.util.List;

/**
 * One overload of a PostgreSQL scalar function or operator ({@code length(text)},
 * {@code +(int4,int4)}, {@code ~~(text,text)} for LIKE, ...), over the Java values of
 * {@link DataType}. Implementations are stateless and thread-safe.
 */
public interface ScalarFunction {

  /** PostgreSQL's name: {@code "length"}, or the operator symbol ({@code "+"}, {@code "||"}). */
  String name();

  /** The declared argument types of this overload (after implicit casts). */
  List<DataType> argTypes();

  DataType returnType();

  /** True when any NULL argument gives NULL without calling {@link #apply}. */
  boolean strict();

  /** True for functions whose result may differ between calls with the same arguments. */
  default boolean volatile_() {
    return false;
  }

  /**
   * Computes the result. Errors are {@link io.snapsync.core.error.SnapsyncException}s with
   * PostgreSQL's SQLSTATE (22003 overflow, 22012 division by zero, 22P02, ...).
   */
  Object apply(Object[] args, EvalContext ctx);
}

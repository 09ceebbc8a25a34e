package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import java.util.List;

/** A built-in scalar overload: its signature and a body over already-cast argument values. */
record Fn(String name, List<DataType> argTypes, DataType returnType, boolean strict,
    boolean volatile_, Body body) implements ScalarFunction {

  /** The computation; {@code a} holds values of {@link #argTypes} (never null when strict). */
  @FunctionalInterface
  interface Body {
    Object apply(Object[] a, EvalContext ctx);
  }

  Fn {
    argTypes = List.copyOf(argTypes);
  }

  /** A strict, immutable overload. */
  static Fn of(String name, DataType ret, Body body, DataType... args) {
    return new Fn(name, List.of(args), ret, true, false, body);
  }

  static Fn of(String name, DataType ret, Body body, List<DataType> args) {
    return new Fn(name, args, ret, true, false, body);
  }

  /** This overload, called with NULL arguments too. */
  Fn lenient() {
    return new Fn(name, argTypes, returnType, false, volatile_, body);
  }

  /** This overload, NULL when its first argument is NULL but called with other NULLs. */
  Fn strictOn0() {
    Body inner = body;
    return new Fn(name, argTypes, returnType, false, volatile_,
        (a, c) -> a[0] == null ? null : inner.apply(a, c));
  }

  /** This overload, marked volatile (random(), clock_timestamp(), ...). */
  Fn volatil() {
    return new Fn(name, argTypes, returnType, strict, true, body);
  }

  @Override
  public Object apply(Object[] args, EvalContext ctx) {
    if (strict) {
      for (Object a : args) {
        if (a == null) {
          return null;
        }
      }
    }
    return body.apply(args, ctx);
  }

  @Override
  public String toString() {
    return name + argTypes + " -> " + returnType;
  }
}

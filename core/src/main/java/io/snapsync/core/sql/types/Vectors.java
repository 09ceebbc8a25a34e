package io.snapsync.core.sql.types;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Values of PostgreSQL's {@code int2vector} and {@code oidvector} (pg_index.indkey,
 * indclass, indcollation, indoption): one-dimensional arrays whose subscripts start at 0
 * ({@code indkey[0]} is the first key column) and whose text form is the numbers separated by
 * spaces ({@code 1 3}), which pg_dump parses. Everywhere else they behave as the element
 * type's array (ANY, unnest, array functions). Immutable, thread-safe.
 */
public final class Vectors {

  private Vectors() {
  }

  /** A vector of {@code elements} (numbers, no NULLs). */
  public static List<Object> of(List<?> elements) {
    return new Vector(new ArrayList<>(elements));
  }

  /** True when {@code value} is a vector: its subscripts start at 0. */
  public static boolean isVector(Object value) {
    return value instanceof Vector;
  }

  /** PostgreSQL's text output: the elements separated by single spaces. */
  public static String text(List<?> vector) {
    StringBuilder sb = new StringBuilder();
    for (Object x : vector) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(x);
    }
    return sb.toString();
  }

  private static final class Vector extends AbstractList<Object> implements RandomAccess {

    private final List<Object> elements;

    Vector(List<Object> elements) {
      this.elements = elements;
    }

    @Override
    public Object get(int index) {
      return elements.get(index);
    }

    @Override
    public int size() {
      return elements.size();
    }
  }
}

package io.snapsync.core.sql.func;

import io.snapsync.core.sql.types.Json;
import java.util.regex.Pattern;

/**
 * What the set-returning functions ({@code io.snapsync.core.sql.srf}) use of this package's
 * json trees and regular expressions: json/jsonb parsed into {@code Map}/{@code List}/scalar
 * trees as {@link JsonTree} builds them, written back, and PostgreSQL regular expressions
 * compiled as the regexp_* functions compile them. Static, thread-safe.
 */
public final class SrfSupport {

  private SrfSupport() {
  }

  /** The tree of {@code j}: Map, List, String, BigDecimal, Boolean or {@link #isNull JSON null}. */
  public static Object tree(Json j) {
    return JsonTree.parse(j);
  }

  /** True for JSON's {@code null} (not SQL NULL). */
  public static boolean isNull(Object tree) {
    return tree == JsonTree.NULL;
  }

  /** {@code tree} as a json ({@code binary} false) or jsonb value. */
  public static Json json(Object tree, boolean binary) {
    return JsonTree.json(tree, binary);
  }

  /**
   * {@code tree} as text the way {@code ->>} gives it: a string unquoted, JSON null as SQL
   * NULL, anything else written as json.
   */
  public static String text(Object tree) {
    if (tree instanceof String s) {
      return s;
    }
    return tree == JsonTree.NULL ? null : JsonTree.write(tree);
  }

  /** PostgreSQL's jsonb_typeof name of {@code tree}: object, array, string, number, ... */
  public static String typeOf(Object tree) {
    return JsonTree.typeOf(tree);
  }

  /** A PostgreSQL regular expression with regexp_* {@code flags} ('g' is the caller's). */
  public static Pattern regex(String pattern, String flags) {
    return RegexTranslator.compile(pattern, flags.replace("g", ""));
  }
}

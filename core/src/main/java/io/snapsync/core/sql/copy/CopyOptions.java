package io.snapsync.core.sql.copy;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.List;

/**
 * The options of one COPY statement, with PostgreSQL's defaults: text format with a tab
 * delimiter and {@code \N} for NULL; CSV with {@code ,}, an empty unquoted NULL and {@code "}
 * as quote and escape.
 *
 * @param forceQuote columns always quoted in CSV output; null for none, empty for all ({@code *})
 */
public record CopyOptions(Format format, char delimiter, String nullString, boolean header,
    char quote, char escape, List<String> forceNotNull, List<String> forceNull,
    List<String> forceQuote) {

  /** COPY data formats. */
  public enum Format { TEXT, CSV, BINARY }

  public boolean csv() {
    return format == Format.CSV;
  }

  /**
   * Options given as {@code (name value, ...)} or in the old syntax, resolved to a record;
   * null fields take the format's default. Checks PostgreSQL's rules (22023, 0A000).
   */
  public static CopyOptions resolve(Format format, String delimiter, String nullString,
      boolean header, String quote, String escape, List<String> forceNotNull,
      List<String> forceNull, List<String> forceQuote, boolean from) {
    Format f = format == null ? Format.TEXT : format;
    boolean csv = f == Format.CSV;
    if (f == Format.BINARY) {
      if (delimiter != null || nullString != null || header) {
        throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "copy.binary_options");
      }
    }
    if (!csv && quote != null) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "copy.csv_only", "quote");
    }
    if (!csv && escape != null) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "copy.csv_only", "escape");
    }
    if (!csv && (forceNotNull != null || forceNull != null || forceQuote != null)) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "copy.csv_only",
          forceQuote != null ? "force quote" : forceNotNull != null ? "force not null"
              : "force null");
    }
    if (forceQuote != null && from) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "copy.force_quote_to");
    }
    if ((forceNotNull != null || forceNull != null) && !from) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "copy.force_null_from",
          forceNotNull != null ? "force not null" : "force null");
    }
    char d = single(delimiter, csv ? ',' : '\t', "copy.delimiter_single");
    char q = single(quote, '"', "copy.quote_single");
    char e = single(escape, q, "copy.escape_single");
    if (d == '\r' || d == '\n') {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "copy.delimiter_newline");
    }
    if (!csv && (d == '\\' || "abcdefghijklmnopqrstuvwxyz0123456789.".indexOf(
        Character.toLowerCase(d)) >= 0)) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "copy.delimiter_invalid",
          String.valueOf(d));
    }
    if (csv && d == q) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "copy.delimiter_quote");
    }
    String n = nullString != null ? nullString : csv ? "" : "\\N";
    if (n.indexOf('\r') >= 0 || n.indexOf('\n') >= 0) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "copy.null_newline");
    }
    if (n.indexOf(d) >= 0) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "copy.delimiter_in_null");
    }
    return new CopyOptions(f, d, n, header, q, e, nullList(forceNotNull), nullList(forceNull),
        forceQuote == null ? null : List.copyOf(forceQuote));
  }

  private static List<String> nullList(List<String> l) {
    return l == null ? List.of() : List.copyOf(l);
  }

  private static char single(String s, char dflt, String error) {
    if (s == null) {
      return dflt;
    }
    if (s.length() != 1 || s.charAt(0) > 0x7f) {
      throw SnapsyncException.error(error.equals("copy.delimiter_single")
          ? SqlState.FEATURE_NOT_SUPPORTED : SqlState.INVALID_PARAMETER_VALUE, error);
    }
    return s.charAt(0);
  }
}

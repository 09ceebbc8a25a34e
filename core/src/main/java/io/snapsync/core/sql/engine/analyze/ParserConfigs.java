package io.snapsync.core.sql.engine.analyze;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * The one place the engine's SQL parser is configured: PostgreSQL's lexical rules (double-quoted
 * identifiers keep their case, unquoted ones fold to lower case, names are case-sensitive after
 * folding). For now Calcite's stock Babel grammar; the project's own grammar
 * ({@code io.snapsync.sql.parser.PgParser}) replaces {@link #postgres()} at merge.
 */
public final class ParserConfigs {

  private static final SqlParser.Config POSTGRES = SqlParser.config()
      .withParserFactory(SqlBabelParserImpl.FACTORY)
      .withConformance(SqlConformanceEnum.BABEL)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withIdentifierMaxLength(1024);

  private ParserConfigs() {
  }

  /** The parser configuration every engine statement is parsed with. */
  public static SqlParser.Config postgres() {
    return POSTGRES;
  }
}

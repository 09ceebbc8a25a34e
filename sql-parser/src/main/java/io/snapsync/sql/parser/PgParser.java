package io.snapsync.sql.parser;

import io.snapsync.sql.parser.impl.PgErrors;
import io.snapsync.sql.parser.impl.PgSqlParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.util.SourceStringReader;

/**
 * snapsync's SQL parser: PostgreSQL's grammar (Calcite's Parser.jj template plus our own
 * productions), with PostgreSQL's identifier rules (unquoted names fold to lower case,
 * {@code "Quoted"} names keep their case, no length limit) and guards against adversarial
 * input (nesting deeper than {@link #MAX_NESTING} is refused before parsing; no parse does
 * more than linear work in the statement's length).
 *
 * <p>Stateless and thread-safe. A call parses on the calling thread, which must not be an event
 * loop (parsing is CPU work); a long or deeply nested statement is parsed on a short-lived
 * thread with a large stack while the caller waits, so no input exhausts the caller's stack.
 */
public final class PgParser {

  /**
   * The deepest nesting of parentheses, brackets and CASE ... END accepted (PostgreSQL, with
   * its default 2 MB stack, manages about this many levels of nested subqueries).
   */
  public static final int MAX_NESTING = 1000;

  /** The deepest syntax tree accepted (after long AND/OR chains are balanced). */
  public static final int MAX_TREE_DEPTH = 3000;

  /** The parser factory (each parser is for one statement text). */
  public static final SqlParserImplFactory FACTORY = new SqlParserImplFactory() {
    @Override
    public SqlAbstractParserImpl getParser(Reader reader) {
      return new PgSqlParser(text(reader));
    }
  };

  private static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(FACTORY)
      .withConformance(PgConformance.INSTANCE)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withIdentifierMaxLength(Integer.MAX_VALUE);

  private PgParser() {
  }

  /** The Calcite parser configuration for our grammar. */
  public static SqlParser.Config config() {
    return CONFIG;
  }

  /**
   * Parses one statement (a trailing semicolon is not part of it).
   *
   * @throws PgSyntaxException when the text is not one valid statement, or nests too deep
   */
  public static SqlNode parse(String oneStatement) {
    PgSqlParser parser = new PgSqlParser(oneStatement);
    return parser.needsLargeStack() ? onLargeStack(() -> run(parser)) : run(parser);
  }

  /**
   * Parses one statement and returns the parser's work (tokens consumed plus tokens scanned
   * in lookahead), whether or not the statement parsed; for tests and measurements.
   */
  public static long work(String oneStatement) {
    PgSqlParser parser = new PgSqlParser(oneStatement);
    try {
      parse(parser);
    } catch (PgSyntaxException e) {
      // the work done until the failure is what is measured
    }
    return parser.work();
  }

  private static SqlNode parse(PgSqlParser parser) {
    return parser.needsLargeStack() ? onLargeStack(() -> run(parser)) : run(parser);
  }

  private static SqlNode run(PgSqlParser parser) {
    try {
      return SqlParser.create(new PreparedReader(parser.sql(), parser), configFor(parser))
          .parseStmt();
    } catch (SqlParseException e) {
      throw PgErrors.of(parser, e);
    } catch (StackOverflowError e) {
      throw new PgSyntaxException(PgSyntaxException.Kind.TOO_DEEP, "", 0);
    } catch (PgSyntaxException e) {
      throw e;
    } catch (RuntimeException e) {
      throw PgErrors.of(parser, e);
    }
  }

  /** Stack of the thread that parses large statements; reserved, committed only as used. */
  private static final long LARGE_STACK = 256L << 20;

  /** Runs {@code parse} on a fresh thread with a large stack and waits for it. */
  private static SqlNode onLargeStack(Supplier<SqlNode> parse) {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(parse.get());
      } catch (RuntimeException | StackOverflowError e) {
        result.set(e);
      }
    }, "snapsync-parse", LARGE_STACK);
    t.setDaemon(true);
    t.start();
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Object r = result.get();
    if (r instanceof StackOverflowError) {
      throw new PgSyntaxException(PgSyntaxException.Kind.TOO_DEEP, "", 0);
    }
    if (r instanceof RuntimeException) {
      throw (RuntimeException) r;
    }
    return (SqlNode) r;
  }

  private static SqlParser.Config configFor(PgSqlParser parser) {
    return CONFIG.withParserFactory(reader -> reader instanceof PreparedReader
        ? ((PreparedReader) reader).parser : FACTORY.getParser(reader));
  }

  /** Hands a parser made beforehand to the factory, so the caller can read its state. */
  private static final class PreparedReader extends SourceStringReader {
    private final PgSqlParser parser;

    PreparedReader(String sql, PgSqlParser parser) {
      super(sql);
      this.parser = parser;
    }
  }

  private static String text(Reader reader) {
    if (reader instanceof SourceStringReader) {
      return ((SourceStringReader) reader).getSourceString();
    }
    StringBuilder b = new StringBuilder();
    char[] buf = new char[4096];
    try {
      for (int n = reader.read(buf); n >= 0; n = reader.read(buf)) {
        b.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toString();
  }
}

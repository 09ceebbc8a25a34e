package io.snapsync.sql.parser.impl;

import io.snapsync.sql.parser.PgSyntaxException;
import java.io.StringReader;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * The generated parser with snapsync's guards around it: a lexer pre-pass refuses nesting
 * deeper than the limit before recursive descent starts, and every tree is reshaped by
 * {@link PgTreeShaper} before it is returned. Made per statement by
 * {@link io.snapsync.sql.parser.PgParser#FACTORY}; not thread-safe (one parse at a time).
 */
public final class PgSqlParser extends PgSqlParserImpl {

  private final String sql;
  private final LineColumns lines;
  private PgPrescan prescan;
  private final java.util.Set<java.util.List<Object>> unfoldable = PgChainFolding.identitySet();

  public PgSqlParser(String sql) {
    super(new StringReader(sql));
    this.sql = sql;
    this.lines = new LineColumns(sql);
    setOriginalSql(sql);
    jj_input_stream.ReInit(new StringReader(prescan().withoutCatalogAggregateQualifiers(sql)),
        1, 1, Math.max(16, sql.length()));
    setTabSize(1);
  }

  /** Statements with more tokens than this parse on a thread with a large stack. */
  private static final int LARGE_TOKENS = 2_000;
  /** Statements nested deeper than this parse on a thread with a large stack. */
  private static final int LARGE_DEPTH = 64;

  /**
   * True when parsing may recurse deeper than a default 1 MB thread stack allows: Calcite's
   * tree building recurses once per operator of a chain (a 10,000-term AND) and the descent
   * tens of frames per nesting level.
   */
  public boolean needsLargeStack() {
    PgPrescan p = prescan();
    return p.tokens().size() > LARGE_TOKENS || p.maxDepth() > LARGE_DEPTH;
  }

  /** The statement text. */
  public String sql() {
    return sql;
  }

  /** Tokens consumed plus tokens scanned by lookahead so far: the parse's work. */
  public long work() {
    return jjWork;
  }

  /** The pre-pass over the statement (run on first use). */
  PgPrescan prescan() {
    if (prescan == null) {
      prescan = new PgPrescan(sql, lines);
    }
    return prescan;
  }

  /** The operator lists {@link PgChainFolding} found it may not fold. */
  java.util.Set<java.util.List<Object>> unfoldableLists() {
    return unfoldable;
  }

  /**
   * True when the token before {@code pos} is LIKE, ILIKE, RLIKE, SIMILAR TO or a regex
   * operator: the grammar parses what follows as a separate list.
   */
  boolean followsPatternOperator(org.apache.calcite.sql.parser.SqlParserPos pos) {
    int k = prescan().kindBefore(lines.position(pos.getLineNum(), pos.getColumnNum()));
    return k == LIKE || k == ILIKE || k == RLIKE || k == TO || k == TILDE || k == STAR
        || k == ESCAPE || k < 0;
  }

  LineColumns lines() {
    return lines;
  }

  private void guard() {
    PgSyntaxException deep = prescan().tooDeep();
    if (deep != null) {
      throw deep;
    }
  }

  private SqlNode shape(SqlNode node) {
    return PgTreeShaper.shape(node, token_source.pgParamNumbers, prescan());
  }

  /** Keeps what the generated parser threw as the cause, for {@link PgErrors}. */
  @Override
  public SqlParseException normalizeException(Throwable ex) {
    return new SqlParseException(String.valueOf(ex.getMessage()), null, null, null, ex);
  }

  @Override
  public SqlNode parseSqlStmtEof() throws Exception {
    guard();
    return shape(super.parseSqlStmtEof());
  }

  @Override
  public SqlNode parseSqlExpressionEof() throws Exception {
    guard();
    return shape(super.parseSqlExpressionEof());
  }

  @Override
  public SqlNodeList parseSqlStmtList() throws Exception {
    guard();
    SqlNodeList list = super.parseSqlStmtList();
    for (int i = 0; i < list.size(); i++) {
      list.set(i, shape(list.get(i)));
    }
    return list;
  }
}

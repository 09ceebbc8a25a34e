package io.snapsync.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.sql.parser.PgSyntaxException.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

/**
 * Hostile statements (issue 18's critical parser defect): nesting past the limit is refused
 * with "stack depth limit exceeded", never a StackOverflowError; everything finishes; and no
 * family of inputs makes the parser do more than linear work in the statement's length, which
 * is measured deterministically as tokens consumed plus tokens scanned by lookahead.
 */
class AdversarialInputTest {

  private static final int LIMIT = PgParser.MAX_NESTING;

  private static String repeat(String s, int n) {
    return s.repeat(n);
  }

  /** Runs {@code r} on a thread with a 1 MB stack, the JVM's default for worker threads. */
  private static Object onSmallStack(java.util.function.Supplier<Object> r) throws Exception {
    AtomicReference<Object> out = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        out.set(r.get());
      } catch (Throwable e) {
        out.set(e);
      }
    }, "parse-1m", 1 << 20);
    t.start();
    t.join();
    return out.get();
  }

  private static Object parseOnSmallStack(String sql) throws Exception {
    return onSmallStack(() -> PgParser.parse(sql));
  }

  private static void assertTooDeep(Object result) {
    PgSyntaxException e = assertInstanceOf(PgSyntaxException.class, result);
    assertEquals(Kind.TOO_DEEP, e.kind());
  }

  @Test
  void tenThousandNestedParenthesesAreTooDeep() throws Exception {
    assertTooDeep(parseOnSmallStack("SELECT " + repeat("(", 10_000) + "1"
        + repeat(")", 10_000)));
  }

  @Test
  void tenThousandUnclosedParenthesesAreTooDeep() throws Exception {
    assertTooDeep(parseOnSmallStack("SELECT " + repeat("(", 10_000)));
  }

  @Test
  void nestingAtTheLimitParsesOnADefaultStack() throws Exception {
    String parens = "SELECT " + repeat("(", LIMIT) + "1" + repeat(")", LIMIT);
    assertInstanceOf(SqlSelect.class, parseOnSmallStack(parens));
    assertTooDeep(parseOnSmallStack("SELECT " + repeat("(", LIMIT + 1) + "1"
        + repeat(")", LIMIT + 1)));
  }

  @Test
  void deepSubqueriesAndCaseAreRefusedCleanly() throws Exception {
    String sub = repeat("SELECT (", 5_000) + "1" + repeat(")", 5_000);
    assertTooDeep(parseOnSmallStack(sub));
    String cases = "SELECT " + repeat("CASE WHEN a THEN ", 5_000) + "1"
        + repeat(" END", 5_000);
    assertTooDeep(parseOnSmallStack(cases));
    String arrays = "SELECT " + repeat("ARRAY[", 5_000) + "1" + repeat("]", 5_000);
    assertTooDeep(parseOnSmallStack(arrays));
  }

  @Test
  void nestingUpToTheLimitNeverOverflowsTheStack() throws Exception {
    // Whatever the construct, a 1 MB stack ends in a result or TOO_DEEP, never an Error.
    for (int depth : new int[] {100, 300, LIMIT}) {
      for (String sql : new String[] {
          repeat("SELECT (", depth) + "1" + repeat(")", depth),
          "SELECT " + repeat("CASE WHEN a THEN ", depth) + "1" + repeat(" END", depth),
          "SELECT " + repeat("f(", depth) + "1" + repeat(")", depth),
          "SELECT " + repeat("ARRAY[", depth) + "1" + repeat("]", depth),
          "SELECT 1 FROM t WHERE " + repeat("a IN (SELECT ", depth) + "1" + repeat(")", depth)}) {
        Object r = parseOnSmallStack(sql);
        assertTrue(r instanceof SqlNode
            || r instanceof PgSyntaxException && ((PgSyntaxException) r).kind() == Kind.TOO_DEEP,
            depth + ": " + r.getClass());
      }
    }
  }

  @Test
  void tenThousandTermAndOrParse() throws Exception {
    StringBuilder and = new StringBuilder("SELECT 1 FROM t WHERE a = 0");
    StringBuilder or = new StringBuilder("SELECT 1 FROM t WHERE a = 0");
    for (int i = 1; i < 10_000; i++) {
      and.append(" AND a <> ").append(i);
      or.append(" OR a = ").append(i);
    }
    assertInstanceOf(SqlSelect.class, parseOnSmallStack(and.toString()));
    assertInstanceOf(SqlSelect.class, parseOnSmallStack(or.toString()));
  }

  @Test
  void tenThousandTermArithmeticIsTooDeepNotAnError() throws Exception {
    assertTooDeep(parseOnSmallStack("SELECT 1" + repeat(" + 1", 10_000)));
  }

  @Test
  void hundredThousandElementInList() throws Exception {
    StringBuilder b = new StringBuilder("SELECT 1 FROM t WHERE a IN (0");
    for (int i = 1; i < 100_000; i++) {
      b.append(',').append(i);
    }
    b.append(')');
    assertInstanceOf(SqlSelect.class, parseOnSmallStack(b.toString()));
  }

  @Test
  void unclosedParenthesesFailAtEndOfInput() {
    for (int n = 1; n <= 12; n++) {
      PgSyntaxException e = Sql.error("SELECT " + repeat("(", n));
      assertEquals(Kind.END_OF_INPUT, e.kind());
    }
  }

  /** Families of hostile statements, each a function of a size. */
  private static Map<String, IntFunction<String>> families() {
    Map<String, IntFunction<String>> f = new LinkedHashMap<>();
    f.put("nested parens", n -> "SELECT " + repeat("(", n / 4) + "1" + repeat(")", n / 4));
    f.put("unclosed parens", n -> "SELECT " + repeat("(", n / 4));
    f.put("unclosed parens + op", n -> "SELECT " + repeat("(", n / 4) + "1 +");
    f.put("nested subqueries", n -> repeat("SELECT (", n / 16) + "1" + repeat(")", n / 16));
    f.put("nested CASE", n -> "SELECT " + repeat("CASE WHEN a THEN ", n / 16) + "1"
        + repeat(" END", n / 16));
    f.put("nested calls", n -> "SELECT " + repeat("f(", n / 4) + "1" + repeat(")", n / 4));
    f.put("AND chain", n -> "SELECT 1 FROM t WHERE a" + repeat(" AND a", n));
    f.put("mixed AND/OR/NOT", n -> "SELECT 1 FROM t WHERE a" + repeat(" AND NOT b OR c", n / 2));
    f.put("IN list", n -> "SELECT 1 FROM t WHERE a IN (0" + repeat(",1", n) + ")");
    f.put("unary minus", n -> "SELECT " + repeat("- ", n) + "1");
    f.put("casts", n -> "SELECT 1" + repeat("::int", n));
    f.put("concat", n -> "SELECT a" + repeat(" || a", n));
    f.put("select list", n -> "SELECT a" + repeat(", a", n) + " FROM t");
    f.put("values rows", n -> "INSERT INTO t VALUES (1)" + repeat(", (1)", n / 2)
        + " RETURNING *");
    f.put("join chain", n -> "SELECT * FROM a" + repeat(" JOIN a ON TRUE", n / 4));
    f.put("garbage", n -> "SELECT " + repeat("( SELECT , ) ", n / 4));
    f.put("ARRAY nesting", n -> "SELECT " + repeat("ARRAY[", n / 4) + "1" + repeat("]", n / 4));
    return f;
  }

  @Test
  void workIsLinearInTheStatementLength() {
    int[] sizes = {250, 500, 1000, 2000};
    List<String> report = new ArrayList<>();
    for (Map.Entry<String, IntFunction<String>> fam : families().entrySet()) {
      double[] perChar = new double[sizes.length];
      StringBuilder line = new StringBuilder(String.format("%-22s", fam.getKey()));
      for (int i = 0; i < sizes.length; i++) {
        String sql = fam.getValue().apply(sizes[i]);
        long work = PgParser.work(sql);
        perChar[i] = (double) work / sql.length();
        line.append(String.format(" n=%d: %d chars %d work (%.2f/char)", sizes[i],
            sql.length(), work, perChar[i]));
      }
      report.add(line.toString());
      // Linear: the work per character of statement does not grow with the size (a
      // quadratic family would double it at each step, an exponential one explode).
      double first = Math.max(perChar[0], 0.01);
      for (int i = 1; i < sizes.length; i++) {
        assertTrue(perChar[i] <= first * 1.5 + 0.5, fam.getKey() + ": " + line);
      }
    }
    report.forEach(System.out::println);
  }
}

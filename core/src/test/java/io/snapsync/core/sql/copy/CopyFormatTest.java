package io.snapsync.core.sql.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.sql.parse.SqlParser;
import io.snapsync.core.sql.parse.Stmt;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's COPY text and CSV rules in both directions (records split across chunks at any
 * byte, escapes, quotes, NULLs, the end marker) and the COPY statement's syntax and options.
 */
class CopyFormatTest {

  private static CopyOptions opts(String sql) {
    return ((Stmt.Copy) SqlParser.parse(sql)).options();
  }

  /** Splits {@code data} fed one byte at a time, so every chunk boundary is exercised. */
  private static List<List<String>> read(CopyOptions o, String data) {
    List<List<String>> rows = new ArrayList<>();
    RecordSplitter r = new RecordSplitter(o);
    FieldSplitter f = new FieldSplitter(o, null, null);
    for (byte b : data.getBytes(StandardCharsets.UTF_8)) {
      r.feed(Buffer.buffer(new byte[] {b}), (d, n) -> rows.add(f.split(d, n)));
    }
    r.finish((d, n) -> rows.add(f.split(d, n)));
    return rows;
  }

  private static String write(CopyOptions o, List<String> row) {
    Buffer b = Buffer.buffer();
    new RowEncoder(o, null).row(row, b);
    return b.toString(StandardCharsets.UTF_8);
  }

  @Test
  void textFormatDecodesEscapesNullsAndStopsAtTheEndMarker() {
    CopyOptions o = opts("COPY t FROM STDIN");
    assertEquals(List.of(Arrays.asList("a\tb", null, "x\\y", "é\n", "A", "B"),
        Arrays.asList("", "\\N!")),
        read(o, "a\\tb\t\\N\tx\\\\y\té\\n\t\\101\t\\x42\r\n\t\\\\N!\n\\.\nafter\n"));
  }

  @Test
  void textFormatEncodesLikePostgres() {
    CopyOptions o = opts("COPY t TO STDOUT");
    assertEquals("a\\tb\t\\N\tx\\\\y\tline\\nbreak\tbell\u0007\n",
        write(o, Arrays.asList("a\tb", null, "x\\y", "line\nbreak", "bell\u0007")));
    assertEquals("a\\|b|\n", write(opts("COPY t TO STDOUT (DELIMITER '|', NULL '')"),
        Arrays.asList("a|b", null)));
  }

  @Test
  void csvQuotesSpanDelimitersAndLinesAndKeepQuotedEmptyApartFromNull() {
    CopyOptions o = opts("COPY t FROM STDIN WITH CSV");
    assertEquals(List.of(Arrays.asList("a,b", "say \"hi\"", null, ""),
        Arrays.asList("two\nlines", "x")),
        read(o, "\"a,b\",\"say \"\"hi\"\"\",,\"\"\n\"two\nlines\",x"));
    CopyOptions esc = opts("COPY t FROM STDIN (FORMAT csv, QUOTE '''', ESCAPE '\\')");
    assertEquals(List.of(List.of("it's", "a\\b")), read(esc, "'it\\'s','a\\b'\n"));
    SnapsyncException e = assertThrows(SnapsyncException.class, () -> read(o, "\"open,1\n"));
    assertEquals("22P04", e.sqlState());
  }

  @Test
  void csvEncodingQuotesOnlyWhatNeedsIt() {
    CopyOptions o = opts("COPY t TO STDOUT (FORMAT csv)");
    assertEquals("plain,\"a,b\",\"q\"\"q\",,\"\",\"l\nl\"\n",
        write(o, Arrays.asList("plain", "a,b", "q\"q", null, "", "l\nl")));
  }

  @Test
  void optionsInBothSyntaxes() {
    CopyOptions a = opts("COPY t FROM STDIN WITH (FORMAT csv, HEADER, DELIMITER ';', NULL 'N',"
        + " FORCE_NOT_NULL (b))");
    CopyOptions b = opts("COPY t FROM STDIN WITH CSV HEADER DELIMITER AS ';' NULL 'N'"
        + " FORCE NOT NULL b");
    assertEquals(a, b);
    assertEquals(';', a.delimiter());
    assertTrue(a.header());
    assertEquals('\t', opts("COPY t (a, b) FROM STDIN DELIMITER E'\\t'").delimiter());
    Stmt.Copy q = (Stmt.Copy) SqlParser.parse("COPY (SELECT (1 + 2) AS x) TO STDOUT CSV");
    assertEquals("SELECT (1 + 2) AS x", q.query());
    Stmt.Copy f = (Stmt.Copy) SqlParser.parse("copy public.t to '/tmp/x.csv' csv");
    assertEquals("/tmp/x.csv", f.file());
    assertEquals("t", f.table());
  }

  @Test
  void badOptionsGivePostgresErrors() {
    assertEquals("0A000", assertThrows(SnapsyncException.class,
        () -> opts("COPY t FROM STDIN (QUOTE '\"')")).sqlState());
    assertEquals("42601", assertThrows(SnapsyncException.class,
        () -> opts("COPY t FROM STDIN (FORMAT csv, FORMAT text)")).sqlState());
    assertEquals("42601", assertThrows(SnapsyncException.class,
        () -> opts("COPY t FROM STDIN (BOGUS 1)")).sqlState());
    assertEquals("22023", assertThrows(SnapsyncException.class,
        () -> opts("COPY t FROM STDIN (FORMAT xml)")).sqlState());
    assertEquals("0A000", assertThrows(SnapsyncException.class,
        () -> opts("COPY t FROM STDIN (DELIMITER '::')")).sqlState());
    assertEquals("42601", assertThrows(SnapsyncException.class,
        () -> SqlParser.parse("COPY (SELECT 1) FROM STDIN")).sqlState());
    assertEquals("42601", assertThrows(SnapsyncException.class,
        () -> SqlParser.parse("COPY t FROM STDOUT")).sqlState());
  }
}

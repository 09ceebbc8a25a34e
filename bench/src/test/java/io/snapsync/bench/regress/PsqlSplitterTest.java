package io.snapsync.bench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.bench.regress.PsqlSplitter.Kind;
import io.snapsync.bench.regress.PsqlSplitter.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsqlSplitterTest {

  private static List<String> texts(String script) {
    return PsqlSplitter.split(script).stream().map(Unit::text).toList();
  }

  @Test
  void semicolonsInQuotesCommentsAndParenthesesDoNotEndAStatement() {
    String script = """
        -- a leading comment is dropped
        SELECT 'a;b', "c;d", E'e\\';f' FROM t; SELECT $$g;h$$, $x$i;$$;j$x$;
        /* block; /* nested; */ still; */ SELECT 1;
        CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO u VALUES (1); INSERT INTO u VALUES (2));
        """;
    assertEquals(List.of(
        "SELECT 'a;b', \"c;d\", E'e\\';f' FROM t;",
        "SELECT $$g;h$$, $x$i;$$;j$x$;",
        "/* block; /* nested; */ still; */ SELECT 1;",
        "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO u VALUES (1); "
            + "INSERT INTO u VALUES (2));"), texts(script));
  }

  @Test
  void sqlStandardFunctionBodyKeepsItsSemicolons() {
    String body = "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql\n"
        + "BEGIN ATOMIC\n  SELECT CASE WHEN true THEN 1 END;\n  SELECT 2;\nEND;";
    assertEquals(List.of(body, "SELECT f();"), texts(body + "\nSELECT f();\n"));
    assertEquals(List.of("BEGIN;", "SELECT 1;", "END;"), texts("BEGIN; SELECT 1; END;"));
  }

  @Test
  void metaCommandsAreUnitsOfTheirOwnAndGsetSendsTheQuery() {
    List<Unit> units = PsqlSplitter.split("""
        \\set filename :abs_srcdir '/data/onek.data'
        COPY onek FROM :'filename';
        SELECT 1 AS one \\gset
        \\d+ onek
        SELECT 2
          AS two;
        """);
    assertEquals(List.of(Kind.META, Kind.SQL, Kind.SQL, Kind.META, Kind.SQL),
        units.stream().map(Unit::kind).toList());
    assertEquals("SELECT 1 AS one \\gset", units.get(2).text());
    assertEquals(List.of(1, 2, 3, 4, 5), units.stream().map(Unit::line).toList());
  }

  @Test
  void copyFromStdinTakesItsDataLines() {
    List<String> units = texts("COPY t FROM stdin;\n1\tit's; odd\n\\.\nSELECT 1;\n");
    assertEquals(List.of("COPY t FROM stdin;\n1\tit's; odd\n\\.", "SELECT 1;"), units);
    assertEquals(List.of("copy t from stdout;\n2\n\\.", "\\copy t from stdin\n3\n\\.",
        "SELECT 2;"), texts("copy t from stdout;\n2\n\\.\n\\copy t from stdin\n3\n\\.\n"
        + "SELECT 2;\n"));
  }

  @Test
  void identifiersWithDollarsAreNotDollarQuotes() {
    assertEquals(List.of("SELECT a$b$ FROM t;", "SELECT $1;"),
        texts("SELECT a$b$ FROM t; SELECT $1;"));
  }
}

package io.snapsync.core.sql.func;

import io.snapsync.core.sql.EngineFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Typed date/time literals and date/time arithmetic through the engine, against PostgreSQL 15. */
class DateTimeEngineTest extends EngineAndPostgresTest {

  @BeforeAll
  static void start() {
    EngineFixture.exec(s, "SET TimeZone = 'Europe/Berlin'");
  }

  @Test
  void typedLiteralsReadPostgresInputForms() throws Exception {
    EngineVsPostgres.assertSame(pg, s, List.of(
        "select date 'January 8, 1999'",
        "select date '1999-01-08'",
        "select date '1999-Jan-08'",
        "select date 'Jan-08-1999'",
        "select date '08-Jan-1999'",
        "select date '1/8/1999'",
        "select date '1999 Jan 08'",
        "select date 'infinity'",
        "select date '2000-02-30'",
        "select date 'garbage'",
        "select timestamp 'epoch'",
        "select timestamp '1999-01-08 04:05:06.789'",
        "select time 'allballs'",
        "select time '04:05 PM'",
        "select time '04:05:06.5'",
        "select timestamp with time zone '1999-01-08 04:05:06+02'"), "Europe/Berlin");
  }

  @Test
  void dateArithmeticHasPostgresTypes() throws Exception {
    EngineVsPostgres.assertSame(pg, s, List.of(
        "select date '2020-01-10' - date '2020-01-01'",
        "select date '2020-01-10' - 3",
        "select date '2020-01-10' + 3",
        "select date '2020-01-10' + interval '1 day'",
        "select date '2020-01-10' - interval '1 mon'",
        "select timestamp '2020-01-10 10:00' - timestamp '2020-01-01'",
        "select timestamptz '2020-03-28 12:00+01' + interval '1 day'",
        "select time '10:00' + interval '90 minutes'",
        "select interval '999' second",
        "select interval '2' day",
        "select interval '1-2' year to month",
        "select interval '1 day' + interval '2 hours'"), "Europe/Berlin");
  }
}

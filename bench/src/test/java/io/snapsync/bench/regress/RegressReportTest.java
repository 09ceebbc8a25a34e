package io.snapsync.bench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegressReportTest {

  private static Miss error(String file, String line) {
    return new Miss(file, 1, "SELECT 1;", line, true);
  }

  @Test
  void digestKeysHideNamesOfObjectsAndLiteralsButKeepWhatIsMissing() {
    assertEquals("ERROR:  relation \"…\" does not exist",
        error("a", "ERROR:  relation \"onek\" does not exist").digestKey());
    assertEquals("ERROR:  type \"float8\" does not exist",
        error("a", "ERROR:  type \"float8\" does not exist").digestKey());
    assertEquals("ERROR:  syntax error at or near \"explain\"",
        error("a", "ERROR:  syntax error at or near \"EXPLAIN\"").digestKey());
    assertEquals("ERROR:  expression date '…' is not supported",
        error("a", "ERROR:  expression date '1999-01-08' is not supported").digestKey());
    assertEquals("ERROR:  expression N.N is not supported",
        error("a", "ERROR:  expression 1234.56 is not supported").digestKey());
  }

  @Test
  void followOnErrorsAreSetApartInTheDigest() {
    assertTrue(error("a", "ERROR:  relation \"t\" does not exist").followOn());
    assertTrue(error("a", "ERROR:  current transaction is aborted, commands ignored until end "
        + "of transaction block").followOn());
    assertFalse(error("a", "ERROR:  column \"x\" does not exist").followOn());
    FileResult a = new FileResult("a", 4, 3, 0, 0, 0, 0, 0, List.of(
        error("a", "ERROR:  relation \"t\" does not exist"),
        error("a", "ERROR:  relation \"u\" does not exist"),
        error("a", "ERROR:  type \"point\" does not exist")), "");
    String digest = RegressReport.digest(List.of(a), 20);
    assertTrue(digest.contains("| 1 | 2 | ERROR:  relation \"…\" does not exist | a (2) |"),
        digest);
    assertTrue(digest.contains("2 of the misses are follow-on errors"), digest);
    String causes = digest.substring(digest.indexOf("### Without follow-on"));
    assertTrue(causes.contains("| 1 | 1 | ERROR:  type \"point\" does not exist | a (1) |"),
        causes);
    assertFalse(causes.contains("relation"), causes);
  }

  @Test
  void tableHasATotalRow() {
    FileResult a = new FileResult("a", 10, 8, 2, 0, 1, 1, 1, List.of(), "");
    FileResult b = new FileResult("b", 10, 2, 2, 0, 0, 0, 0, List.of(), "");
    String table = RegressReport.table(List.of(a, b));
    assertTrue(table.contains("| a | 10 | 8 | 2 | 25.0 |"), table);
    assertTrue(table.contains("| **total** | 20 | 10 | **4** | **40.0** |"), table);
  }
}

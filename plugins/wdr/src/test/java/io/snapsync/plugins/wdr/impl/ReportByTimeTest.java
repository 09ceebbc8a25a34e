package io.snapsync.plugins.wdr.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reports by time range: the smallest range of stored snapshots that covers the times. */
class ReportByTimeTest {

  private static final long MIN = 60_000L;

  private static SnapshotInfo snap(long id, long minute) {
    return new SnapshotInfo(id, minute * MIN, minute * MIN + 50, "manual", List.of("node1"),
        new JsonObject());
  }

  private static final List<SnapshotInfo> STORED = List.of(snap(4, 10), snap(5, 20),
      snap(6, 30), snap(7, 40));

  private static String detail(SnapsyncException e) {
    JsonObject j = e.toJson(MessageCatalog.builtin(), "en");
    return j.getString("detail");
  }

  @Test
  void theRangeIsCoveredByTheLastSnapshotBeforeAndTheFirstAfter() {
    assertArrayEquals(new long[] {5, 7}, GenerateWdrReportByTimeFunction.resolve(STORED,
        25 * MIN, 35 * MIN));
    assertArrayEquals(new long[] {5, 6}, GenerateWdrReportByTimeFunction.resolve(STORED,
        20 * MIN, 30 * MIN));
    // an end after the newest snapshot reports up to the newest
    assertArrayEquals(new long[] {6, 7}, GenerateWdrReportByTimeFunction.resolve(STORED,
        31 * MIN, 90 * MIN));
  }

  @Test
  void timesNoRangeCoversSayWhy() {
    SnapsyncException early = assertThrows(SnapsyncException.class,
        () -> GenerateWdrReportByTimeFunction.resolve(STORED, 5 * MIN, 15 * MIN));
    assertEquals("22023", early.sqlState());
    assertEquals("No WDR snapshot was taken at or before 1970-01-01T00:05:00Z; the oldest stored"
        + " snapshot is 4, taken at 1970-01-01T00:10:00Z.", detail(early));
    SnapsyncException one = assertThrows(SnapsyncException.class,
        () -> GenerateWdrReportByTimeFunction.resolve(STORED, 41 * MIN, 50 * MIN));
    assertEquals("Only snapshot 7 (taken at 1970-01-01T00:40:00Z) covers 1970-01-01T00:41:00Z"
        + " to 1970-01-01T00:50:00Z; a report needs two snapshots.", detail(one));
    SnapsyncException order = assertThrows(SnapsyncException.class,
        () -> GenerateWdrReportByTimeFunction.resolve(STORED, 30 * MIN, 20 * MIN));
    assertEquals("22023", order.sqlState());
  }
}

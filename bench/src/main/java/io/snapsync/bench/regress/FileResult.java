package io.snapsync.bench.regress;

import java.util.List;

/**
 * The counts for one regression file.
 *
 * @param file the file's name without {@code .sql}
 * @param statements SQL statements in the file
 * @param pgOk statements PostgreSQL ran without error
 * @param identical of those, statements whose snapsync output is identical
 * @param otherOrder of those, statements whose snapsync output has the same lines in
 *     another order (not counted as identical)
 * @param meta psql meta-commands in the file
 * @param metaPgOk meta-commands PostgreSQL's session ran without error
 * @param metaIdentical of those, meta-commands whose output is identical on snapsync
 * @param misses the statements PostgreSQL ran fine that snapsync did not match
 * @param note a remark (a session that timed out, lost sync, or could not connect), or empty
 */
public record FileResult(String file, int statements, int pgOk, int identical, int otherOrder,
    int meta, int metaPgOk, int metaIdentical, List<Miss> misses, String note) {

  /** Identical as a percentage of PostgreSQL's successful statements. */
  public double percent() {
    return pgOk == 0 ? 0 : 100.0 * identical / pgOk;
  }
}

package io.snapsync.plugins.wdr.api;

import java.util.Locale;

/** What became of one snapshot request. */
public enum Outcome {
  /** The request started a snapshot. */
  TAKEN,
  /** The request joined a request already pending; served by the same snapshot. */
  MERGED,
  /** A periodic snapshot was due while another snapshot ran. */
  SKIPPED,
  /** The snapshot could not be made ({@code reason} says why). */
  FAILED;

  public String sqlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

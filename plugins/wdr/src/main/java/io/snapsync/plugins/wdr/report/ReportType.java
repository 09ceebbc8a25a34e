package io.snapsync.plugins.wdr.report;

import java.util.Locale;

/** {@code summary}, {@code detail} or {@code all} (both). */
public enum ReportType {
  SUMMARY, DETAIL, ALL;

  /** The type named by {@code s} (case-insensitive), or null. */
  public static ReportType parse(String s) {
    if (s == null) {
      return null;
    }
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "summary" -> SUMMARY;
      case "detail" -> DETAIL;
      case "all" -> ALL;
      default -> null;
    };
  }

  public boolean summary() {
    return this != DETAIL;
  }

  public boolean detail() {
    return this != SUMMARY;
  }
}

package io.snapsync.core.session;

import io.snapsync.core.error.Severity;
import java.util.Locale;

/**
 * PostgreSQL's {@code client_min_messages} rule: a message reaches the client when its
 * severity is at least the setting's level ({@code debug5} .. {@code debug1} rank as DEBUG,
 * then LOG, NOTICE, WARNING, ERROR); INFO always does. Static and thread-safe.
 */
public final class NoticeLevels {

  private NoticeLevels() {
  }

  /** Whether a message of {@code severity} is sent under {@code clientMinMessages}. */
  public static boolean sent(Severity severity, String clientMinMessages) {
    if (severity == Severity.INFO || severity.compareTo(Severity.ERROR) >= 0) {
      return true;
    }
    return rank(severity) >= rank(level(clientMinMessages));
  }

  private static Severity level(String setting) {
    String l = setting == null ? "notice" : setting.trim().toLowerCase(Locale.ROOT);
    if (l.startsWith("debug")) {
      return Severity.DEBUG;
    }
    return switch (l) {
      case "log" -> Severity.LOG;
      case "info" -> Severity.INFO;
      case "warning" -> Severity.WARNING;
      case "error" -> Severity.ERROR;
      default -> Severity.NOTICE;
    };
  }

  private static int rank(Severity s) {
    return switch (s) {
      case DEBUG -> 0;
      case LOG -> 1;
      case INFO -> 2;
      case NOTICE -> 3;
      case WARNING -> 4;
      default -> 5;
    };
  }
}

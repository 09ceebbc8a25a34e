package io.snapsync.console;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;

/** The console's own failures (catalog area {@code console}). */
final class ConsoleErrors {

  private ConsoleErrors() {
  }

  static SnapsyncException notSignedIn() {
    return SnapsyncException.error(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
        "console.not_signed_in");
  }

  static SnapsyncException notAdmin(String user) {
    return SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE, "console.not_admin")
        .withDetail("console.not_admin.detail", user);
  }

  static SnapsyncException denied(String what, String role) {
    return SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE, "console.permission_denied",
        what)
        .withDetail("console.permission_denied.detail", role);
  }

  static SnapsyncException originDenied(String origin) {
    return SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE, "console.origin_denied",
        origin);
  }

  static SnapsyncException badRequest(String why) {
    return SnapsyncException.error(SqlState.PROTOCOL_VIOLATION, "console.bad_request", why);
  }

  static SnapsyncException unknownOp(String op) {
    return SnapsyncException.error(SqlState.PROTOCOL_VIOLATION, "console.unknown_op", op);
  }

  static SnapsyncException tooLarge(int size, int max) {
    return SnapsyncException.error(SqlState.PROGRAM_LIMIT_EXCEEDED, "console.message_too_large",
        size, max);
  }

  static SnapsyncException reportMissing(String id) {
    return SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "console.report_missing", id);
  }

  static SnapsyncException invalidSettingName(String name) {
    return SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "console.invalid_setting_name", name);
  }

  static SnapsyncException baselineUnknown(String name) {
    return SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "console.baseline_unknown", name);
  }
}

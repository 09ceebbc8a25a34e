package io.snapsync.console;

import io.snapsync.core.error.SnapsyncException;

/** The console's own failures (catalog area {@code console}). */
final class ConsoleErrors {

  private ConsoleErrors() {
  }

  static SnapsyncException notSignedIn() {
    return SnapsyncException.error("28000", "console.not_signed_in");
  }

  static SnapsyncException notAdmin(String user) {
    return SnapsyncException.error("42501", "console.not_admin")
        .withDetail("console.not_admin.detail", user);
  }

  static SnapsyncException denied(String what, String role) {
    return SnapsyncException.error("42501", "console.permission_denied", what)
        .withDetail("console.permission_denied.detail", role);
  }

  static SnapsyncException originDenied(String origin) {
    return SnapsyncException.error("42501", "console.origin_denied", origin);
  }

  static SnapsyncException badRequest(String why) {
    return SnapsyncException.error("08P01", "console.bad_request", why);
  }

  static SnapsyncException unknownOp(String op) {
    return SnapsyncException.error("08P01", "console.unknown_op", op);
  }

  static SnapsyncException tooLarge(int size, int max) {
    return SnapsyncException.error("54000", "console.message_too_large", size, max);
  }

  static SnapsyncException reportMissing(String id) {
    return SnapsyncException.error("22023", "console.report_missing", id);
  }

  static SnapsyncException invalidSettingName(String name) {
    return SnapsyncException.error("42704", "console.invalid_setting_name", name);
  }

  static SnapsyncException baselineUnknown(String name) {
    return SnapsyncException.error("42704", "console.baseline_unknown", name);
  }

  /**
   * Any failure as a SnapsyncException; unexpected ones are XX000 without their Java text
   * (the cause stays for the server log).
   */
  static SnapsyncException of(Throwable t) {
    if (t instanceof SnapsyncException s) {
      return s;
    }
    return SnapsyncException.error("XX000", "harden.internal_error").withCause(t);
  }
}

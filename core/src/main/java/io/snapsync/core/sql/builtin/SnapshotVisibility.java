package io.snapsync.core.sql.builtin;

import io.snapsync.core.security.Roles;
import io.snapsync.core.spi.FunctionCall;

/**
 * Who sees a snapshot id in {@code pg_exported_snapshots}, {@code snapshot_log} and the
 * durable-snapshot views: its owner (the exporting user), MONADMIN and SYSADMIN (issue 18).
 * An id is a capability to read at that snapshot; importing one still reads only what the
 * importer may read, since every read checks the importer's privileges.
 */
final class SnapshotVisibility {

  private SnapshotVisibility() {
  }

  static boolean sees(FunctionCall call, String owner) {
    return (owner != null && owner.equals(call.user())) || call.hasRole(Roles.SYSADMIN)
        || call.hasRole(Roles.MONADMIN);
  }
}

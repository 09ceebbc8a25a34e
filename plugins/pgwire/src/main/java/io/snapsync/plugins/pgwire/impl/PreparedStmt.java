package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.session.Column;
import java.util.List;

/**
 * A statement prepared by Parse: its text, parameter type OIDs (0 = unspecified) and, once
 * described, the columns announced to the client (portals then present rows in those types).
 */
final class PreparedStmt {

  final String name;
  final String sql;
  final int[] paramTypes;
  final int[] clientTypes;
  List<Column> declaredColumns;
  /**
   * The declared columns may be guesses (a SELECT without FROM: bare parameters and
   * expressions are described as text), so a text column accepts any value, sent as text.
   */
  boolean guessedColumns;

  PreparedStmt(String name, String sql, int[] clientTypes) {
    this.name = name;
    this.sql = sql;
    int n = Math.max(SqlText.maxParam(sql), clientTypes.length);
    this.clientTypes = clientTypes.clone();
    this.paramTypes = new int[n];
    System.arraycopy(clientTypes, 0, paramTypes, 0, clientTypes.length);
  }

  /** Parameter types for ParameterDescription: unspecified ones are reported as unknown. */
  int[] describedParamTypes() {
    int[] r = paramTypes.clone();
    for (int i = 0; i < r.length; i++) {
      if (r[i] == 0) {
        r[i] = ValueCodec.OID_UNKNOWN;
      }
    }
    return r;
  }
}

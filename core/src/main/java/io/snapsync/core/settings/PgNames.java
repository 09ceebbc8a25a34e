package io.snapsync.core.settings;

import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL's limit on names (NAMEDATALEN - 1 = 63 bytes): user, database and
 * {@code application_name} values longer than that are cut on a UTF-8 character boundary, so no
 * client ever receives an over-long name (libpq refuses a ParameterStatus over 30,000 bytes).
 */
public final class PgNames {

  /** The longest name, in bytes of UTF-8. */
  public static final int MAX_BYTES = 63;

  private PgNames() {
  }

  /** {@code s} itself when short enough, else its longest prefix of at most 63 bytes. */
  public static String truncate(String s) {
    if (s == null || s.length() * 3 <= MAX_BYTES
        || s.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return s;
    }
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + n > MAX_BYTES) {
        break;
      }
      bytes += n;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }
}

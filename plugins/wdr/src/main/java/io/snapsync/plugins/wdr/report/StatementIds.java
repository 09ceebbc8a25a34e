package io.snapsync.plugins.wdr.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A statement's id in reports: the first 8 bytes of the SHA-256 of its normalized text, as 16
 * hex digits. The same text has the same id on every node, in every snapshot and after an
 * export and import, so a top-statements row names its single-statement report.
 */
public final class StatementIds {

  private StatementIds() {
  }

  public static String of(String normalizedQuery) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest(normalizedQuery.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

package io.snapsync.core.config;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.Message;
import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;

/**
 * A configuration problem found at start-up (SQLSTATE F0000): names the file, the key and what
 * is wrong, e.g. {@code invalid configuration in "conf/snapsync.yaml": key "ports.pgwire": must be
 * an integer between 1 and 65535}.
 */
public final class ConfigException extends SnapsyncException {

  private final String file;
  private final String key;

  public ConfigException(String file, String key, String problem) {
    super(SqlState.CONFIG_FILE_ERROR, Severity.FATAL,
        Message.of("core.config.invalid", file, key, problem), null, null, 0, null);
    this.file = file;
    this.key = key;
  }

  /** Wraps a setting validation failure (the problem is its English text). */
  public static ConfigException of(String file, String key, SnapsyncException problem) {
    String text = problem.getMessage();
    if (problem.hint() != null) {
      text += " (" + MessageCatalog.english(problem.hint()) + ")";
    }
    return new ConfigException(file, key, text);
  }

  public String file() {
    return file;
  }

  public String key() {
    return key;
  }
}

package io.snapsync.core.plugin;

import io.snapsync.core.error.Message;
import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;

/** A plugin that cannot be loaded, registered or started: fails node start-up, naming it. */
public final class PluginException extends SnapsyncException {

  private final String plugin;

  private PluginException(String plugin, Message m, Throwable cause) {
    super(SqlState.CONFIG_FILE_ERROR, Severity.FATAL, m, null, null, 0, cause);
    this.plugin = plugin;
  }

  /** Extension {@code name} failed in {@code phase} (load, register, start, stop). */
  public static PluginException failed(String name, String phase, Throwable cause) {
    return new PluginException(name, Message.of("core.plugin.failed", name, phase,
        describe(cause)), cause);
  }

  /** A jar or the class path could not provide its extensions. */
  public static PluginException loadFailed(String origin, Throwable cause) {
    return new PluginException(origin, Message.of("core.plugin.load_failed", origin,
        describe(cause)), cause);
  }

  public static PluginException duplicate(String name, String first, String second) {
    return new PluginException(name, Message.of("core.plugin.duplicate", name, first, second),
        null);
  }

  /** Extension {@code name} requires {@code needed}, which no plugin provides. */
  public static PluginException missingRequirement(String name, String needed, String origin) {
    return new PluginException(name, Message.of("core.plugin.requires", name, needed, origin),
        null);
  }

  /** Extensions that require each other (directly or through others). */
  public static PluginException requirementCycle(java.util.List<String> names) {
    return new PluginException(names.get(0), Message.of("core.plugin.requires_cycle",
        String.join(" -> ", names) + " -> " + names.get(0)), null);
  }

  /** The extension name or jar path at fault. */
  public String plugin() {
    return plugin;
  }

  static String describe(Throwable t) {
    if (t == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    Throwable c = t;
    int depth = 0;
    while (c != null && depth++ < 4) {
      if (sb.length() > 0) {
        sb.append(": ");
      }
      String m = c instanceof SnapsyncException ? c.getMessage()
          : c.getClass().getSimpleName() + (c.getMessage() == null ? "" : " " + c.getMessage());
      sb.append(m);
      if (c.getCause() == c) {
        break;
      }
      c = c.getCause();
    }
    return sb.toString();
  }
}

package io.snapsync.plugins.wdr.kill;

import io.snapsync.core.settings.SettingsRegistry;
import io.snapsync.plugins.wdr.api.WdrService;
import io.vertx.core.Vertx;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code enable_wdr_snapshot} on this node: off stops the local worker, on starts it.
 * {@code ALTER SYSTEM} applies the setting on every node, so every coordinator's worker follows.
 */
final class EnableSwitch {

  private static final Logger LOG = LoggerFactory.getLogger(EnableSwitch.class);
  static final String ENABLE = "enable_wdr_snapshot";

  private EnableSwitch() {
  }

  static void install(Vertx vertx, SettingsRegistry settings, Supplier<WdrService> service) {
    settings.addListener((name, value) -> {
      if (!ENABLE.equals(name)) {
        return;
      }
      vertx.runOnContext(v -> {
        WdrService s = service.get();
        if (s == null) {
          return;
        }
        boolean on = settings.nodeBool(ENABLE);
        (on ? s.startWorker() : s.stopWorker()).onFailure(e ->
            LOG.warn("{} the snapshot worker after {} = {} failed", on ? "starting" : "stopping",
                ENABLE, value, e));
      });
    });
  }
}

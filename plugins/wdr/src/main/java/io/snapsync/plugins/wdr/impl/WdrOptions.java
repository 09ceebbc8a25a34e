package io.snapsync.plugins.wdr.impl;

import io.vertx.core.json.JsonObject;

/**
 * Tuning of the WDR plugin from the node configuration section {@code plugins.wdr}.
 *
 * @param tickMillis period of the worker's schedule check and of the supervisor's restart
 *     check; 0 disables the timers (tests drive {@code tick()} with an injected clock)
 * @param restartDelayMillis a stopped worker is restarted no sooner than this after its
 *     previous start ({@code restartDelayMillis}, default 60 s)
 * @param requestTimeoutMillis how long queueing a request to the worker may take
 * @param repositoryTimeoutMillis event-bus timeout of repository calls to the data node
 * @param leaderLockWaitMillis how long one attempt to take the periodic role waits
 */
public record WdrOptions(long tickMillis, long restartDelayMillis, long requestTimeoutMillis,
    long repositoryTimeoutMillis, long leaderLockWaitMillis) {

  public static WdrOptions defaults() {
    return new WdrOptions(1000, 60_000, 5_000, 30_000, 10);
  }

  public static WdrOptions fromJson(JsonObject c) {
    WdrOptions d = defaults();
    JsonObject j = c == null ? new JsonObject() : c;
    return new WdrOptions(j.getLong("tickMillis", d.tickMillis),
        j.getLong("restartDelayMillis", d.restartDelayMillis),
        j.getLong("requestTimeoutMillis", d.requestTimeoutMillis),
        j.getLong("repositoryTimeoutMillis", d.repositoryTimeoutMillis),
        j.getLong("leaderLockWaitMillis", d.leaderLockWaitMillis));
  }

  public WdrOptions withTickMillis(long t) {
    return new WdrOptions(t, restartDelayMillis, requestTimeoutMillis, repositoryTimeoutMillis,
        leaderLockWaitMillis);
  }

  public WdrOptions withRestartDelayMillis(long r) {
    return new WdrOptions(tickMillis, r, requestTimeoutMillis, repositoryTimeoutMillis,
        leaderLockWaitMillis);
  }
}

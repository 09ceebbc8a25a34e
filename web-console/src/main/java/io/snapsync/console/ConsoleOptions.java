package io.snapsync.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Configuration of the admin console ({@code plugins.console}).
 *
 * <ul>
 *   <li>{@code host} (the node's {@code bindAddress}, else 127.0.0.1), {@code port} (the node's
 *       {@code ports.console}, else 8480; 0 picks a free port);</li>
 *   <li>{@code tls}: {@code {certPath, keyPath}} (PEM) or {@code {keyStorePath,
 *       keyStorePassword}} (PKCS#12); absent = plain HTTP;</li>
 *   <li>{@code allowedOrigins}: extra origins allowed besides the console's own
 *       ({@code scheme://host:port} as the browser sends it; the console's own origins come
 *       from {@code host} and the bound port, never from a request's Host header);</li>
 *   <li>{@code sessionIdleMinutes} (30): a console sign-in ends after this much inactivity;</li>
 *   <li>{@code maxMessageBytes} (65536): largest WebSocket message accepted from a browser;</li>
 *   <li>{@code liveRefreshMillis} (2000): how often views without an event-bus feed (request
 *       outcomes, exported snapshots, snapshot log) are re-read and pushed when changed.</li>
 * </ul>
 */
public record ConsoleOptions(String host, int port, JsonObject tls, List<String> allowedOrigins,
    long sessionIdleMinutes, int maxMessageBytes, long liveRefreshMillis) {

  public static final int DEFAULT_PORT = 8480;

  public ConsoleOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("plugins.console.port out of range: " + port);
    }
    if (sessionIdleMinutes < 1) {
      throw new IllegalArgumentException("plugins.console.sessionIdleMinutes must be >= 1");
    }
    if (maxMessageBytes < 1024) {
      throw new IllegalArgumentException("plugins.console.maxMessageBytes must be >= 1024");
    }
    if (liveRefreshMillis < 100) {
      throw new IllegalArgumentException("plugins.console.liveRefreshMillis must be >= 100");
    }
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** Reads {@code plugins.console}; {@code defaultHost}/{@code defaultPort} come from the node. */
  public static ConsoleOptions fromJson(JsonObject json, String defaultHost, int defaultPort) {
    JsonObject j = json == null ? new JsonObject() : json;
    List<String> origins = new ArrayList<>();
    JsonArray a = j.getJsonArray("allowedOrigins", new JsonArray());
    a.forEach(o -> origins.add(String.valueOf(o)));
    return new ConsoleOptions(j.getString("host", defaultHost == null ? "127.0.0.1" : defaultHost),
        j.getInteger("port", defaultPort < 0 ? DEFAULT_PORT : defaultPort),
        j.getJsonObject("tls"), origins, j.getLong("sessionIdleMinutes", 30L),
        j.getInteger("maxMessageBytes", 65536), j.getLong("liveRefreshMillis", 2000L));
  }

  public boolean tlsEnabled() {
    return tls != null && !tls.isEmpty() && tls.getBoolean("enabled", true);
  }
}

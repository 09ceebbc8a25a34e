package io.snapsync.plugins.pgwire.api;

import io.vertx.core.json.JsonObject;

/**
 * Configuration of the PostgreSQL protocol listener, read from {@code plugins.pgwire}:
 * {@code host} (127.0.0.1), {@code port} (5433; 0 picks a free port), {@code authentication}
 * ({@code scram-sha-256}, or {@code password} for cleartext, only when set explicitly) and
 * {@code maxMessageBytes} (largest frontend message accepted, 64 MiB) and {@code tls} (absent:
 * SSLRequest is declined; else {@code {certPath, keyPath}} in PEM or
 * {@code {keyStorePath, keyStorePassword}} for a PKCS#12 / JKS key store, and SSLRequest
 * upgrades the connection) and {@code eventLoops} (how many event loops serve connections, each
 * a listener instance sharing the port; 0, the default, means one per core).
 *
 * @param host bind address
 * @param port TCP port
 * @param authentication {@link #SCRAM} or {@link #PASSWORD}
 * @param maxMessageBytes frame size limit; a bigger frame is a protocol violation
 * @param tls TLS key material, or null for no TLS
 * @param eventLoops listener instances (event loops); 0 for one per core
 */
public record PgWireOptions(String host, int port, String authentication, int maxMessageBytes,
    JsonObject tls, int eventLoops) {

  public static final String SCRAM = "scram-sha-256";
  public static final String PASSWORD = "password";
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 5433;
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  public PgWireOptions {
    if (!SCRAM.equals(authentication) && !PASSWORD.equals(authentication)) {
      throw new IllegalArgumentException("plugins.pgwire.authentication must be " + SCRAM
          + " or " + PASSWORD + ", not " + authentication);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("plugins.pgwire.port out of range: " + port);
    }
    if (maxMessageBytes < 1024) {
      throw new IllegalArgumentException("plugins.pgwire.maxMessageBytes too small: "
          + maxMessageBytes);
    }
    if (tls != null && !(tls.containsKey("certPath") && tls.containsKey("keyPath"))
        && !tls.containsKey("keyStorePath")) {
      throw new IllegalArgumentException(
          "plugins.pgwire.tls needs certPath and keyPath, or keyStorePath");
    }
    if (eventLoops < 0 || eventLoops > 1024) {
      throw new IllegalArgumentException("plugins.pgwire.eventLoops out of range: " + eventLoops);
    }
  }

  public PgWireOptions(String host, int port, String authentication, int maxMessageBytes,
      JsonObject tls) {
    this(host, port, authentication, maxMessageBytes, tls, 0);
  }

  public PgWireOptions(String host, int port, String authentication, int maxMessageBytes) {
    this(host, port, authentication, maxMessageBytes, null);
  }

  public static PgWireOptions defaults() {
    return new PgWireOptions(DEFAULT_HOST, DEFAULT_PORT, SCRAM, DEFAULT_MAX_MESSAGE_BYTES);
  }

  public static PgWireOptions fromJson(JsonObject json) {
    JsonObject j = json == null ? new JsonObject() : json;
    return new PgWireOptions(j.getString("host", DEFAULT_HOST), j.getInteger("port", DEFAULT_PORT),
        j.getString("authentication", SCRAM),
        j.getInteger("maxMessageBytes", DEFAULT_MAX_MESSAGE_BYTES), j.getJsonObject("tls"),
        j.getInteger("eventLoops", 0));
  }

  public JsonObject toJson() {
    return new JsonObject().put("host", host).put("port", port)
        .put("authentication", authentication).put("maxMessageBytes", maxMessageBytes)
        .put("tls", tls).put("eventLoops", eventLoops);
  }

  /** The number of listener instances to deploy: {@code eventLoops}, or the core count. */
  public int listenerCount() {
    return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
  }

  public PgWireOptions withPort(int p) {
    return new PgWireOptions(host, p, authentication, maxMessageBytes, tls, eventLoops);
  }

  public PgWireOptions withTls(JsonObject t) {
    return new PgWireOptions(host, port, authentication, maxMessageBytes, t, eventLoops);
  }

  public PgWireOptions withEventLoops(int n) {
    return new PgWireOptions(host, port, authentication, maxMessageBytes, tls, n);
  }
}

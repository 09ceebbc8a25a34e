package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.security.UserDirectory;
import io.snapsync.core.session.SessionManager;
import io.snapsync.plugins.pgwire.api.ConnectionLimits;
import io.snapsync.plugins.pgwire.api.PgWireOptions;
import java.util.Optional;

/**
 * What every connection of one listener shares, across its event loops; {@code limits} is read
 * at each new connection. Thread-safe.
 */
record ServerContext(PgWireOptions options, MessageCatalog catalog, ErrorMapper errors,
    UserDirectory users, Optional<SessionManager> sessions, CancelRegistry cancels,
    CatalogProbes probes, String serverVersion, io.vertx.core.net.ServerSSLOptions tls,
    java.util.function.Supplier<ConnectionLimits> limits, ConnectionGate gate,
    io.snapsync.core.login.LoginThrottle throttle) {

  /** The TLS options for SSLRequest upgrades, or null when TLS is not configured. */
  static io.vertx.core.net.ServerSSLOptions tlsOptions(io.vertx.core.json.JsonObject tls) {
    if (tls == null) {
      return null;
    }
    io.vertx.core.net.ServerSSLOptions o = new io.vertx.core.net.ServerSSLOptions();
    if (tls.containsKey("keyStorePath")) {
      o.setKeyCertOptions(new io.vertx.core.net.KeyStoreOptions()
          .setType(tls.getString("keyStoreType", "PKCS12"))
          .setPath(tls.getString("keyStorePath"))
          .setPassword(tls.getString("keyStorePassword")));
    } else {
      o.setKeyCertOptions(new io.vertx.core.net.PemKeyCertOptions()
          .setCertPath(tls.getString("certPath")).setKeyPath(tls.getString("keyPath")));
    }
    return o;
  }
}

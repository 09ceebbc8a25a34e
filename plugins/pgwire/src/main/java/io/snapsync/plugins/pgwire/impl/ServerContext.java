package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.security.UserDirectory;
import io.snapsync.core.session.SessionManager;
import io.snapsync.plugins.pgwire.api.PgWireOptions;
import java.util.Optional;

/** What every connection of one listener shares. Thread-safe. */
record ServerContext(PgWireOptions options, MessageCatalog catalog, ErrorMapper errors,
    UserDirectory users, Optional<SessionManager> sessions, CancelRegistry cancels,
    CatalogProbes probes, String serverVersion,
    java.util.Set<PgConnection> connections) {
}

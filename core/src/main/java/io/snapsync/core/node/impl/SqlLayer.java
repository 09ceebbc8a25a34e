package io.snapsync.core.node.impl;

import io.snapsync.core.node.NodeServices;
import io.snapsync.core.session.SessionManager;
import io.snapsync.core.session.impl.SessionManagerImpl;
import io.snapsync.core.sql.Database;
import io.snapsync.storage.Store;

/**
 * The SQL layer on a data node: the database on the store and the session manager. Opened and
 * closed by {@link io.snapsync.core.node.Node}. Blocking.
 */
public final class SqlLayer implements AutoCloseable {

  private final SessionManager sessions;
  private final AutoCloseable database;

  private SqlLayer(SessionManager sessions, AutoCloseable database) {
    this.sessions = sessions;
    this.database = database;
  }

  /** Opens the database on {@code store} and a session manager (blocking). */
  public static SqlLayer open(Store store, NodeServices services) {
    Database db = Database.open(store, services);
    return new SqlLayer(SessionManagerImpl.create(services, db), db);
  }

  public SessionManager sessions() {
    return sessions;
  }

  @Override
  public void close() throws Exception {
    database.close();
  }
}

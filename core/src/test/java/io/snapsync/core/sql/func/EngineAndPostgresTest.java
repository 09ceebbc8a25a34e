package io.snapsync.core.sql.func;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of a test class that compares the engine with a real PostgreSQL 15: one engine
 * (real RocksDB in a temporary directory) with a session, and one PostgreSQL server, started
 * once for the class and stopped after it. Subclasses load their tables with {@link #onBoth}
 * in their own {@code @BeforeAll} (JUnit runs this class's first).
 */
public abstract class EngineAndPostgresTest {

  @TempDir
  protected static Path temp;
  protected static PostgresOracle pg;
  protected static EngineFixture fx;
  protected static Session s;

  @BeforeAll
  static void startEngineAndPostgres() throws Exception {
    fx = EngineFixture.start(temp.resolve("engine"));
    s = fx.session();
    pg = PostgresOracle.start(temp);
  }

  @AfterAll
  static void stopEngineAndPostgres() throws Exception {
    if (pg != null) {
      pg.close();
    }
    if (fx != null) {
      fx.close();
    }
  }

  /** Runs set-up statements on PostgreSQL and on the engine. */
  protected static void onBoth(List<String> statements) throws Exception {
    pg.execute(statements);
    for (String sql : statements) {
      EngineFixture.exec(s, sql);
    }
  }
}

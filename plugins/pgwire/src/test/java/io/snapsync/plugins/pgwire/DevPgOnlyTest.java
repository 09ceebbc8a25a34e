package io.snapsync.plugins.pgwire;

import io.snapsync.plugins.pgwire.support.RealPostgres;
import io.snapsync.plugins.pgwire.support.Scenario;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevPgOnlyTest {
  @TempDir Path tmp;

  @Test
  void run() throws Exception {
    try (RealPostgres pg = RealPostgres.start(tmp)) {
      for (String s : new String[] {"export_import.sql", "import_errors.sql", "export_rules.sql",
          "concurrent_update.sql", "vanished_client.sql"}) {
        System.out.println("===== " + s);
        Scenario.load(s).run(new Scenario.Target(pg.port(), "admin", "", "snapsync")).lines()
            .forEach(System.out::println);
      }
    }
  }
}

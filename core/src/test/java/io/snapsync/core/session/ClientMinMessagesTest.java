package io.snapsync.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.Severity;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code client_min_messages} decides which notices a session sends, as PostgreSQL's rule. */
class ClientMinMessagesTest {

  @TempDir
  Path dir;

  @Test
  void levelsRankAsPostgresql() {
    assertTrue(NoticeLevels.sent(Severity.NOTICE, "notice"));
    assertTrue(NoticeLevels.sent(Severity.WARNING, "notice"));
    assertFalse(NoticeLevels.sent(Severity.LOG, "notice"));
    assertFalse(NoticeLevels.sent(Severity.NOTICE, "warning"));
    assertTrue(NoticeLevels.sent(Severity.WARNING, "warning"));
    assertFalse(NoticeLevels.sent(Severity.WARNING, "error"));
    assertTrue(NoticeLevels.sent(Severity.INFO, "error"));
    assertTrue(NoticeLevels.sent(Severity.DEBUG, "debug2"));
    assertTrue(NoticeLevels.sent(Severity.LOG, "log"));
    assertFalse(NoticeLevels.sent(Severity.DEBUG, "log"));
  }

  @Test
  void sessionFollowsItsSetting() {
    try (EngineFixture fx = EngineFixture.start(dir)) {
      Session s = fx.session();
      assertTrue(s.sendsNotice(Severity.NOTICE));
      EngineFixture.exec(s, "set client_min_messages = warning");
      assertFalse(s.sendsNotice(Severity.NOTICE));
      assertTrue(s.sendsNotice(Severity.WARNING));
      EngineFixture.exec(s, "set client_min_messages to error");
      assertFalse(s.sendsNotice(Severity.WARNING));
      EngineFixture.exec(s, "reset client_min_messages");
      assertTrue(s.sendsNotice(Severity.NOTICE));
      EngineFixture.exec(s, "set client_min_messages = debug");
      assertEquals("debug2", EngineFixture.exec(s, "show client_min_messages").rows().get(0)
          .get(0));
    }
  }
}

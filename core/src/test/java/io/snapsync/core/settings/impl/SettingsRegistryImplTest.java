package io.snapsync.core.settings.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.config.ConfigException;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.settings.SettingDefinition;
import io.snapsync.core.settings.SettingDefinition.Level;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class SettingsRegistryImplTest {

  static Vertx vertx;
  static final MessageCatalog CATALOG = MessageCatalog.builtin();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  static SettingsRegistryImpl registry() {
    SettingsRegistryImpl r = SettingsRegistryImpl.withCoreSettings();
    r.register(SettingDefinition.integer("wdr_snapshot_interval", Level.NODE, 60, 10, 180, "min",
        "settings.desc.statement_timeout"));
    r.register(SettingDefinition.integer("wdr_snapshot_query_timeout", Level.NODE, 100, 1,
        Integer.MAX_VALUE, "s", "settings.desc.statement_timeout"));
    r.register(SettingDefinition.bool("enable_wdr_snapshot", Level.NODE, true,
        "settings.desc.statement_timeout"));
    return r;
  }

  static SnapsyncException fails(Executable e) {
    return assertInstanceOf(SnapsyncException.class, assertThrows(Exception.class, e));
  }

  @Test
  void coreDefaultsShowLikePostgresql() {
    SessionSettingsImpl s = new SessionSettingsImpl(registry());
    assertEquals("en_US.UTF-8", s.show("lc_messages"));
    assertEquals("UTF8", s.show("client_encoding"));
    assertEquals("ISO, MDY", s.show("datestyle"));
    assertEquals("UTC", s.show("TimeZone"));
    assertEquals("on", s.show("standard_conforming_strings"));
    assertEquals("on", s.show("integer_datetimes"));
    assertEquals("15.0 (snapsync 0.1.0)", s.show("server_version"));
    assertEquals("read committed", s.show("default_transaction_isolation"));
    assertEquals("0", s.show("statement_timeout"));
    assertEquals("10min", s.show("eventbus_session_idle_timeout"));
    assertEquals(600_000, s.getLong("eventbus_session_idle_timeout"));
    assertEquals("1h", s.show("wdr_snapshot_interval"));
    assertEquals(60, s.getLong("wdr_snapshot_interval"));
    assertEquals("100s", s.show("wdr_snapshot_query_timeout"));
    assertTrue(s.getBool("enable_wdr_snapshot"));
  }

  @Test
  void integerUnitsConvertToTheBaseUnit() {
    SettingsRegistryImpl r = registry();
    SessionSettingsImpl s = new SessionSettingsImpl(r);
    s.set("statement_timeout", "5000ms");
    assertEquals(5000, s.getLong("statement_timeout"));
    assertEquals("5s", s.show("statement_timeout"));
    s.set("statement_timeout", "100s");
    assertEquals(100_000, s.getLong("statement_timeout"));
    s.set("statement_timeout", "60min");
    assertEquals("1h", s.show("statement_timeout"));
    s.set("statement_timeout", "1500");
    assertEquals("1500ms", s.show("statement_timeout"));
    s.set("statement_timeout", " 2 min ");
    assertEquals(120_000, s.getLong("statement_timeout"));
    assertEquals("90min", r.validate("wdr_snapshot_interval", "1.5h"));
    assertEquals("2h", r.validate("wdr_snapshot_interval", "120"));
    assertEquals("10min", r.validate("wdr_snapshot_interval", "600s"));
  }

  @Test
  void badUnitsAndNumbersGet22023WithUnitHint() {
    SettingsRegistryImpl r = registry();
    SnapsyncException e = fails(() -> r.validate("statement_timeout", "10 parsecs"));
    assertEquals("22023", e.sqlState());
    assertEquals("invalid value for parameter \"statement_timeout\": \"10 parsecs\"",
        e.getMessage());
    assertEquals("Valid units for this parameter are \"ms\", \"s\", \"min\", \"h\", and \"d\".",
        CATALOG.render("en", e.hint()));
    SnapsyncException nan = fails(() -> r.validate("statement_timeout", "abc"));
    assertEquals("invalid value for parameter \"statement_timeout\": \"abc\"", nan.getMessage());
    SnapsyncException unitless = fails(() -> r.validate("extra_float_digits", "2ms"));
    assertEquals("22023", unitless.sqlState());
  }

  @Test
  void outOfRangeUsesPostgresqlText() {
    SettingsRegistryImpl r = registry();
    SnapsyncException e = fails(() -> r.validate("wdr_snapshot_interval", "5"));
    assertEquals("22023", e.sqlState());
    assertEquals(
        "5 min is outside the valid range for parameter \"wdr_snapshot_interval\" (10 .. 180)",
        e.getMessage());
    assertEquals("5 min 超出参数 \"wdr_snapshot_interval\" 的有效范围（10 .. 180）",
        e.render(CATALOG, "zh_CN"));
    SnapsyncException h = fails(() -> r.validate("wdr_snapshot_interval", "4h"));
    assertEquals(
        "240 min is outside the valid range for parameter \"wdr_snapshot_interval\" (10 .. 180)",
        h.getMessage());
    SnapsyncException neg = fails(() -> r.validate("statement_timeout", "-1"));
    assertEquals("-1 ms is outside the valid range for parameter \"statement_timeout\" "
        + "(0 .. 2147483647)", neg.getMessage());
    SnapsyncException digits = fails(() -> r.validate("extra_float_digits", "4"));
    assertEquals("4 is outside the valid range for parameter \"extra_float_digits\" (-15 .. 3)",
        digits.getMessage());
  }

  @Test
  void boolsAndEnumsAcceptPostgresqlSpellings() {
    SettingsRegistryImpl r = registry();
    for (String t : List.of("on", "TRUE", "yes", "1")) {
      assertEquals("on", r.validate("enable_wdr_snapshot", t));
    }
    for (String f : List.of("off", "false", "No", "0")) {
      assertEquals("off", r.validate("enable_wdr_snapshot", f));
    }
    SnapsyncException b = fails(() -> r.validate("enable_wdr_snapshot", "maybe"));
    assertEquals("parameter \"enable_wdr_snapshot\" requires a Boolean value", b.getMessage());
    assertEquals("repeatable read", r.validate("default_transaction_isolation", "REPEATABLE READ"));
    SnapsyncException en = fails(() -> r.validate("default_transaction_isolation", "chaos"));
    assertEquals("Available values: serializable, repeatable read, read committed, "
        + "read uncommitted.", CATALOG.render("en", en.hint()));
  }

  @Test
  void unknownParameterIs42704() {
    SessionSettingsImpl s = new SessionSettingsImpl(registry());
    SnapsyncException e = fails(() -> s.show("no_such_thing"));
    assertEquals("42704", e.sqlState());
    assertEquals("unrecognized configuration parameter \"no_such_thing\"", e.getMessage());
    assertEquals("42704", fails(() -> s.set("no_such_thing", "1")).sqlState());
  }

  @Test
  void setNodeLevelIs55P02AndReadOnlyCannotChange() {
    SessionSettingsImpl s = new SessionSettingsImpl(registry());
    SnapsyncException e = fails(() -> s.set("enable_wdr_snapshot", "off"));
    assertEquals("55P02", e.sqlState());
    assertEquals("parameter \"enable_wdr_snapshot\" cannot be changed now", e.getMessage());
    SnapsyncException ro = fails(() -> s.set("server_version", "16"));
    assertEquals("55P02", ro.sqlState());
    assertEquals("parameter \"server_version\" cannot be changed", ro.getMessage());
    assertEquals("55P02", fails(() -> s.reset("synchronous_commit")).sqlState());
  }

  @Test
  void lcMessagesAcceptsEnglishChineseCAndPosixOnly() {
    SessionSettingsImpl s = new SessionSettingsImpl(registry());
    for (String v : List.of("zh_CN.UTF-8", "zh_CN", "en_US", "C", "POSIX", "en")) {
      s.set("lc_messages", v);
      assertEquals(v, s.show("lc_messages"));
    }
    SnapsyncException e = fails(() -> s.set("lc_messages", "fr_FR"));
    assertEquals("22023", e.sqlState());
    assertEquals("参数 \"lc_messages\" 的值无效：\"fr_FR\"", e.render(CATALOG, "zh_CN.UTF-8"));
  }

  @Test
  void setShowResetAndShowAllPerSession() {
    SettingsRegistryImpl r = registry();
    SessionSettingsImpl a = new SessionSettingsImpl(r);
    SessionSettingsImpl b = new SessionSettingsImpl(r);
    a.set("application_name", "psql");
    a.set("TimeZone", "Asia/Shanghai");
    assertEquals("psql", a.show("application_name"));
    assertEquals("", b.show("application_name"));
    Map<String, String> all = a.showAll();
    assertEquals("Asia/Shanghai", all.get("TimeZone"));
    List<String> names = new ArrayList<>(all.keySet());
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(String.CASE_INSENSITIVE_ORDER);
    assertEquals(sorted, names);
    a.reset("application_name");
    assertEquals("", a.show("application_name"));
    a.resetAll();
    assertEquals("UTC", a.show("timezone"));
    assertEquals("22023", fails(() -> a.set("TimeZone", "Mars/Olympus")).sqlState());
  }

  @Test
  void registeringTwiceFails() {
    SettingsRegistryImpl r = registry();
    assertThrows(IllegalStateException.class, () -> r.register(
        SettingDefinition.bool("enable_wdr_snapshot", Level.NODE, true, "x")));
  }

  @Test
  void configFileValuesApplyAndBadOnesNameFileAndKey() {
    SettingsRegistryImpl r = registry();
    r.applyConfig(new JsonObject().put("wdr_snapshot_interval", "30min")
        .put("enable_wdr_snapshot", false).put("lc_messages", "zh_CN.UTF-8"), "conf/a.yaml");
    assertEquals("30min", r.nodeValue("wdr_snapshot_interval"));
    assertFalse(r.nodeBool("enable_wdr_snapshot"));
    assertEquals("zh_CN.UTF-8", new SessionSettingsImpl(r).show("lc_messages"));
    ConfigException e = assertThrows(ConfigException.class, () -> r.applyConfig(
        new JsonObject().put("wdr_snapshot_interval", 500), "conf/a.yaml"));
    assertEquals("invalid configuration in \"conf/a.yaml\": key \"settings.wdr_snapshot_interval\": "
        + "500 min is outside the valid range for parameter \"wdr_snapshot_interval\" (10 .. 180)",
        e.getMessage());
    r.applyConfig(new JsonObject().put("bogus", 1), "conf/a.yaml");
    ConfigException u = assertThrows(ConfigException.class, r::requireNoPending);
    assertEquals("settings.bogus", u.key());
    assertEquals("invalid configuration in \"conf/a.yaml\": key \"settings.bogus\": "
        + "unrecognized configuration parameter \"bogus\"", u.getMessage());
  }

  @Test
  void valuesForSettingsRegisteredLaterApplyAtRegistration(@TempDir Path dir) {
    SettingsRegistryImpl first = SettingsRegistryImpl.withCoreSettings();
    first.register(SettingDefinition.integer("late_days", Level.NODE, 7, 1, 30, "",
        "settings.desc.statement_timeout"));
    first.attach(vertx, "n1", dir).await();
    first.alterSystem("late_days", "9").await();
    first.detach().await();

    SettingsRegistryImpl r = SettingsRegistryImpl.withCoreSettings();
    r.applyConfig(new JsonObject().put("late_hours", "5"), "c.yaml");
    r.attach(vertx, "n1", dir).await();
    r.register(SettingDefinition.integer("late_days", Level.NODE, 7, 1, 30, "",
        "settings.desc.statement_timeout"));
    assertEquals("9", r.nodeValue("late_days"), "ALTER SYSTEM value kept for a late setting");
    r.register(SettingDefinition.integer("late_hours", Level.NODE, 1, 1, 24, "",
        "settings.desc.statement_timeout"));
    assertEquals("5", r.nodeValue("late_hours"), "config value applied at registration");
    r.requireNoPending();
    r.alterSystem("late_hours", null).await();
    assertEquals("5", r.nodeValue("late_hours"), "RESET returns to the config value");
    r.detach().await();

    SettingsRegistryImpl bad = SettingsRegistryImpl.withCoreSettings();
    bad.applyConfig(new JsonObject().put("late_hours", "99"), "c.yaml");
    ConfigException e = assertThrows(ConfigException.class, () -> bad.register(
        SettingDefinition.integer("late_hours", Level.NODE, 1, 1, 24, "",
            "settings.desc.statement_timeout")));
    assertEquals("settings.late_hours", e.key());
  }

  @Test
  void alterSystemPersistsSurvivesRestartAndResetReturnsToConfig(@TempDir Path dir) {
    SettingsRegistryImpl r = registry();
    r.applyConfig(new JsonObject().put("wdr_snapshot_interval", "30min"), "c.yaml");
    r.attach(vertx, "n1", dir).await();
    List<String> seen = new ArrayList<>();
    r.addListener((n, v) -> seen.add(n + "=" + v));
    r.alterSystem("wdr_snapshot_interval", "90").await();
    r.alterSystem("enable_wdr_snapshot", "off").await();
    assertEquals("90min", r.nodeValue("wdr_snapshot_interval"));
    assertEquals(List.of("wdr_snapshot_interval=90min", "enable_wdr_snapshot=off"), seen);
    assertTrue(Files.exists(dir.resolve("snapsync.auto.conf.json")));
    r.detach().await();

    SettingsRegistryImpl restarted = registry();
    restarted.applyConfig(new JsonObject().put("wdr_snapshot_interval", "30min"), "c.yaml");
    restarted.attach(vertx, "n1", dir).await();
    assertEquals("90min", restarted.nodeValue("wdr_snapshot_interval"));
    assertFalse(restarted.nodeBool("enable_wdr_snapshot"));
    restarted.alterSystem("wdr_snapshot_interval", null).await();
    assertEquals("30min", restarted.nodeValue("wdr_snapshot_interval"));
    restarted.alterSystem("enable_wdr_snapshot", null).await();
    assertTrue(restarted.nodeBool("enable_wdr_snapshot"));
    restarted.detach().await();

    SettingsRegistryImpl third = registry();
    third.attach(vertx, "n1", dir).await();
    assertEquals("1h", third.nodeValue("wdr_snapshot_interval"));
    third.detach().await();
  }

  @Test
  void alterSystemValidatesAndRefusesReadOnly(@TempDir Path dir) {
    SettingsRegistryImpl r = registry();
    r.attach(vertx, "n1", dir).await();
    SnapsyncException range = fails(() -> r.alterSystem("wdr_snapshot_interval", "1").await());
    assertEquals("22023", range.sqlState());
    SnapsyncException ro = fails(() -> r.alterSystem("server_version", "1").await());
    assertEquals("55P02", ro.sqlState());
    SnapsyncException unknown = fails(() -> r.alterSystem("nope", "1").await());
    assertEquals("42704", unknown.sqlState());
    assertFalse(Files.exists(dir.resolve("snapsync.auto.conf.json")));
    r.detach().await();
  }

  @Test
  void alterSystemFromAnotherNodeIsAppliedAndPersisted(@TempDir Path dir) {
    Path d1 = dir.resolve("n1");
    Path d2 = dir.resolve("n2");
    SettingsRegistryImpl n1 = registry();
    SettingsRegistryImpl n2 = registry();
    n1.attach(vertx, "n1", d1).await();
    n2.attach(vertx, "n2", d2).await();
    io.vertx.core.Promise<String> applied = io.vertx.core.Promise.promise();
    n2.addListener((n, v) -> applied.tryComplete(n + "=" + v));
    n1.alterSystem("wdr_snapshot_interval", "45min").await();
    assertEquals("wdr_snapshot_interval=45min", applied.future().await());
    assertEquals("45min", n2.nodeValue("wdr_snapshot_interval"));
    n1.detach().await();
    n2.detach().await();
    SettingsRegistryImpl again = registry();
    again.attach(vertx, "n2", d2).await();
    assertEquals("45min", again.nodeValue("wdr_snapshot_interval"));
    assertNull(null);
    again.detach().await();
  }
}

package io.snapsync.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in headless Chromium (Debian's chromium and chromium-driver), driven by
 * Selenium, against a real embedded node. Screenshots of the main views go to
 * {@code target/screenshots}, and to {@code docs/screenshots} with
 * {@code -Dconsole.screenshots=true}.
 */
class ConsoleBrowserTest {

  private static final String CHROMEDRIVER =
      System.getProperty("console.chromedriver", "/usr/bin/chromedriver");
  private static final String CHROMIUM = System.getProperty("console.chromium", "/usr/bin/chromium");

  @TempDir
  static Path dir;

  static ConsoleTestNode node;
  static WebDriver driver;
  static WebDriverWait wait;
  static Session exporter;

  @BeforeAll
  static void start() throws IOException {
    node = ConsoleTestNode.start(dir, null);
    // some data, an exported transaction snapshot (for the exported-snapshots view)
    Session s = node.session("admin", ConsoleTestNode.ADMIN_PW);
    s.execute("CREATE TABLE accounts (id int PRIMARY KEY, owner text, balance bigint)").await();
    s.execute("INSERT INTO accounts VALUES (1, 'ann', 100), (2, 'bob', 250)").await();
    s.close().await();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    Path profile = Files.createTempDirectory(dir, "chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    // the page re-renders its tables on each push: a condition that read a replaced element
    // is tried again rather than failing the test
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (exporter != null) {
      exporter.close().await();
    }
    if (node != null) {
      node.close();
    }
  }

  @BeforeEach
  void freshBrowser() {
    driver.manage().window().setSize(new Dimension(1280, 900));
    driver.get(node.url());
    driver.manage().deleteAllCookies();
    driver.get(node.url());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
  }

  private void signIn(String user, String password) {
    WebElement u = driver.findElement(By.id("login-user"));
    u.clear();
    u.sendKeys(user);
    WebElement p = driver.findElement(By.id("login-password"));
    p.clear();
    p.sendKeys(password, Keys.ENTER);
  }

  private void signInAsAdmin() {
    signIn("admin", ConsoleTestNode.ADMIN_PW);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
    // the cluster view is filled over the WebSocket
    wait.until(d -> d.findElements(By.cssSelector("#nodes tbody tr td")).size() > 1);
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private void tab(String id) {
    driver.findElement(By.id(id)).click();
    wait.until(d -> "true".equals(d.findElement(By.id(id)).getAttribute("aria-selected")));
    String pane = driver.findElement(By.id(id)).getAttribute("aria-controls");
    wait.until(d -> {
      String c = d.findElement(By.id(pane)).getAttribute("class");
      return c.contains("show") && c.contains("active");
    });
  }

  private String actionResult() {
    wait.until(d -> {
      String t = d.findElement(By.id("action-result")).getText();
      return !t.isEmpty() && !t.endsWith("…");
    });
    return driver.findElement(By.id("action-result")).getText();
  }

  /** The text part of the action result (after the OK / ERROR badge). */
  private String resultText() {
    actionResult();
    List<WebElement> ok = driver.findElements(
        By.cssSelector("#action-result .result-text, #action-result .error-text"));
    return ok.isEmpty() ? driver.findElement(By.id("action-result")).getText() : ok.get(0).getText();
  }

  @Test
  void withoutSignInThePageShowsOnlyTheFormAndTheSocketIsRefused() {
    assertFalse(driver.findElement(By.id("app")).isDisplayed());
    Object outcome = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "const ws = new WebSocket('ws://' + location.host + '/ws');"
            + "ws.onopen = () => done('open'); ws.onclose = () => done('closed');");
    assertEquals("closed", outcome);
    Object me = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch('/api/me').then(r => done(r.status));");
    assertEquals(401L, me);
  }

  @Test
  void wrongPasswordAndNonAdminUserAreRefused() {
    signIn("admin", "wrong");
    wait.until(d -> !d.findElement(By.id("login-error")).getText().isEmpty());
    assertTrue(driver.findElement(By.id("login-error")).getText()
        .contains("password authentication failed for user \"admin\""));
    signIn("alice", ConsoleTestNode.ALICE_PW);
    wait.until(d -> d.findElement(By.id("login-error")).getText()
        .contains("permission denied for admin console"));
    assertFalse(driver.findElement(By.id("app")).isDisplayed());
    assertTrue(driver.manage().getCookies().isEmpty(), "no session cookie");
  }

  @Test
  void adminTakesASnapshotSeesItLiveReadsAReportAndKillsTheWorker() throws Exception {
    signInAsAdmin();
    screenshot("cluster");
    tab("tab-snapshots");
    int before = driver.findElements(By.cssSelector("#snapshots tbody tr[data-snapshot-id]"))
        .size();
    driver.findElement(By.id("take-snapshot")).click();
    assertEquals("WDR snapshot request has been submitted.", resultText());
    wait.until(d -> d.findElements(By.cssSelector("#snapshots tbody tr[data-snapshot-id]"))
        .size() == before + 1);
    // some load between snapshots, then more snapshots
    Session s = node.session("admin", ConsoleTestNode.ADMIN_PW);
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 10 * (round + 1); i++) {
        s.execute("SELECT * FROM accounts WHERE id = 1").await();
        s.execute("UPDATE accounts SET balance = " + (100 + i) + " WHERE id = 2").await();
      }
      js("document.getElementById('action-result').textContent = ''");
      driver.findElement(By.id("take-snapshot")).click();
      assertEquals("WDR snapshot request has been submitted.", resultText());
      int expected = before + 2 + round;
      wait.until(d -> d.findElements(By.cssSelector("#snapshots tbody tr[data-snapshot-id]"))
          .size() == expected);
    }
    s.close().await();
    wait.until(d -> d.findElements(By.cssSelector("#requests tbody tr")).size() >= 2
        && d.findElement(By.id("requests")).getText().contains("TAKEN"));
    screenshot("snapshots");

    // report between the first and the last snapshot, with charts
    tab("tab-report");
    List<WebElement> rows = driver.findElements(
        By.cssSelector("#snapshots tr[data-snapshot-id]"));
    String newest = rows.get(0).getAttribute("data-snapshot-id");
    String oldest = rows.get(rows.size() - 1).getAttribute("data-snapshot-id");
    new Select(driver.findElement(By.id("report-begin"))).selectByValue(oldest);
    new Select(driver.findElement(By.id("report-end"))).selectByValue(newest);
    driver.findElement(By.id("run-report")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-out")));
    for (String canvas : List.of("chart-load", "chart-statements", "chart-waits")) {
      assertEquals(Boolean.TRUE, js("const c = Chart.getChart(document.getElementById("
          + "arguments[0])); return !!c && c.data.datasets.length > 0;", canvas), canvas);
    }
    assertTrue(driver.findElement(By.id("report-statements")).getText().contains("accounts"));
    String href = driver.findElement(By.id("report-download")).getAttribute("href");
    assertTrue(href.contains("download=1"), href);
    Object html = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' '"
            + " + r.headers.get('content-disposition') + ' ' + t)));", href);
    assertTrue(String.valueOf(html).startsWith("200 attachment"), String.valueOf(html)
        .substring(0, Math.min(200, String.valueOf(html).length())));
    assertTrue(String.valueOf(html).contains("Load Profile"));
    assertTrue(((Number) js("return Chart.getChart(document.getElementById('chart-load'))"
        + ".data.labels.length")).intValue() >= 3, "one point per pair of snapshots");
    js("document.getElementById('report-info').scrollIntoView()");
    screenshot("report");
    // the full HTML report in its frame (served with the sign-in cookie, sandboxed)
    WebElement frame = driver.findElement(By.id("report-frame"));
    js("arguments[0].scrollIntoView()", frame);
    driver.switchTo().frame(frame);
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Load Profile"));
    driver.switchTo().defaultContent();
    screenshot("report-html");
    // issue #20: a top statement links to its single-statement report over the same range
    WebElement link = driver.findElement(By.cssSelector("#report-statements a.sql-detail"));
    assertTrue(link.getAttribute("data-statement-id").matches("[0-9a-f]{16}"));
    String query = link.getText();
    String framed = frame.getAttribute("src");
    link.click();
    wait.until(d -> !framed.equals(d.findElement(By.id("report-frame")).getAttribute("src")));
    driver.switchTo().frame(driver.findElement(By.id("report-frame")));
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Trend over the"
        + " Snapshots"));
    String detail = driver.findElement(By.tagName("body")).getText();
    assertTrue(detail.contains("WDR SQL Detail Report"), detail);
    assertTrue(detail.contains(query), detail);
    driver.switchTo().defaultContent();
    screenshot("report-sql");
    js("window.scrollTo(0, 0)");

    // kill local: confirmation dialog, then the exact text the SQL returns
    driver.findElement(By.id("kill-local")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-kill-ok")));
    screenshot("kill-confirm");
    js("document.getElementById('action-result').textContent = ''");
    driver.findElement(By.id("confirm-kill-ok")).click();
    String shown = resultText();
    // the worker state arrives live in the cluster view
    tab("tab-overview");
    wait.until(d -> d.findElement(By.id("nodes")).getText().contains("STOPPED"));
    // the stop as it happened, with the restart rule in words (default delay 60 s)
    wait.until(d -> d.findElement(By.id("worker-events")).getText().contains(
        "node1: worker STOPPED (its node restarts a stopped worker once 60 s have passed since"
        + " its previous start"));
    String expected = expectedKillText("local");
    if (expected.startsWith("(")) {
      // kill_snapshot returns no value: the console says what happened, not "(SELECT 1)"
      assertTrue(shown.startsWith("done: the worker stopped"), shown);
    } else {
      assertTrue(shown.startsWith(expected), shown + " / expected " + expected);
    }
    screenshot("killed");
    // the node restarts it: the restart is shown after the stop, not hidden by it
    ((io.snapsync.plugins.wdr.impl.WdrServiceImpl) node.node.services()
        .service(io.snapsync.plugins.wdr.api.WdrService.class).orElseThrow()).supervisor()
        .start().await();
    wait.until(d -> d.findElement(By.id("worker-events")).getText().contains(
        "node1: worker STARTING (restarted by its node)"));
    wait.until(d -> d.findElement(By.id("nodes")).getText().contains("RUNNING"));
    String events = driver.findElement(By.id("worker-events")).getText();
    assertTrue(events.indexOf("worker RUNNING") < events.indexOf("worker STARTING")
        && events.indexOf("worker STARTING") < events.indexOf("worker STOPPED"),
        "newest first: " + events);
  }

  /** What {@code SELECT kill_snapshot(scope)} answers a SYSADMIN session right now. */
  private String expectedKillText(String scope) {
    Session s = node.session("admin", ConsoleTestNode.ADMIN_PW);
    try {
      var r = s.execute("SELECT kill_snapshot('" + scope + "')", List.of()).await();
      Object v = r.rows().get(0).get(0);
      return v == null ? "(" + r.commandTag() + ")" : v.toString();
    } catch (SnapsyncException e) {
      return e.render(node.node.services().catalog(), "en");
    } finally {
      s.close().await();
    }
  }

  @Test
  void exportedSnapshotsSettingsAndSqlPrompt() throws Exception {
    signInAsAdmin();
    tab("tab-exported");
    exporter = node.session("admin", ConsoleTestNode.ADMIN_PW);
    exporter.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").await();
    String id = String.valueOf(exporter.execute("SELECT pg_export_snapshot()").await().get(0)
        .rows().get(0).get(0));
    wait.until(d -> d.findElement(By.id("exported")).getText().contains(id));
    wait.until(d -> d.findElement(By.id("snapshot-log")).getText().contains(id));
    screenshot("exported");

    tab("tab-settings");
    wait.until(d -> d.findElement(By.id("settings")).getText()
        .contains("wdr_snapshot_retention_days"));
    new Select(driver.findElement(By.id("setting-name")))
        .selectByValue("wdr_snapshot_retention_days");
    WebElement value = driver.findElement(By.id("setting-value"));
    value.clear();
    value.sendKeys("9", Keys.ENTER);
    wait.until(d -> {
      String t = d.findElement(By.id("setting-result")).getText();
      return t.startsWith("ALTER SYSTEM SET wdr_snapshot_retention_days:") && !t.endsWith("…");
    });
    assertEquals(9L, node.node.services().settings().nodeLong("wdr_snapshot_retention_days"));
    value.clear();
    value.sendKeys("99", Keys.ENTER);
    wait.until(d -> d.findElement(By.id("setting-result")).getText().contains("ERROR"));
    screenshot("settings");

    tab("tab-sql");
    WebElement sql = driver.findElement(By.id("sql-input"));
    sql.clear();
    sql.sendKeys("SELECT * FROM accounts ORDER BY id");
    sql.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    wait.until(d -> d.findElements(By.cssSelector("#sql-output table.sql-result tbody tr"))
        .size() == 2);
    assertTrue(driver.findElement(By.id("sql-output")).getText().contains("ann"));
    screenshot("sql");
    sql.clear();
    sql.sendKeys("SELECT * FROM no_such_table");
    driver.findElement(By.id("sql-run")).click();
    wait.until(d -> d.findElement(By.id("sql-output")).getText().contains("ERROR 42P01"));

    // a phone-sized window: the same page, the cluster view
    driver.manage().window().setSize(new Dimension(390, 844));
    tab("tab-overview");
    screenshot("phone-cluster");
  }

  /**
   * Issue #20: the live dashboard charts active sessions by wait class from the node's
   * sampler: a session blocked on another's row lock shows as {@code Lock}, and once the lock
   * is released the next samples show no active session.
   */
  @Test
  void liveActivityShowsASessionWaitingOnARowLock() throws Exception {
    Session a = node.session("admin", ConsoleTestNode.ADMIN_PW);
    Session b = node.session("admin", ConsoleTestNode.ADMIN_PW);
    a.execute("CREATE TABLE ash_t (k int PRIMARY KEY, v int)").await();
    a.execute("INSERT INTO ash_t VALUES (1, 0)").await();
    a.execute("BEGIN").await();
    a.execute("UPDATE ash_t SET v = 1 WHERE k = 1").await();
    var blocked = b.execute("UPDATE ash_t SET v = 2 WHERE k = 1");
    var sampler = node.node.services().service(
        io.snapsync.plugins.wdr.ash.ActiveSessionSampler.class).orElseThrow();
    signInAsAdmin();
    try {
      // the test node runs without timers: the test samples; the page polls every 2 s
      wait.until(d -> {
        sampler.sample().await();
        String c = d.findElement(By.id("activity-summary")).getAttribute("data-classes");
        return c != null && c.contains("\"Lock\":1");
      });
      assertTrue(driver.findElement(By.id("activity-summary")).getText()
          .contains("Lock 1"), driver.findElement(By.id("activity-summary")).getText());
      screenshot("activity");
    } finally {
      a.execute("COMMIT").await();
      blocked.await();
    }
    wait.until(d -> {
      sampler.sample().await();
      return d.findElement(By.id("activity-summary")).getText()
          .contains("Active sessions in the last sample: Lock 0");
    });
    a.close().await();
    b.close().await();
  }

  @Test
  void messagesInSimplifiedChinese() {
    new Select(driver.findElement(By.id("login-lang"))).selectByValue("zh_CN.UTF-8");
    signIn("monitor", ConsoleTestNode.MONITOR_PW);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
    driver.findElement(By.id("take-snapshot")).click();
    String text = actionResult();
    assertFalse(text.contains("permission denied"), text);
    assertTrue(text.contains("42501"), text);
    // issue #20: the page's own labels follow lc_messages too
    assertEquals("集群", driver.findElement(By.id("tab-overview")).getText());
    assertEquals("创建快照", driver.findElement(By.id("take-snapshot")).getText());
    assertEquals("zh-CN", js("return document.documentElement.lang"));
    wait.until(d -> d.findElement(By.id("activity-summary")).getText().contains("活动会话"));
    try {
      screenshot("zh-cluster");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    driver.findElement(By.id("logout")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    assertEquals("Sign in", driver.findElement(By.id("login-submit")).getText());
  }

  @Test
  void monadminSeesTheConsoleButCannotTakeSnapshots() {
    signIn("monitor", ConsoleTestNode.MONITOR_PW);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
    assertFalse(driver.findElement(By.id("setting-save")).isEnabled());
    driver.findElement(By.id("take-snapshot")).click();
    assertTrue(actionResult().endsWith("permission denied for create WDR Snapshot"));
    // keyboard: arrow keys move between tabs; Escape cancels the kill confirmation
    driver.findElement(By.id("tab-settings")).click();
    driver.findElement(By.id("tab-settings")).sendKeys(Keys.ARROW_RIGHT);
    wait.until(d -> "true".equals(d.findElement(By.id("tab-sql")).getAttribute("aria-selected")));
    driver.findElement(By.id("kill-global")).click();
    wait.until(d -> d.switchTo().activeElement().getAttribute("id").equals("confirm-kill-cancel"));
    driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-kill")));
    assertTrue(driver.findElement(By.id("action-result")).getText()
        .endsWith("permission denied for create WDR Snapshot"), "nothing ran");
    driver.findElement(By.id("logout")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
  }

  private static void screenshot(String name) throws IOException {
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    Files.copy(shot, target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    if (Boolean.getBoolean("console.screenshots")) {
      Path docs = Path.of("..", "docs", "screenshots");
      Files.createDirectories(docs);
      Files.copy(shot, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
    assertNotNull(shot);
  }
}

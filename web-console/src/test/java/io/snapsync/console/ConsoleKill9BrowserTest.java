package io.snapsync.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.cluster.ClusterMembership;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #20: the cluster view in headless Chromium follows Hazelcast membership. A second
 * coordinator runs in a child JVM; it is killed with {@code kill -9} (SIGKILL: nothing is
 * released or announced). Within a second of this node's Hazelcast noticing, the page shows
 * it as left, without a worker state, and counts only the live node.
 */
class ConsoleKill9BrowserTest {

  private static final String CHROMEDRIVER =
      System.getProperty("console.chromedriver", "/usr/bin/chromedriver");
  private static final String CHROMIUM = System.getProperty("console.chromium", "/usr/bin/chromium");

  @TempDir
  Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private JsonObject node(String name, String role, String cluster, int port, int... all) {
    JsonArray members = new JsonArray();
    for (int p : all) {
      members.add("127.0.0.1:" + p);
    }
    return new JsonObject().put("node", new JsonObject().put("name", name).put("role", role))
        .put("cluster", new JsonObject().put("enabled", true).put("name", cluster)
            .put("host", "127.0.0.1").put("port", port).put("members", members)
            .put("trust", new JsonObject().put("directory", dir.resolve("trust").toString())
                .put("generate", true)));
  }

  @Test
  void aCoordinatorKilledWithKill9TurnsLeftWithinASecondOfHazelcastNoticing() throws Exception {
    String cluster = "console-" + UUID.randomUUID();
    int p1 = freePort();
    int p2 = freePort();
    Process child = null;
    WebDriver driver = null;
    try (ConsoleTestNode a = ConsoleTestNode.start(dir.resolve("a"), null, Clock.systemUTC(),
        node("node1", "embedded", cluster, p1, p1, p2))) {
      String cp = System.getProperty("surefire.test.class.path",
          System.getProperty("java.class.path"));
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
          "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", cp,
          ConsoleChildNode.class.getName(), dir.resolve("b").toString(),
          node("cn2", "coordinator", cluster, p2, p1, p2).encode());
      pb.redirectError(dir.resolve("cn2.log").toFile());
      child = pb.start();
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8));
      CompletableFuture<Void> ready = new CompletableFuture<>();
      Thread reader = new Thread(() -> {
        try {
          for (String l = out.readLine(); l != null; l = out.readLine()) {
            if (l.trim().equals("READY")) {
              ready.complete(null);
            }
          }
        } catch (IOException ignored) {
          // the child ended
        }
      }, "child-cn2");
      reader.setDaemon(true);
      reader.start();
      ready.get(180, TimeUnit.SECONDS);

      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      Path profile = Files.createTempDirectory(dir, "chromium");
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
          "--disable-background-networking", "--disable-component-update", "--no-first-run",
          "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
      driver = new ChromeDriver(new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build(), options);
      // the page re-renders its tables on every push: an element found a moment ago may be
      // replaced before it is read, so waits retry on a stale element and reads go through
      // one script call that sees a single rendering
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
      wait.ignoring(StaleElementReferenceException.class);
      driver.get(a.url());
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
      driver.findElement(By.id("login-user")).sendKeys("admin");
      driver.findElement(By.id("login-password")).sendKeys(ConsoleTestNode.ADMIN_PW, Keys.ENTER);
      wait.until(d -> d.findElement(By.id("nodes")).getText().contains("cn2")
          && d.findElement(By.id("overview-summary")).getText().startsWith("2 live of 2"));
      JavascriptExecutor js = (JavascriptExecutor) driver;
      // the page records when the row of cn2 first shows it as left
      js.executeScript("window.leftAt = null; new MutationObserver(() => {"
          + " const rows = [...document.querySelectorAll('#nodes tbody tr')];"
          + " const r = rows.find((x) => x.textContent.startsWith('cn2'));"
          + " if (r && r.textContent.includes('left') && window.leftAt === null)"
          + " window.leftAt = Date.now(); }).observe(document.getElementById('nodes'),"
          + " { childList: true, subtree: true, characterData: true });");

      CompletableFuture<Long> noticed = new CompletableFuture<>();
      a.node.services().service(ClusterMembership.class).orElseThrow()
          .onLeave(id -> noticed.complete(System.currentTimeMillis()));
      ProcessHandle h = child.toHandle();
      assertEquals(0, new ProcessBuilder("kill", "-9", String.valueOf(h.pid())).start()
          .waitFor());
      long noticedAt = noticed.get(120, TimeUnit.SECONDS);
      wait.until(d -> js.executeScript("return window.leftAt") != null);
      long leftAt = ((Number) js.executeScript("return window.leftAt")).longValue();
      assertTrue(leftAt - noticedAt < 1000, "the page showed cn2 left " + (leftAt - noticedAt)
          + " ms after Hazelcast noticed");
      String row = (String) js.executeScript("const r = [...document.querySelectorAll("
          + "'#nodes tbody tr')].find((x) => x.innerText.startsWith('cn2'));"
          + " return r ? r.innerText : null;");
      assertTrue(row != null && !row.contains("RUNNING"), "a dead node shows no worker state: "
          + row);
      wait.until(d -> String.valueOf(js.executeScript(
          "return document.getElementById('overview-summary').innerText;"))
          .startsWith("1 live of 2"));
    } finally {
      if (driver != null) {
        driver.quit();
      }
      if (child != null && child.isAlive()) {
        child.destroyForcibly();
      }
    }
  }
}

package dev.sessionflow.worker.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's chromium and chromedriver) on the service: sign-in, waits, the
 * axe-core check and screenshots. Missing binaries fail the test: nothing skips itself.
 */
final class Browser implements AutoCloseable {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String TIME_ZONE = "Asia/Tokyo";

  private static String axeSource;

  final ChromeDriver driver;
  private final String base;

  Browser(int port) {
    this(port, List.of());
  }

  /** With extra Chromium switches (host names mapped to loopback addresses, say). */
  Browser(int port, List<String> switches) {
    assertThat(new File(CHROMIUM)).as("apt-get install chromium").exists();
    assertThat(new File(CHROMEDRIVER)).as("apt-get install chromium-driver").exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
    options.addArguments(switches);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            // The browser's own time zone, not the service's: pages must show times in it.
            .withEnvironment(Map.of("TZ", TIME_ZONE))
            .build();
    this.driver = new ChromeDriver(service, options);
    this.base = "http://localhost:" + port;
  }

  Browser open(String path) {
    driver.get(base + path);
    return this;
  }

  Browser signIn(String identity) {
    open("/login");
    driver.findElement(By.cssSelector("label[for='identity-" + identity + "']")).click();
    driver.findElement(By.id("sign-in")).click();
    until(d -> d.getCurrentUrl().endsWith("/inbox"));
    return this;
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits until an element exists whose text contains {@code text}, and answers it. */
  WebElement awaitText(String css, String text) {
    return until(
        d ->
            d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.getText().contains(text))
                .findFirst()
                .orElse(null));
  }

  WebElement await(String css) {
    until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    return find(css);
  }

  void awaitGone(String css) {
    until(d -> d.findElements(By.cssSelector(css)).isEmpty());
  }

  <T> T until(ExpectedCondition<T> condition) {
    // Live fragments replace elements under the test's feet: look again when one went stale.
    return new WebDriverWait(driver, WAIT, Duration.ofMillis(100))
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  /** Marks the page: a reload would lose the mark, so a test can prove none happened. */
  void mark() {
    driver.executeScript("window.__noReload = true;");
  }

  /** The id of the element that has the keyboard focus. */
  String focused() {
    return (String) driver.executeScript("return document.activeElement.id;");
  }

  boolean stillMarked() {
    return Boolean.TRUE.equals(driver.executeScript("return window.__noReload === true;"));
  }

  /** Injects axe-core and fails on any serious or critical violation of the page as it is. */
  void assertAccessible(String page) {
    assertThat(
            violations(page).stream()
                .filter(v -> List.of("serious", "critical").contains(v.get("impact")))
                .toList())
        .as("serious or critical axe violations on " + page)
        .isEmpty();
  }

  /** Fails on any axe-core violation at all, minor ones included. */
  void assertNoAxeViolations(String page) {
    assertThat(violations(page)).as("axe violations on " + page).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> violations(String page) {
    driver.executeScript(axe());
    Map<String, Object> results =
        (Map<String, Object>)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done({violations: r.violations.map(v => ({id: v.id,"
                        + " impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.map(n => n.html).slice(0, 3)}))}))"
                        + ".catch(e => done({error: String(e)}));");
    assertThat(results.get("error")).as("axe on " + page).isNull();
    return (List<Map<String, Object>>) results.get("violations");
  }

  private static synchronized String axe() {
    if (axeSource == null) {
      try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
        assertThat(in).as("axe.min.js from com.deque.html.axe-core:selenium").isNotNull();
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return axeSource;
  }

  /** Saves a screenshot for the README under docs/images (when the build says where). */
  void screenshot(String name) {
    String dir = System.getProperty("sessionflow.screenshots");
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Path target =
        dir == null ? Path.of("target", name + ".png") : Path.of(dir).resolve(name + ".png");
    try {
      Files.createDirectories(target.getParent());
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}

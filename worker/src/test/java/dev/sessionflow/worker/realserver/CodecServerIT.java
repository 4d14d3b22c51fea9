package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.devserver.TemporalCli;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.workflows.erasure.Erased;
import dev.sessionflow.workflows.session.MessagingSession;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * On a real server, what Temporal stores of a session is ciphertext: the CLI shows it so, and shows
 * the end user's data with the service as its codec server; so does the Web UI, for an admin signed
 * in to the workspace.
 */
class CodecServerIT extends RealServerTestBase {
  private static final String NAME = "Maria Quitéria";

  @Override
  protected Map<String, String> serviceEnv() {
    Map<String, String> env = new HashMap<>(super.serviceEnv());
    env.put("SESSIONFLOW_CODEC_ALLOWED_ORIGINS", temporal.webUi());
    return env;
  }

  private String session() {
    return session("u-1");
  }

  private String session(String endUserId) {
    String conversation = "c-codec-" + System.nanoTime();
    return api.post(
            "/api/v1/conversations/" + conversation + "/messages",
            ApiClient.CHANNEL,
            """
            {"messageId":"m-1","endUserId":"%s","endUserName":"%s","text":"Hello"}"""
                .formatted(endUserId, NAME))
        .expect(202)
        .json()
        .get("sessionId")
        .asText();
  }

  @Test
  void theCliShowsCiphertextWithoutTheCodecAndTheEndUserWithIt() throws Exception {
    String workflowId = MessagingSession.workflowId(session());

    String plain = run(show(workflowId));
    String decoded = run(withCodec(show(workflowId)));

    assertThat(withBase64Decoded(plain)).contains("binary/encrypted").doesNotContain(NAME);
    assertThat(withBase64Decoded(decoded)).contains(NAME).doesNotContain("binary/encrypted");
  }

  @Test
  void afterAnErasureNotEvenTheCodecServerOpensTheirSession() throws Exception {
    String endUser = "u-erased-" + System.nanoTime();
    String workflowId = MessagingSession.workflowId(session(endUser));
    assertThat(withBase64Decoded(run(withCodec(show(workflowId))))).contains(NAME);
    String erasureId =
        api.delete("/api/v1/end-users/" + endUser, ApiClient.ADMIN)
            .expect(202)
            .json()
            .get("erasureId")
            .asText();

    Erased erased = temporal.client().newUntypedWorkflowStub(erasureId).getResult(Erased.class);

    assertThat(erased.dataKeysDestroyed()).isEqualTo(1);
    String shown = withBase64Decoded(run(withCodec(show(workflowId))));
    assertThat(shown).contains("binary/encrypted", "encryption-data-key-id").doesNotContain(NAME);
  }

  private List<String> show(String workflowId) {
    return List.of(
        TemporalCli.path(),
        "workflow",
        "show",
        "-w",
        workflowId,
        "--address",
        temporal.address(),
        "-o",
        "json");
  }

  private List<String> withCodec(List<String> command) {
    List<String> withCodec = new ArrayList<>(command);
    withCodec.addAll(
        List.of(
            "--codec-endpoint",
            "http://127.0.0.1:" + service.port() + "/codec",
            "--codec-auth",
            "Bearer " + ApiClient.ADMIN));
    return withCodec;
  }

  @Test
  void theWebUiShowsTheDecodedInputToASignedInAdmin() throws Exception {
    String workflowId = MessagingSession.workflowId(session());
    String runId =
        temporal.client().newUntypedWorkflowStub(workflowId).describe().getExecution().getRunId();
    ChromeDriver browser = chromium();
    try {
      String workspace = "http://127.0.0.1:" + service.port();
      browser.get(workspace + "/login");
      browser.findElement(By.cssSelector("label[for='identity-dev-admin']")).click();
      browser.findElement(By.id("sign-in")).click();
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(d -> d.getCurrentUrl().endsWith("/inbox"));
      // The Web UI's own codec settings (its "Codec Server" dialog), kept in its local storage.
      browser.get(temporal.webUi() + "/namespaces/default/workflows");
      browser.executeScript(
          "localStorage.setItem('endpoint', JSON.stringify(arguments[0]));"
              + "localStorage.setItem('includeCredentials', 'true');"
              + "localStorage.setItem('overrideRemoteCodecConfiguration', 'true');",
          workspace + "/codec");
      browser.get(
          temporal.webUi()
              + "/namespaces/default/workflows/"
              + workflowId
              + "/"
              + runId
              + "/history");
      new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(250))
          .until(d -> d.findElement(By.tagName("body")).getText().contains(NAME));
      screenshot(browser, "temporal-web-ui-decoded");
    } finally {
      browser.quit();
    }
  }

  private static ChromeDriver chromium() {
    assertThat(new File("/usr/bin/chromium")).as("apt-get install chromium").exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
    return new ChromeDriver(
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build(),
        options);
  }

  private static void screenshot(ChromeDriver browser, String name) throws IOException {
    String dir = System.getProperty("sessionflow.screenshots");
    Path target = dir == null ? Path.of("target", name + ".png") : Path.of(dir, name + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        target,
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
    return out;
  }

  /** The text with every base64 run it holds decoded beside it. */
  private static String withBase64Decoded(String text) {
    StringBuilder all = new StringBuilder(text);
    Matcher runs = Pattern.compile("[A-Za-z0-9+/]{8,}={0,2}").matcher(text);
    while (runs.find()) {
      try {
        all.append('\n').append(new String(Base64.getDecoder().decode(runs.group())));
      } catch (IllegalArgumentException notBase64) {
        // a word that only looks like base64
      }
    }
    return all.toString();
  }
}

package io.merx.itests.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.itests.cluster.Distribution;
import io.merx.itests.cluster.KarafNode;

/**
 * The console in Debian's headless Chromium, driven by Selenium, against the real distribution run as its own
 * process: a viewer logs in and sees the demo models but no actions, and the server refuses the viewer's activation
 * even with a valid CSRF token; an operator activates a version after confirming; an admin sees a forecast drawn
 * with its intervals, and a hostile string echoed by the server is shown as text, never run. Every console answer
 * carries the Content-Security-Policy. With {@code -Dmerx.console.screenshots=<dir>} it saves the main pages there
 * (docs/images uses them).
 */
class ConsoleIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String MODEL = "forecasting-demand-demo";
    private static final String PASSWORD = "console-test-pw";
    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE = "<img src=x onerror=\"window.__xss=1\">";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path screenshots = screenshotFolder();
    private KarafNode node;
    private WebDriver browser;

    @Test
    void viewersSeeOperatorsActAndNothingHostileRuns() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and its driver are missing: apt-get install -y chromium chromium-driver");
        Path home = Path.of("target/console-node");
        node = KarafNode.create(Distribution.current(), home, "console").bootFeatures("merx-console",
                "merx-forecasting");
        // Users of each role; with a merx-* user present REST creates no first-start admin.
        Files.writeString(node.home().resolve("etc/users.properties"), String.join("\n", "",
                "console-viewer = " + PASSWORD + ",merx-viewer",
                "console-operator = " + PASSWORD + ",merx-operator",
                "console-admin = " + PASSWORD + ",merx-admin", ""), StandardOpenOption.APPEND);
        try (KarafNode running = node) {
            node.start();
            node.awaitReady(START);
            awaitLiveDemo();
            String imported = secondVersion();
            browser = chromium(home.resolve("chromium-profile"));
            try {
                viewerSeesModelsButIsRefused();
                operatorActivates(imported);
                adminSeesAForecastAndHostileTextStaysText();
                consoleAnswersCarryTheSecurityPolicy();
            } finally {
                browser.quit();
            }
        }
        // stopped: keep its logs and data, drop the bundle cache and links (disk is shared)
        node.discardBulk();
    }

    private void viewerSeesModelsButIsRefused() throws Exception {
        logIn("console-viewer");
        WebElement models = await(By.cssSelector("main table"));
        assertTrue(models.getText().contains(MODEL), models.getText());
        screenshot("models");
        browser.get(node.baseUrl() + "/merx/#/models/" + MODEL);
        await(By.cssSelector(".hint"));
        assertTrue(browser.findElements(By.cssSelector("button.activate")).isEmpty(), "no actions for a viewer");
        // The page offers nothing, and the server refuses too: with the session's own CSRF token.
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/session').then(r => r.json()).then(s => fetch('/api/v1/models/" + MODEL
                + "/activate', {method: 'POST', headers: {'Content-Type': 'application/json', 'X-CSRF-Token':"
                + " s.csrfToken}, body: JSON.stringify({version: '1'})})).then(r => done(r.status));");
        assertEquals(403L, status);
        logOut();
    }

    private void operatorActivates(String version) throws Exception {
        logIn("console-operator");
        browser.get(node.baseUrl() + "/merx/#/models/" + MODEL);
        WebElement activate = await(By.cssSelector("button.activate[data-version='" + version + "']"));
        activate.click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-ok")))
                .click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("main"), "live " + version + ";"));
        assertEquals(version, admin("GET", "/api/v1/models/" + MODEL, null).get("aliases").get("live").asText());
        screenshot("model");
        // some traffic for the version's charts: answers, and a failure of the model
        for (int i = 0; i < 20; i++) {
            admin("POST", "/api/v1/models/" + MODEL + "/score", "{\"inputs\": {\"series\": \"SKU-00" + (1 + i % 5)
                    + "\", \"horizon\": 6}}");
        }
        HttpResponse<String> failed = http.send(request("/api/v1/models/" + MODEL + "/score")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\": {\"horizon\": 6}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, failed.statusCode(), failed.body());
        browser.get(node.baseUrl() + "/merx/#/models/" + MODEL + "/versions/" + version);
        new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.cssSelector(".chart canvas")).size() == 3);
        screenshot("version");
        browser.get(node.baseUrl() + "/merx/#/jobs");
        await(By.cssSelector("main table"));
        screenshot("jobs");
        logOut();
    }

    private void adminSeesAForecastAndHostileTextStaysText() throws Exception {
        logIn("console-admin");
        browser.get(node.baseUrl() + "/merx/#/forecast");
        await(By.cssSelector("#forecast-out .chart canvas"));
        // drawn from data: uPlot holds the history and the forecast with both intervals
        Object drawn = ((JavascriptExecutor) browser).executeScript(
                "const c = document.querySelector('#forecast-out .chart').chart;"
                + "return [c.data.length, c.data[1].filter(v => v != null).length,"
                + " c.data[2].filter(v => v != null).length];");
        assertEquals(List.of(7L, 36L, 13L), drawn, "x, history, 4 bounds, forecast: 36 observed, 12 ahead");
        screenshot("forecast");

        WebElement series = browser.findElement(By.id("forecast-series"));
        series.sendKeys(HOSTILE);
        browser.findElement(By.cssSelector("#forecast-form button[type=submit]")).click();
        WebElement error = await(By.cssSelector("#forecast-out [role=alert]"));
        assertTrue(error.getText().contains(HOSTILE), "the server's message names the series as typed: "
                + error.getText());
        assertTrue(browser.findElements(By.cssSelector("#forecast-out img")).isEmpty(), "no element from data");
        assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.__xss;"));
        logOut();
    }

    private void consoleAnswersCarryTheSecurityPolicy() throws Exception {
        for (String path : List.of("/merx/", "/merx/app.js", "/merx/nothing.js")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self'")
                    && !policy.contains("unsafe"), path + ": " + policy);
        }
    }

    private void logIn(String user) {
        browser.get(node.baseUrl() + "/merx/");
        await(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"),
                user));
        assertFalse(browser.getCurrentUrl().contains(PASSWORD), "no credentials in the URL");
        Object stored = ((JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie;");
        assertFalse(String.valueOf(stored).contains(PASSWORD), "nothing readable by scripts holds the password");
        assertFalse(String.valueOf(stored).contains("MERX_SESSION"), "the session cookie is HttpOnly");
    }

    private void logOut() {
        browser.findElement(By.id("logout")).click();
        await(By.id("login-user"));
    }

    private WebElement await(By by) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits until the forecasting demo is live. Readiness alone does not promise it: the kind registers once ND4J
     * has loaded, which may be after the node first answers ready.
     */
    private void awaitLiveDemo() throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            HttpResponse<String> answer = http.send(request("/api/v1/models/" + MODEL).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && JSON.readTree(answer.body()).path("aliases").hasNonNull("live")) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, MODEL + " never went live: " + answer.body());
            Thread.sleep(500);
        }
    }

    /** A copy of the live version, imported as a new version of the same model, for the operator to activate. */
    private String secondVersion() throws Exception {
        String live = admin("GET", "/api/v1/models/" + MODEL, null).get("aliases").get("live").asText();
        HttpResponse<byte[]> archive = http.send(request("/api/v1/models/" + MODEL + "/versions/" + live + "/export")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, archive.statusCode());
        HttpResponse<String> imported = http.send(request("/api/v1/models/import?name=" + MODEL)
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(archive.body())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, imported.statusCode(), imported.body());
        return JSON.readTree(imported.body()).get("version").asText();
    }

    private JsonNode admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json").method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("console-admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /** Debian's Chromium and driver, named explicitly so that Selenium Manager never downloads either. */
    private static WebDriver chromium(Path profile) throws Exception {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private void screenshot(String page) throws Exception {
        if (screenshots == null) {
            return;
        }
        Files.createDirectories(screenshots);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, screenshots.resolve("console-" + page + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path screenshotFolder() {
        String folder = System.getProperty("merx.console.screenshots", "");
        return folder.isBlank() ? null : Path.of(folder).toAbsolutePath();
    }
}

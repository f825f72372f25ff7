package io.tokenconsole.cli;

import io.tokenconsole.workflow.RecordedTokenIssuer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.emulator.TokenMint;
import io.tokenconsole.link.LinkAudit;
import io.tokenconsole.link.LinkEvent;
import io.tokenconsole.link.LinkHost;
import io.tokenconsole.link.LinkOptions;
import io.tokenconsole.link.LinkPageBuilder;
import io.tokenconsole.link.LinkSession;
import io.tokenconsole.link.SandboxKeyTokenCheck;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEntry;
import io.tokenconsole.store.AuditQuery;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.testing.Sandboxes;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Link end to end in a real headless Chromium: the console's page, the local sandbox's stand-in,
 * the callbacks arriving in the console, and a fresh token when Link finds its token expired.
 * Needs Debian's {@code chromium} and {@code chromium-driver}; without them it is skipped.
 */
class LinkBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("link.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("link.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WebDriver browser;
    private static LocalSandbox sandbox;
    private static ArgyleClient client;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String how = "Skipping the Link browser tests: they need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ". Install them with 'apt-get install chromium chromium-driver' (.ci/run does), then run ./mvnw verify.";
            System.err.println(how);
            Assumptions.assumeTrue(false, how);
        }
        sandbox = Sandboxes.start();
        client = Sandboxes.clientFor(sandbox);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--window-size=1100,760",
                // Every address but this machine's goes to a closed port: the test stays offline, and
                // Argyle's script fails to load as it would behind a blocking proxy.
                "--proxy-server=http://127.0.0.1:9",
                "--user-data-dir=" + Files.createTempDirectory(dataDir, "chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theConsoleSeesTheAccountConnectedWithTheSessionsUser() throws Exception {
        String user = newUser();
        LiveRun link = LiveRun.start(Map.of(), "link", "--env", "local", "--user", user, "--json",
                "--data-dir", dataDir.toString(), "--base-url", sandbox.baseUrl().toString(),
                "--api-key-id", sandbox.apiKey().id(), "--api-key-secret", sandbox.apiKey().secret());
        try {
            String address = link.awaitLine(line -> true, WAIT);
            assertTrue(address.startsWith("http://127.0.0.1:"), address);
            browser.get(address);

            assertEquals(LinkPageBuilder.STAND_IN_LABEL, visible(By.id("standin-label")).getText());
            visible(By.cssSelector("[data-item-id='item_local_0001']")).click();
            signIn("test_1", "wrong-password");
            assertTrue(visible(By.cssSelector(".standin-error")).getText().contains("invalid_credentials"));
            link.awaitLine(line -> line.contains("\"onAccountError\""), WAIT);
            screenshotIfAsked("link-stand-in.png");

            signIn("test_1", "passgood");
            enterCode("1234");
            assertTrue(visible(By.cssSelector(".standin-error")).getText().contains("invalid_mfa"));
            enterCode("8081");

            JsonNode connected = JSON.readTree(link.awaitLine(line -> line.contains("\"onAccountConnected\""), WAIT));
            assertEquals(user, connected.get("payload").get("userId").asText(), "Link reports the session's user");
            assertEquals("item_local_0001", connected.get("payload").get("itemId").asText());
            assertEquals("link", connected.get("source").asText());

            visible(By.id("standin-done")).click();
            link.awaitLine(line -> line.contains("\"onClose\""), WAIT);
            assertEquals(0, link.awaitExit(WAIT), "onClose ends the command");
        } finally {
            link.stop();
        }
        List<String> names = link.lines().stream().skip(1).map(LinkBrowserTest::eventName).toList();
        assertEquals(List.of("onAccountCreated", "onAccountError", "onAccountError", "onAccountConnected", "onClose",
                        LinkEvent.SESSION_ENDED),
                names.stream().filter(name -> !name.equals("onUIEvent")).toList(),
                "in the order Link fired them (a wrong password, a wrong code), then the console ends the session");
        try (Workspace workspace = workspace()) {
            List<AuditEntry> connected = rows(workspace, AuditAction.LINK_ACCOUNT_CONNECTED, user);
            assertEquals(1, connected.size());
            assertTrue(connected.get(0).detail().contains("item_local_0001"), connected.get(0).detail());
            assertEquals(1, rows(workspace, AuditAction.TOKEN_ISSUED, user).size(), "the session's first token");
        }
    }

    @Test
    void anExpiredTokenGetsAFreshOneAndLinkCarriesOn() throws Exception {
        String user = newUser();
        String expired = new TokenMint(sandbox.signingKey(), sandbox.apiKey().id(),
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC)).issueFor(user);
        try (CommandWorkspace recorder = recorder();
                LinkHost host = LinkHost.start(LinkHost.Settings.DEFAULT, new RecordedTokenIssuer(client, recorder.recorder()), check())) {
            // One item skips the search: Link goes straight to that employer's sign-in.
            LinkSession session = host.open(Environment.LOCAL, user, expired,
                    LinkOptions.NONE.withItems(List.of("item_local_0002")));
            session.subscribe(new LinkAudit(recorder.recorder()::record));
            browser.get(session.pageAddress().toString());

            signIn("test_2", "passgood");
            assertTrue(visible(By.id("standin-code")).isDisplayed(), "Link carried on with the new token");
            List<String> names = session.events().stream().map(LinkEvent::name).toList();
            assertTrue(names.indexOf("onTokenExpired") >= 0 && names.indexOf("onTokenExpired") < names.indexOf(LinkEvent.FRESH_TOKEN_ISSUED),
                    names.toString());
            enterCode("8082");
            awaitEvent(session, "onAccountConnected");
        }
        try (Workspace workspace = workspace()) {
            List<AuditEntry> issued = rows(workspace, AuditAction.TOKEN_ISSUED, user);
            assertEquals(1, issued.size(), "the fresh token is audited");
            assertTrue(issued.get(0).token().jtiText().isPresent(), "with its jti");
            assertEquals(1, rows(workspace, AuditAction.LINK_ACCOUNT_CONNECTED, user).size());
        }
    }

    @Test
    void withoutAFreshTokenLinkReportsTheExpiredUserToken() throws Exception {
        String user = newUser();
        try (CommandWorkspace recorder = recorder();
                LinkHost host = LinkHost.start(LinkHost.Settings.DEFAULT.withStandInTokenWait(Duration.ofSeconds(1)),
                        (environment, userId) -> {
                            throw new IllegalStateException("Refusing to issue a token here");
                        }, check())) {
            LinkSession session = host.open(Environment.LOCAL, user, client.issueToken(user).userToken(), LinkOptions.NONE);
            session.subscribe(new LinkAudit(recorder.recorder()::record));
            session.expireTokenNow();
            browser.get(session.pageAddress().toString());

            LinkEvent error = awaitEvent(session, "onError");
            assertEquals("expired_user_token", error.payloadText("errorType").orElseThrow());
            assertEquals(user, error.payloadText("userId").orElseThrow());
            List<String> names = session.events().stream().map(LinkEvent::name).toList();
            assertTrue(names.containsAll(List.of("onTokenExpired", LinkEvent.FRESH_TOKEN_FAILED)), names.toString());
            assertTrue(visible(By.cssSelector(".standin-error")).getText().contains("expired"));
        }
        try (Workspace workspace = workspace()) {
            List<AuditEntry> errors = rows(workspace, AuditAction.LINK_ERROR, user);
            assertEquals(1, errors.size());
            assertTrue(errors.get(0).error().orElseThrow().contains("expired_user_token"), errors.get(0).toString());
        }
    }

    @Test
    void whenArgylesScriptCannotLoadThePageAndTheTimelineSaySo() throws Exception {
        try (LinkHost host = LinkHost.start(LinkHost.Settings.DEFAULT, (environment, userId) -> {
            throw new AssertionError("no token is asked for when Link never started");
        }, null)) {
            LinkSession session = host.open(Environment.SANDBOX, "0186b2a8-0000-4000-8000-000000000001",
                    "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoieCJ9.c2ln", LinkOptions.NONE);
            browser.get(session.pageAddress().toString());
            LinkEvent failed = awaitEvent(session, LinkEvent.SCRIPT_LOAD_FAILED);
            assertEquals(LinkPageBuilder.ARGYLE_SCRIPT, failed.payloadText("scriptUrl").orElseThrow());
            assertEquals(LinkEvent.Source.PAGE, failed.source());
            assertTrue(visible(By.id("status")).getText().contains("could not load"), "the page says so");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static String newUser() {
        return client.createUser(new NewUser(null, null, null, null, null, null)).id();
    }

    private static SandboxKeyTokenCheck check() {
        return SandboxKeyTokenCheck.of(sandbox.signingKey().publicKey(), sandbox.signingKey().keyId(), Clock.systemUTC());
    }

    private static CommandWorkspace recorder() {
        WorkspaceOptions options = new WorkspaceOptions();
        options.dataDir = dataDir;
        CommandContext context = new CommandContext(new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(), Clock.systemUTC());
        return CommandWorkspace.open(options, context);
    }

    private static Workspace workspace() {
        return Workspace.open(dataDir.resolve("workspace.db"), Clock.systemUTC(), Operator.fromSystem());
    }

    private static List<AuditEntry> rows(Workspace workspace, AuditAction action, String user) {
        return workspace.audit().find(AuditQuery.EVERYTHING.action(action).user(user));
    }

    private static void signIn(String username, String password) {
        WebElement name = visible(By.id("standin-username"));
        name.clear();
        name.sendKeys(username);
        browser.findElement(By.id("standin-password")).sendKeys(password);
        browser.findElement(By.id("standin-sign-in")).click();
    }

    private static void enterCode(String code) {
        WebElement field = visible(By.id("standin-code"));
        field.sendKeys(code);
        browser.findElement(By.id("standin-submit-code")).click();
    }

    private static WebElement visible(By what) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private static LinkEvent awaitEvent(LinkSession session, String name) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (LinkEvent event : session.events()) {
                if (event.name().equals(name)) {
                    return event;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + name + " in " + session.events().stream().map(LinkEvent::name).toList());
    }

    private static String eventName(String jsonLine) {
        try {
            return JSON.readTree(jsonLine).get("event").asText();
        } catch (java.io.IOException notJson) {
            throw new AssertionError("not a JSON line: " + jsonLine, notJson);
        }
    }

    /** {@code -Dlink.screenshots=docs} saves the stand-in as the README shows it. */
    private static void screenshotIfAsked(String name) throws java.io.IOException {
        String folder = System.getProperty("link.screenshots");
        if (folder != null) {
            Files.write(Path.of(folder).resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }
}

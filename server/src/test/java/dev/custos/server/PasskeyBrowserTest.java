package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * The sandbox passkey page in a real browser: Debian's chromium, headless, driven by Selenium, with
 * Chrome's virtual authenticator standing in for a phone's (CTAP2, internal, resident keys, user
 * verification on). It enrols a passkey, mints a {@code payments-write} token, uses it; then with
 * user verification off the mint is refused. Never skipped: without chromium and chromedriver it
 * fails saying how to install them ({@code .ci/run} does).
 */
class PasskeyBrowserTest {
  private static final Path CHROMIUM = onPath("chromium");
  private static final Path CHROMEDRIVER = onPath("chromedriver");

  private static CustosServer server;
  private static WebDriver browser;
  private static Path profile;
  private static String base;

  /** The first executable of this name on the PATH (where Debian's packages put them), or null. */
  private static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir).resolve(name);
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @BeforeAll
  static void start() throws Exception {
    assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
        .as(
            "the browser test needs Debian's chromium and chromium-driver (%s, %s): apt-get install"
                + " chromium chromium-driver (.ci/run installs them)",
            CHROMIUM, CHROMEDRIVER)
        .isTrue();
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = free.getLocalPort();
    }
    // Sandbox mode on a known port: passkeys for rp localhost and origin http://localhost:port.
    server = CustosServer.start(CustosServer.options().port(port).shutdownGrace(0));
    base = "http://localhost:" + port;
    profile = Files.createTempDirectory("custos-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // As root on a closed network: no sandbox, and none of Chromium's calls home.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(new File(profile.toFile(), "chromedriver.log"))
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static VirtualAuthenticator authenticator(boolean userVerified) {
    return ((HasVirtualAuthenticator) browser)
        .addVirtualAuthenticator(
            new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(userVerified)
                .setIsUserConsenting(true));
  }

  /** Clicks a button and waits for the page's status to settle; returns it. */
  private static WebElement click(String button) {
    browser.findElement(By.id(button)).click();
    WebElement status = browser.findElement(By.id("status"));
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> List.of("ok", "error").contains(status.getDomAttribute("data-state")));
    return status;
  }

  @Test
  void sandboxPage_enrolMintUseThenWithoutUserVerification_refused() throws Exception {
    VirtualAuthenticator phone = authenticator(true);
    browser.get(base + "/sandbox/passkeys");
    browser.findElement(By.id("org-token")).sendKeys(server.sandboxOrgToken().orElseThrow());

    WebElement enrolled = click("enrol");
    assertThat(enrolled.getText()).as(enrolled.getText()).startsWith("Enrolled passkey ");
    assertThat(enrolled.getDomAttribute("data-state")).isEqualTo("ok");
    assertThat(phone.getCredentials()).hasSize(1);

    WebElement minted = click("mint");
    assertThat(minted.getDomAttribute("data-state")).as(minted.getText()).isEqualTo("ok");
    String token = browser.findElement(By.id("token")).getText().trim();
    assertThat(token).startsWith("v2.public.");

    WebElement used = click("use");
    assertThat(used.getText()).contains("payments-write", "verified by passkey");
    HttpResponse<String> identity =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/identity"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(identity.statusCode()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> attributes =
        (Map<String, Object>)
            ((Map<String, Object>)
                    com.nimbusds.jose.util.JSONObjectUtils.parse(identity.body()).get("data"))
                .get("attributes");
    assertThat(attributes)
        .containsEntry("scope", "payments-write")
        .containsEntry("twoFactor", true)
        .containsEntry("twoFactorMethod", "passkey");

    phone.setUserVerified(false);
    WebElement refused = click("mint");
    // The browser refuses first: the server's options require user verification.
    assertThat(refused.getDomAttribute("data-state")).isEqualTo("error");
    assertThat(refused.getText()).contains("not allowed");
    assertThat(browser.findElement(By.id("token")).getText().trim()).isEqualTo(token);

    // A front end that asks the authenticator for no verification gets an assertion without
    // the UV flag, and the server refuses it.
    assertThat(String.valueOf(mintAskingForNoUserVerification()))
        .startsWith("400 passkey_user_not_verified");
  }

  /** The page's mint, with {@code userVerification: "discouraged"} forced on the browser. */
  private static Object mintAskingForNoUserVerification() {
    return ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const org = document.getElementById('org-token').value.trim();"
                + "(async () => {"
                + "  const started = await api('POST', '/customers/100001/token/verification', org,"
                + "    {data: {type: 'customerTokenVerification', attributes: {channel: 'passkey'}}});"
                + "  const o = started.data.attributes.publicKey;"
                + "  const assertion = await navigator.credentials.get({publicKey: {...o,"
                + "    challenge: fromB64u(o.challenge),"
                + "    allowCredentials: descriptors(o.allowCredentials),"
                + "    userVerification: 'discouraged'}});"
                + "  await api('POST', '/customers/100001/token', org, {data: {type: 'customerToken',"
                + "    attributes: {scope: 'payments-write',"
                + "      verificationToken: started.data.attributes.verificationToken,"
                + "      passkeyAssertion: credentialJson(assertion)}}});"
                + "  return 'minted';"
                + "})().then(done, (e) => done(e.message || String(e)));");
  }
}

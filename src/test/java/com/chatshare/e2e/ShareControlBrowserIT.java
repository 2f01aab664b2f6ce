package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.OwnSpringContext;
import com.chatshare.TestClock;
import com.chatshare.sharing.ShareToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Issue 14's journey: alice pastes an OpenAI key into a chat, the share dialog flags it next to
 * the message, she leaves it out and shares with bob only, for one day. Bob reads the snapshot on
 * the signed-in page without the key; mod, signed in but not listed, and a signed-out browser get
 * exactly what an unknown link gets. Then the application's clock moves past the expiry (no
 * sleeping): bob gets the unknown-link answer too and alice's links grid says "Expired". Its own
 * Spring context (the movable clock), closed after it, with the shared context's security strategy
 * given back ({@link OwnSpringContext}).
 */
@OwnSpringContext
@Import(ShareControlBrowserIT.MovableClock.class)
class ShareControlBrowserIT extends BrowserJourney {

    /** From the detector's corpus (SnapshotCheckCorpus): an OpenAI project key it must flag. */
    static final String KEY = "sk-proj-mXmeyNdaKTGoeszaDGHxFAQLVeuzU-XFXO-eF28RlHnqzgsBH-5qWgnGV21q4Cl"
            + "swscCTf07I8T3BlbkFJPjUhmi2ogviaNfrWta57_cLkIFKaEaTopYW5LSQdGrKNB4di4RX2G1zdW8FXpCEyGjFl6gdyK2";
    /** A piece of the key's secret part that no mask shows. */
    static final String SECRET = "mXmeyNdaKTGoeszaDGHxFAQLVeuzU";

    /** The application's clock, replaced here so the test can move it past the expiry. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {

        @Bean
        @Primary
        TestClock movableClock() {
            return new TestClock();
        }
    }

    @Autowired
    TestClock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_link_for_bob_for_one_day_without_the_key_message() throws Exception {
        WebDriver alice = openBrowser();
        WebDriverWait aliceWait = waitFor(alice);
        signIn(alice, "alice", "alice-password");
        send(alice, aliceWait, "Which trail should we hike on Saturday?");
        send(alice, aliceWait, "My key is " + KEY + ", why does it fail?");
        send(alice, aliceWait, "And what should we pack for the hike?");

        alice.findElement(By.id("header-share")).click();
        aliceWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-title")));
        List<WebElement> findings = alice.findElements(By.cssSelector("#share-preview .share-finding"));
        assertThat(findings).isNotEmpty().allSatisfy(finding -> assertThat(finding.getText())
                .startsWith("Looks like an OpenAI API key: sk-proj-").doesNotContain(SECRET));
        // The key's message itself is flagged (the demo assistant's echo of it may be too).
        WebElement keyMessage = alice.findElement(By.xpath("//div[contains(@class,'preview-message') "
                + "and .//*[contains(@class,'share-finding')] and contains(normalize-space(), 'My key is')]"));
        assertThat(keyMessage.getText()).contains("Leave out");
        int flagged = findings.size();
        Browser.screenshot(alice, "60-share-dialog-key-flagged");

        String leaveOut = "//div[contains(@class,'preview-message') and not(contains(@class,'not-shared'))]"
                + "//vaadin-button[normalize-space()='Leave out']";
        for (int left = flagged - 1; left >= 0; left--) {
            clickInDialog(alice, aliceWait, alice.findElement(By.xpath(leaveOut)));
            int remaining = left;
            aliceWait.until(d -> d.findElements(By.xpath(leaveOut)).size() == remaining);
        }
        assertThat(alice.findElement(By.id("share-choice-summary")).getText())
                .isEqualTo((6 - flagged) + " of 6 messages will be shared.");

        choose(alice, aliceWait, "share-audience", "Specific people");
        WebElement people = aliceWait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#share-people input")));
        people.sendKeys("bob");
        aliceWait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-multi-select-combo-box-item[normalize-space()='bob']")));
        people.sendKeys(Keys.ENTER);
        people.sendKeys(Keys.ESCAPE);
        aliceWait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                "const items = document.getElementById('share-people').selectedItems;"
                        + "return items.length + ':' + JSON.stringify(items);")).matches("1:.*\\bbob\\b.*"));
        choose(alice, aliceWait, "share-expires", "In 1 day");
        Browser.screenshot(alice, "61-share-dialog-bob-one-day");

        alice.findElement(By.id("copy-link")).click();
        // The link is made: it shows in its own field, with its own Copy button.
        aliceWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("copy-url")));
        String url = alice.findElement(By.cssSelector("#share-url input")).getDomProperty("value");
        String path = URI.create(url).getPath();
        assertThat(path).matches("/share/[A-Za-z0-9_-]{22}/view");
        String token = path.substring("/share/".length(), "/share/".length() + ShareToken.LENGTH);
        String unknown = ShareToken.generate().value();
        Browser.screenshot(alice, "62-share-dialog-shared");

        // Bob, listed, reads the snapshot on the signed-in page; the key is nowhere in it.
        WebDriver bob = openBrowser();
        WebDriverWait bobWait = waitFor(bob);
        signIn(bob, "bob", "bob-password");
        bob.get(url);
        bobWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shared-chat-messages")));
        String title = bob.findElement(By.id("shared-chat-title")).getText();
        assertThat(bob.findElement(By.id("shared-chat-meta")).getText()).startsWith("Shared anonymously"); // the dialog's default attribution
        assertThat(bob.findElement(By.id("shared-chat-messages")).getText())
                .contains("Which trail should we hike on Saturday?", "And what should we pack for the hike?",
                        flagged == 1 ? "1 message not shared" : flagged + " messages not shared")
                .doesNotContain("My key is");
        assertThat(bob.getPageSource()).doesNotContain(SECRET, "sk-proj-");
        Browser.screenshot(bob, "63-bob-reads-restricted-link");
        // The public page is not session-aware: a restricted link is unknown there, even to bob.
        assertSamePageAsUnknown(bob, "/share/" + token, "/share/" + unknown);

        // Mod is signed in but not listed: the same answer as a link that does not exist.
        WebDriver mod = openBrowser();
        signIn(mod, "mod", "mod-password");
        String modSees = notAvailableText(mod, token);
        assertThat(modSees).isEqualTo(notAvailableText(mod, unknown))
                .contains("This shared chat is not available.").doesNotContain(title, "trail");
        Browser.screenshot(mod, "64-mod-not-in-audience");
        assertSamePageAsUnknown(mod, "/share/" + token, "/share/" + unknown);

        // Signed out: the public page and the Markdown download answer 404 byte for byte as for an
        // unknown token; the signed-in page asks to sign in, as it does for every token.
        WebDriver anonymous = openBrowser();
        assertSamePageAsUnknown(anonymous, "/share/" + token, "/share/" + unknown);
        Browser.screenshot(anonymous, "65-anonymous-public-page");
        assertSameHttpAnswerAsUnknown("/share/" + token, "/share/" + unknown);
        assertSameHttpAnswerAsUnknown("/share/" + token + ".md", "/share/" + unknown + ".md");
        anonymous.get(url);
        waitFor(anonymous).until(ExpectedConditions.urlContains("/login"));

        // Past the expiry: bob's link is gone like an unknown one, and alice's grid says so.
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        String bobSees = notAvailableText(bob, token);
        assertThat(bobSees).isEqualTo(notAvailableText(bob, unknown))
                .doesNotContain(title, "trail");
        Browser.screenshot(bob, "66-bob-after-expiry");
        assertSameHttpAnswerAsUnknown("/share/" + token, "/share/" + unknown);

        alice.get(url("/settings/data-controls"));
        aliceWait.until(ExpectedConditions.elementToBeClickable(By.id("manage-links"))).click();
        aliceWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("links-grid"), "Expired"));
        // Her row at 1280 px: title, status, shared, views, who can open it, expires (Updated and
        // Shared as show only in windows at least 1440 px wide).
        assertThat(alice.findElement(By.id("links-grid")).getText()).containsPattern(java.util.regex.Pattern.quote(title)
                + "\\nExpired\\n(?:[^\\n]*\\n){2}Specific people(?:\\n|$)");
        Browser.screenshot(alice, "67-links-grid-expired");
    }

    /**
     * Opens a token's signed-in page, which should not be available, and returns what it says, with
     * the token (Vaadin's not-found page repeats the address) written as TOKEN.
     */
    private String notAvailableText(WebDriver driver, String token) {
        driver.get(url("/share/" + token + "/view"));
        waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "This shared chat is not available."));
        assertThat(driver.findElements(By.id("shared-chat-messages"))).isEmpty();
        return driver.findElement(By.tagName("body")).getText().replace(token, "TOKEN");
    }

    private void assertSamePageAsUnknown(WebDriver driver, String path, String unknownPath) {
        driver.get(url(unknownPath));
        String unknown = driver.getPageSource();
        driver.get(url(path));
        assertThat(driver.getPageSource()).isEqualTo(unknown).doesNotContain(SECRET, "trail");
    }

    private void assertSameHttpAnswerAsUnknown(String path, String unknownPath) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = get(path);
        HttpResponse<byte[]> unknown = get(unknownPath);
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo(unknown.body());
        assertThat(headersWithoutDate(answer)).isEqualTo(headersWithoutDate(unknown));
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, List<String>> headersWithoutDate(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        return headers;
    }
    private static void send(WebDriver driver, WebDriverWait wait, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message-input textarea")));
        input.sendKeys(text, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stop")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
    }
}

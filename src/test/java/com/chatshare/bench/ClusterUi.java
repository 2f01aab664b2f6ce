package com.chatshare.bench;

import com.chatshare.e2e.Browser;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person in headless Chromium, using the application through nginx: signing in on a chosen
 * node, chatting, sharing. The selectors are the browser journeys' (com.chatshare.e2e).
 */
final class ClusterUi implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The end of every answer of the offline demo assistant. */
    static final String ANSWER_END = "configure an OpenAI-compatible endpoint for real answers";
    private static final Pattern CHAT_URL = Pattern.compile(".*/chat/(\\d+)$");

    final WebDriver driver;
    final WebDriverWait wait;
    private final String base;

    ClusterUi(String base) {
        this.base = base;
        this.driver = Browser.start();
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    /**
     * Signs in through nginx with a session held by the given node. nginx sends a request without
     * a session to any node, so the login page is loaded again until a session of that node
     * comes back.
     */
    void signInOn(String node, String username, String password) {
        for (int attempt = 0; attempt < 10; attempt++) {
            driver.get(base + "/login");
            if (node.equals(sessionNode().orElse(null))) {
                signIn(username, password);
                if (!node.equals(sessionNode().orElse(null))) {
                    throw new IllegalStateException("signed in, but the session moved to " + sessionNode());
                }
                return;
            }
            driver.manage().deleteAllCookies();
        }
        throw new IllegalStateException("no session on node " + node + " after 10 tries");
    }

    /** Signs in on whichever node nginx chooses. */
    void signIn(String username, String password) {
        if (!driver.getCurrentUrl().contains("/login")) {
            driver.get(base + "/login");
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#login-form input[name='username']"))).sendKeys(username);
        driver.findElement(By.cssSelector("#login-form input[name='password']")).sendKeys(password, Keys.ENTER);
        // The chat view: the welcome, or the conversation asked for before the sign-in page.
        wait.until(d -> !d.getCurrentUrl().contains("/login")
                && !d.findElements(By.cssSelector("#message-input textarea")).isEmpty());
    }

    /** The node that holds this browser's session, from the suffix of its session cookie. */
    Optional<String> sessionNode() {
        Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
        if (cookie == null || !cookie.getValue().contains(".node")) {
            return Optional.empty();
        }
        return Optional.of(cookie.getValue().substring(cookie.getValue().lastIndexOf(".node") + 5));
    }

    /** Opens the chat view with no conversation selected: the next message starts a new chat. */
    void newChat() {
        driver.get(base + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
    }

    /**
     * Sends a message and waits until it is acknowledged: the assistant's whole answer is shown and
     * Send is back (the answer is stored before the UI hears that the stream ended).
     */
    void sendAndAwaitAnswer(String text) {
        int answers = answers();
        typeAndSend(text);
        // Looked at every 20 ms (not Selenium's 500): a kill right after this returns is right after the answer showed.
        new WebDriverWait(driver, PATIENCE, Duration.ofMillis(20))
                .until(d -> answers() > answers && d.findElement(By.id("send")).isDisplayed());
    }

    void typeAndSend(String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#message-input textarea")));
        input.sendKeys(text, Keys.ENTER);
    }

    /** How many complete answers of the demo assistant the conversation shows. */
    int answers() {
        String text = driver.findElements(By.id("messages")).stream().findFirst().map(WebElement::getText).orElse("");
        int count = 0;
        for (int i = text.indexOf(ANSWER_END); i >= 0; i = text.indexOf(ANSWER_END, i + 1)) {
            count++;
        }
        return count;
    }

    String messagesText() {
        return driver.findElement(By.id("messages")).getText();
    }

    /** The id of the conversation shown, from the address bar. */
    long conversationId() {
        Matcher matcher = CHAT_URL.matcher(driver.getCurrentUrl());
        if (!matcher.matches()) {
            throw new IllegalStateException("not in a conversation: " + driver.getCurrentUrl());
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Shares the conversation shown (Share → Copy Link) and returns the link. */
    String share() {
        driver.findElement(By.id("header-share")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("copy-link"))).click();
        // The link is made: it shows in its own field, with its own Copy button.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("copy-url")));
        String url = driver.findElement(By.cssSelector("#share-url input")).getDomProperty("value");
        driver.findElement(By.xpath("//vaadin-button[normalize-space()='Close']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("share-dialog")));
        return url;
    }

    /** Clicks an element as a script would: Selenium misjudges items in Vaadin's overlays as hidden. */
    void scriptClick(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
    }

    void screenshot(String name) {
        try {
            Browser.screenshot(driver, name);
        } catch (RuntimeException e) {
            // A screenshot is a by-product; the measurement goes on without it.
        }
    }

    String url(String path) {
        return base + path;
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package com.chatshare.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the browser journeys: browsers that close themselves, URLs, and signing in. */
@BrowserTest
abstract class BrowserJourney {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    private final List<WebDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
        browsers.clear();
    }

    WebDriver openBrowser(String... extraArguments) {
        WebDriver driver = Browser.start(extraArguments);
        browsers.add(driver);
        return driver;
    }

    static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, PATIENCE);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Fills in the login form on the current page and submits it. */
    static void submitLogin(WebDriver driver, String username, String password) {
        waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#login-form input[name='username']"))).sendKeys(username);
        driver.findElement(By.cssSelector("#login-form input[name='password']")).sendKeys(password, Keys.ENTER);
    }

    /** Opens the login page, signs in and waits for the chat view. */
    void signIn(WebDriver driver, String username, String password) {
        driver.get(url("/login"));
        submitLogin(driver, username, password);
        waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
    }

    /**
     * Fills in the registration form (opening it unless the browser is on it, as after the sign-in
     * page's "Create an account" link) and creates the account, which signs it in.
     */
    void register(WebDriver driver, WebDriverWait wait, String username, String displayName, String password) {
        if (!driver.getCurrentUrl().contains("/register")) {
            driver.get(url("/register"));
        }
        type(wait, By.cssSelector("#username input"), username);
        type(wait, By.cssSelector("#display-name input"), displayName);
        type(wait, By.cssSelector("#password input"), password);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("create-account"))).click();
    }

    /** Replaces a visible field's text. */
    /**
     * Clicks an element inside a scrolling dialog, scrolled to the middle first as a person scrolls
     * to it: Selenium's own scrolling brings it to the edge, where the dialog's footer covers it.
     */
    static void clickInDialog(WebDriver driver, WebDriverWait wait, WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    static void type(WebDriverWait wait, By locator, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        field.clear();
        field.sendKeys(text);
    }

    /** The chat's messages as the page shows them. */
    static String messagesText(WebDriver driver) {
        return driver.findElement(By.id("messages")).getText();
    }

    /** The text of the last answer shown. */
    static String lastAnswer(WebDriver driver) {
        return entries(driver, ".from-assistant").getLast().findElement(By.className("chat-message-content")).getText();
    }

    /** The messages shown of a kind ({@code .from-user}, {@code .from-assistant}), oldest first. */
    static List<WebElement> entries(WebDriver driver, String kind) {
        return driver.findElements(By.cssSelector("#messages .chat-message" + kind));
    }

    /** A button of the {@code index}th message of a kind, by its label, once it is there. */
    static WebElement messageButton(WebDriver driver, WebDriverWait wait, String kind, int index, String label) {
        return wait.until(d -> {
            List<WebElement> found = entries(d, kind);
            if (found.size() <= index) {
                return null;
            }
            List<WebElement> buttons = found.get(index).findElements(
                    By.cssSelector("vaadin-button[aria-label='" + label + "']"));
            return buttons.isEmpty() ? null : buttons.getFirst();
        });
    }

    /** "2 / 3": the version the {@code index}th message of a kind shows. */
    static String versionOf(WebDriver driver, String kind, int index) {
        return entries(driver, kind).get(index).findElement(By.className("version-number")).getText();
    }

    /** Opens a Select by id and picks the item whose label starts with {@code label}. */
    static void choose(WebDriver driver, WebDriverWait wait, String id, String label) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-select-item[starts-with(normalize-space(), '" + label + "')]")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", item);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), label));
    }
}

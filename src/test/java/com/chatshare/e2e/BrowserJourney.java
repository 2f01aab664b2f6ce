package com.chatshare.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
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
}

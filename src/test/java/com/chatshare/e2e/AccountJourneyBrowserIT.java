package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Register, sign in, see the main layout, sign out: in a real headless Chromium. */
class AccountJourneyBrowserIT extends BrowserJourney {

    WebDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        driver = openBrowser();
        wait = waitFor(driver);
    }

    @Test
    void a_new_user_registers_is_signed_in_sees_the_main_layout_signs_out_and_in_again() {
        driver.get(url("/register"));
        type(By.cssSelector("#username input"), "carol");
        type(By.cssSelector("#display-name input"), "Carol Browser");
        type(By.cssSelector("#password input"), "carols-long-password");
        Browser.screenshot(driver, "01-register");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("create-account"))).click();

        // Registered is signed in: straight to a new chat.
        WebElement welcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        assertThat(welcome.getText()).isEqualTo("Welcome, Carol Browser");
        assertThat(driver.findElement(By.id("main-nav")).getText()).contains("Chats").doesNotContain("Users");
        assertThat(driver.findElement(By.id("new-chat")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("user-menu")).getText()).contains("Carol Browser");
        Browser.screenshot(driver, "03-main-layout");

        driver.findElement(By.cssSelector("#user-menu vaadin-menu-bar-button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();

        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        Browser.screenshot(driver, "04-signed-out");
        driver.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
        submitLogin(driver, "carol", "carols-long-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
    }

    @Test
    void a_wrong_password_shows_an_error_on_the_login_page() {
        driver.get(url("/login"));
        submitLogin(driver, "alice", "not-alices-password");

        wait.until(ExpectedConditions.urlContains("/login?error"));
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role='alert']")));
        assertThat(error.getText()).contains("Sign-in failed")
                .contains("Check that you have entered the correct username and password and try again.");
        // The username stays; only the password is typed again, and the cursor is already there.
        assertThat(driver.findElement(By.cssSelector("#login-form input[name='username']")).getDomProperty("value"))
                .isEqualTo("alice");
        WebElement password = driver.findElement(By.cssSelector("#login-form input[name='password']"));
        assertThat(password.getDomProperty("value")).isEmpty();
        assertThat(driver.switchTo().activeElement()).isEqualTo(password);
        Browser.screenshot(driver, "05-login-error");
    }

    private void type(By locator, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        field.clear();
        field.sendKeys(text);
    }

}

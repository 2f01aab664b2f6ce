package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Sign in, start a chat, watch the streamed answer, rename the chat: in headless Chromium. */
class ChatJourneyBrowserIT extends BrowserJourney {

    WebDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        driver = openBrowser();
        wait = waitFor(driver);
    }

    @Test
    void a_user_starts_a_chat_gets_a_streamed_answer_and_renames_it() {
        signIn(driver, "bob", "bob-password");

        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message-input textarea")));
        input.sendKeys("How do I write a unit test in Java?");
        input.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        input.sendKeys("Keep it short.");
        input.sendKeys(Keys.ENTER);

        // The answer streams in: the Stop button shows while it is being written.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stop")));
        Browser.screenshot(driver, "10-chat-streaming");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
        wait.until(d -> d.findElement(By.id("messages")).getText().contains("offline demo assistant"));
        String conversation = driver.findElement(By.id("messages")).getText();
        assertThat(conversation).contains("How do I write a unit test in Java?", "Keep it short.", "public class Example");
        assertThat(driver.findElement(By.id("assistant-name")).getText()).isEqualTo("Demo assistant (offline)");
        assertThat(driver.getCurrentUrl()).matches(".*/chat/\\d+$");
        assertThat(driver.findElement(By.id("conversation-title")).getText())
                .isEqualTo("How do I write a unit test in Java? Keep it short.");
        Browser.screenshot(driver, "11-chat-answered");

        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".chat-row")));
        new Actions(driver).moveToElement(row).perform();
        WebElement share = row.findElement(By.cssSelector(".chat-row-share"));
        assertThat(share.getAttribute("aria-label")).isEqualTo("Share");
        Browser.screenshot(driver, "12-chat-row-hover");
        row.findElement(By.cssSelector(".chat-row-more vaadin-menu-bar-button")).click();
        // Selenium misjudges items in Vaadin's popover overlays as hidden; click them as a script would.
        WebElement rename = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-menu-bar-item[normalize-space()='Rename']")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", rename);
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rename-title input")));
        title.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Unit testing notes");
        driver.findElement(By.id("rename-save")).click();

        wait.until(ExpectedConditions.textToBe(By.id("conversation-title"), "Unit testing notes"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-list"), "Unit testing notes"));
        Browser.screenshot(driver, "13-chat-renamed");
    }
}

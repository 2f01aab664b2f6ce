package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Alice shares a chat; an anonymous reader opens the link; Bob signs in from it and is in his copy of
 * the conversation; Alice's later message reaches the page only when she updates the link.
 */
class ShareJourneyBrowserIT extends BrowserJourney {

    @Test
    void share_read_continue_and_update() {
        WebDriver alice = openBrowser();
        WebDriverWait aliceWait = waitFor(alice);
        signIn(alice, "alice", "alice-password");
        send(alice, aliceWait, "Which birds migrate the farthest?");

        alice.findElement(By.id("header-share")).click();
        WebElement copy = aliceWait.until(ExpectedConditions.elementToBeClickable(By.id("copy-link")));
        assertThat(copy.getText()).isEqualTo("Copy Link");
        assertThat(alice.findElement(By.id("share-preview")).getText()).contains("Which birds migrate the farthest?");
        Browser.screenshot(alice, "20-share-dialog");
        copy.click();
        // The link is made: it shows in its own field, with its own Copy button.
        aliceWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("copy-url")));
        String url = alice.findElement(By.cssSelector("#share-url input")).getDomProperty("value");
        assertThat(url).matches("http://localhost:\\d+/share/[A-Za-z0-9_-]{22}");
        Browser.screenshot(alice, "21-share-dialog-shared");
        alice.findElement(By.xpath("//vaadin-button[normalize-space()='Close']")).click();

        WebDriver reader = openBrowser();
        WebDriverWait readerWait = waitFor(reader);
        reader.get(url);
        assertThat(reader.findElement(By.tagName("h1")).getText()).isEqualTo("Which birds migrate the farthest?");
        assertThat(reader.findElement(By.className("meta")).getText()).startsWith("Shared anonymously");
        assertThat(reader.findElement(By.className("messages")).getText()).contains("offline demo assistant");
        Browser.screenshot(reader, "22-public-page");

        reader.findElement(By.linkText("Continue this conversation")).click();
        readerWait.until(ExpectedConditions.urlContains("/login"));
        submitLogin(reader, "bob", "bob-password");
        // Signing in from the shared page was the confirmation: straight into Bob's copy.
        readerWait.until(ExpectedConditions.urlMatches(".*/chat/\\d+$"));
        readerWait.until(d -> d.findElement(By.id("messages")).getText().contains("Which birds migrate the farthest?"));
        send(reader, readerWait, "And which fly the highest?");
        Browser.screenshot(reader, "24-continued-by-bob");

        send(alice, aliceWait, "A later message from Alice");
        reader.get(url);
        assertThat(reader.getPageSource()).doesNotContain("A later message from Alice", "which fly the highest");

        alice.findElement(By.id("header-share")).click();
        aliceWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("share-status"), "new messages"));
        Browser.screenshot(alice, "25-share-dialog-stale");
        alice.findElement(By.id("copy-link")).click();
        aliceWait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("share-status")));

        reader.get(url);
        assertThat(reader.findElement(By.className("messages")).getText()).contains("A later message from Alice");
        assertThat(reader.getPageSource()).doesNotContain("which fly the highest");
        Browser.screenshot(reader, "26-public-page-updated");
    }

    private static void send(WebDriver driver, WebDriverWait wait, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message-input textarea")));
        input.sendKeys(text, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stop")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
    }
}

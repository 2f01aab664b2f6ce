package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Alice writes an e-mail address into a chat; the share dialog flags it (and the assistant's echo of
 * it) next to the messages; she leaves both out with one click each and shares; a reader sees the
 * rest, with "2 messages not shared" where they were, and not the address.
 */
class ChooseMessagesBrowserIT extends BrowserJourney {

    @Test
    void flagged_messages_left_out_in_the_dialog_are_not_on_the_page() {
        WebDriver alice = openBrowser();
        WebDriverWait aliceWait = waitFor(alice);
        signIn(alice, "alice", "alice-password");
        send(alice, aliceWait, "Which birds migrate the farthest?");
        send(alice, aliceWait, "Mail the list to jane.doe@gmail.com please");
        send(alice, aliceWait, "And which fly the highest?");

        alice.findElement(By.id("header-share")).click();
        aliceWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-title")));
        List<WebElement> warnings = alice.findElements(By.cssSelector("#share-preview .share-finding"));
        assertThat(warnings).hasSize(2).allSatisfy(warning -> assertThat(warning.getText())
                .isEqualTo("Looks like an e-mail address: j•••@gmail.com"));
        Browser.screenshot(alice, "27-share-dialog-findings");
        for (int i = 0; i < 2; i++) {
            WebElement leaveOut = alice.findElement(By.xpath("//div[contains(@class,'preview-message') and "
                    + "not(contains(@class,'not-shared'))]//vaadin-button[normalize-space()='Leave out']"));
            clickInDialog(alice, aliceWait, leaveOut);
            int left = 1 - i;
            aliceWait.until(d -> d.findElements(By.xpath("//div[contains(@class,'preview-message') and "
                    + "not(contains(@class,'not-shared'))]//vaadin-button[normalize-space()='Leave out']")).size() == left);
        }
        assertThat(alice.findElement(By.id("share-choice-summary")).getText())
                .isEqualTo("4 of 6 messages will be shared.");
        Browser.screenshot(alice, "27-share-dialog-left-out");
        alice.findElement(By.id("copy-link")).click();
        // The link is made: it shows in its own field, with its own Copy button.
        aliceWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("copy-url")));
        String url = alice.findElement(By.cssSelector("#share-url input")).getDomProperty("value");

        WebDriver reader = openBrowser();
        reader.get(url);
        String page = reader.findElement(By.className("messages")).getText();
        assertThat(page).contains("Which birds migrate the farthest?", "2 messages not shared",
                "And which fly the highest?");
        assertThat(reader.getPageSource()).doesNotContain("jane.doe", "Mail the list");
        Browser.screenshot(reader, "27-public-page-with-gap");
    }

    private static void send(WebDriver driver, WebDriverWait wait, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message-input textarea")));
        input.sendKeys(text, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stop")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
    }
}

package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Small things of everyday use, read back from the page: the "Shared" badge says who can really
 * open the link, and copies continued from one link are told apart in the chat list.
 */
class EverydayDetailsBrowserIT extends BrowserJourney {

    @Test
    void the_shared_badge_says_signed_in_users_and_two_copies_of_one_link_have_two_titles() {
        WebDriver alice = openBrowser();
        WebDriverWait aliceWait = waitFor(alice);
        signIn(alice, "alice", "alice-password");
        String question = "Badge words " + System.nanoTime();
        WebElement input = aliceWait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#message-input textarea")));
        input.sendKeys(question, Keys.ENTER);
        aliceWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stop")));
        aliceWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));

        // Shared for signed-in users only, from the dialog.
        alice.findElement(By.id("header-share")).click();
        aliceWait.until(ExpectedConditions.elementToBeClickable(By.id("share-audience"))).click();
        WebElement signedInOnly = aliceWait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-select-item[starts-with(normalize-space(), 'Signed-in users only')]")));
        ((JavascriptExecutor) alice).executeScript("arguments[0].click()", signedInOnly);
        aliceWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("share-audience"),
                "Signed-in users only"));
        alice.findElement(By.id("copy-link")).click();
        aliceWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("copy-url")));
        String link = alice.findElement(By.cssSelector("#share-url input")).getDomProperty("value");
        assertThat(link).as("signed-in readers open the /view address").endsWith("/view");
        alice.findElement(By.xpath("//vaadin-button[normalize-space()='Close']")).click();

        // The chat list's badge: the word for the eye, the real audience in its sentence.
        WebElement badge = aliceWait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//*[contains(@class,'chat-row')][.//a[contains(@class,'chat-row-title') and normalize-space()='"
                        + question + "']]//*[contains(@class,'chat-row-shared')]")));
        assertThat(badge.getDomAttribute("title")).startsWith("Shared: anyone signed in with the link can read it")
                .doesNotContain("anyone with the link");
        Browser.screenshot(alice, "daily-09-shared-badge-signed-in");

        // Bob continues the link twice: two copies, two titles.
        WebDriver bob = openBrowser();
        WebDriverWait bobWait = waitFor(bob);
        signIn(bob, "bob", "bob-password");
        String first = continueFrom(bob, bobWait, link);
        String second = continueFrom(bob, bobWait, link);
        assertThat(second).isNotEqualTo(first);
        assertThat(bob.findElement(By.id("conversation-title")).getText()).isEqualTo(question + " (2)");
        List<String> titles = bob.findElements(By.cssSelector("a.chat-row-title")).stream()
                .map(WebElement::getText).filter(title -> title.startsWith(question)).toList();
        assertThat(titles).containsExactlyInAnyOrder(question, question + " (2)");
        Browser.screenshot(bob, "daily-10-two-copies-told-apart");
    }

    /** From the signed-in page of a link, Continue, into a new copy; returns the copy's address. */
    private static String continueFrom(WebDriver driver, WebDriverWait wait, String link) {
        driver.get(link);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("shared-chat-continue"))).click();
        wait.until(d -> d.getCurrentUrl().matches(".*/chat/\\d+$")
                || !d.findElements(By.id("continue-confirm")).isEmpty());
        if (!driver.getCurrentUrl().matches(".*/chat/\\d+$")) {
            driver.findElement(By.id("continue-confirm")).click();
            wait.until(ExpectedConditions.urlMatches(".*/chat/\\d+$"));
        }
        return driver.getCurrentUrl();
    }
}

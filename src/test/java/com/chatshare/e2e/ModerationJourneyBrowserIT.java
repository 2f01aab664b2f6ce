package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.SignedIn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** An anonymous reader reports a link; the moderator takes it down; the reader's reload shows the notice. */
class ModerationJourneyBrowserIT extends BrowserJourney {

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @Test
    void report_take_down_and_the_reader_sees_the_notice() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "bob", "Win a free phone now",
                ShareVisibility.ANONYMOUS);
        SignedIn.signOut();

        WebDriver reader = openBrowser();
        WebDriverWait readerWait = waitFor(reader);
        reader.get(url(link.path()));
        reader.findElement(By.linkText("Report")).click();
        readerWait.until(ExpectedConditions.urlContains("/report"));
        reader.findElement(By.cssSelector("input[value='SPAM_OR_PHISHING']")).click();
        reader.findElement(By.id("details")).sendKeys("Phishing for phone numbers");
        Browser.screenshot(reader, "40-report-form");
        reader.findElement(By.cssSelector("button[type='submit']")).click();
        readerWait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Thank you for your report"));
        Browser.screenshot(reader, "41-report-thanks");

        WebDriver mod = openBrowser();
        WebDriverWait modWait = waitFor(mod);
        signIn(mod, "mod", "mod-password");
        mod.get(url("/moderation"));
        WebElement search = modWait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#filter-search input")));
        search.sendKeys(url(link.path()), Keys.ENTER);
        modWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("moderation-grid"),
                "Win a free phone now"));
        WebElement cell = modWait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='Win a free phone now']")));
        cell.click();
        modWait.until(ExpectedConditions.textToBe(By.id("detail-title"), "Win a free phone now"));
        assertThat(mod.findElement(By.id("detail-reports")).getText()).contains("Phishing for phone numbers");
        Browser.screenshot(mod, "42-moderation-detail");
        mod.findElement(By.id("take-down")).click();
        modWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("take-down-reason"))).click();
        WebElement option = modWait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-select-item[normalize-space()='Spam or phishing']")));
        ((JavascriptExecutor) mod).executeScript("arguments[0].click()", option);
        mod.findElement(By.cssSelector("#take-down-note textarea")).sendKeys("Phishing, reported by a reader");
        mod.findElement(By.id("take-down-confirm")).click();
        modWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-history"), "LINK_TAKEN_DOWN"));
        Browser.screenshot(mod, "43-taken-down");

        reader.get(url(link.path()));
        assertThat(reader.findElement(By.tagName("h1")).getText()).isEqualTo("This shared chat is no longer available");
        assertThat(reader.getPageSource()).doesNotContain("Win a free phone now");
        Browser.screenshot(reader, "44-reader-sees-notice");
    }
}

package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.SignedIn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.moderation.ModerationService;
import com.chatshare.moderation.ReportReason;
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

    @Autowired
    ModerationService moderation;

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

    @Test
    void the_owner_asks_for_a_review_and_a_second_moderator_reinstates() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "A recipe with a sharp knife",
                ShareVisibility.ANONYMOUS);
        SignedIn.signOut();

        // A moderator takes it down, by clicks.
        WebDriver mod = openBrowser();
        WebDriverWait modWait = waitFor(mod);
        signIn(mod, "mod", "mod-password");
        mod.get(url("/moderation"));
        modWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#filter-search input")))
                .sendKeys(url(link.path()), Keys.ENTER);
        modWait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='A recipe with a sharp knife']"))).click();
        modWait.until(ExpectedConditions.textToBe(By.id("detail-title"), "A recipe with a sharp knife"));
        mod.findElement(By.id("take-down")).click();
        modWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("take-down-reason"))).click();
        ((JavascriptExecutor) mod).executeScript("arguments[0].click()", modWait.until(
                ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-select-item[normalize-space()='Violence']"))));
        mod.findElement(By.cssSelector("#take-down-note textarea")).sendKeys("Knife");
        mod.findElement(By.id("take-down-confirm")).click();
        modWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-history"), "LINK_TAKEN_DOWN"));

        WebDriver owner = openBrowser();
        WebDriverWait ownerWait = waitFor(owner);
        signIn(owner, "alice", "alice-password");
        ownerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notices-count")));
        owner.findElement(By.id("notices")).click();
        ownerWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices-dialog"),
                "A recipe with a sharp knife"));
        Browser.screenshot(owner, "45-owner-notice");
        owner.findElement(By.xpath("//vaadin-button[normalize-space()='Ask for a review']")).click();
        ownerWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#review-explanation textarea")))
                .sendKeys("It is a cooking recipe; the knife is for onions.");
        Browser.screenshot(owner, "46-review-request");
        owner.findElement(By.id("review-send")).click();
        ownerWait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("review-request-dialog")));

        WebDriver admin = openBrowser();
        WebDriverWait adminWait = waitFor(admin);
        signIn(admin, "admin", "admin-password");
        admin.get(url("/moderation"));
        adminWait.until(ExpectedConditions.elementToBeClickable(By.id("filter-review-requests"))).click();
        admin.findElement(By.cssSelector("#filter-search input")).sendKeys(url(link.path()), Keys.ENTER);
        WebElement cell = adminWait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='A recipe with a sharp knife']")));
        cell.click();
        adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-reviews"),
                "the knife is for onions"));
        Browser.screenshot(admin, "47-review-in-queue");
        admin.findElement(By.id("review-reinstate")).click();
        adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#note textarea")))
                .sendKeys("Cooking, not violence.");
        admin.findElement(By.id("note-confirm")).click();
        adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-history"), "REVIEW_DECIDED"));

        owner.navigate().refresh();
        ownerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notices-count")));
        owner.findElement(By.id("notices")).click();
        ownerWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices-dialog"),
                "Review decided: your link is back"));
        Browser.screenshot(owner, "48-owner-sees-reinstatement");

        WebDriver reader = openBrowser();
        reader.get(url(link.path()));
        assertThat(reader.findElement(By.tagName("h1")).getText()).isEqualTo("A recipe with a sharp knife");
    }
}

package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ConversationService;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import java.util.List;
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

/** Settings → Data controls → Manage → Delete all: the old public URLs answer 404 at once. */
class DataControlsJourneyBrowserIT extends BrowserJourney {

    @Autowired
    AccountService accounts;

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    UserDetailsService users;

    @Test
    void delete_all_links_and_the_old_urls_answer_404() {
        accounts.register(new Registration("frank", "Frank Browser", "franks-long-password"));
        List<ShareDetails> links = List.of(
                SharingFixtures.share(shares, conversations, users, "frank", "First shared question",
                        ShareVisibility.ANONYMOUS),
                SharingFixtures.share(shares, conversations, users, "frank", "Second shared question",
                        ShareVisibility.NAMED));
        SignedIn.signOut();

        WebDriver driver = openBrowser();
        WebDriverWait wait = waitFor(driver);
        for (ShareDetails link : links) {
            driver.get(url(link.path()));
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains("shared question");
        }

        signIn(driver, "frank", "franks-long-password");
        driver.get(url("/settings/data-controls"));
        wait.until(ExpectedConditions.textToBe(By.id("link-count"), "You have 2 shared links."));
        Browser.screenshot(driver, "29-data-controls");
        driver.findElement(By.id("manage-links")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("links-grid"), "Second shared question"));
        Browser.screenshot(driver, "30-shared-links-grid");

        // Search by the beginnings of words, then clear the search again.
        WebElement search = driver.findElement(By.cssSelector("#links-search input"));
        search.sendKeys("seco ques");
        wait.until(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.id("links-grid"), "First shared question")));
        assertThat(driver.findElement(By.id("links-grid")).getText()).contains("Second shared question");
        Browser.screenshot(driver, "30b-shared-links-search");
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("links-grid"), "First shared question"));

        driver.findElement(By.cssSelector("#links-menu vaadin-menu-bar-button")).click();
        WebElement deleteAll = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-menu-bar-item[normalize-space()='Delete all shared links']")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", deleteAll);
        WebElement confirm = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("delete-all-confirm")));
        assertThat(confirm.getText() + confirm.getDomProperty("message")).contains("All 2 links");
        Browser.screenshot(driver, "31-delete-all-confirm");
        WebElement confirmButton = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-button[normalize-space()='Delete all 2']")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", confirmButton);

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("links-empty")));
        Browser.screenshot(driver, "32-no-links-left");
        for (ShareDetails link : links) {
            driver.get(url(link.path()));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This link does not exist");
        }
        Browser.screenshot(driver, "33-old-link-404");
    }
}

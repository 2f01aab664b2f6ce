package com.chatshare.e2e;

import static com.chatshare.Addresses.address;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.SignedIn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.moderation.ModerationService;
import com.chatshare.moderation.ReportReason;
import com.chatshare.moderation.ReportService;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.OwnLinksService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * axe-core on every page a user can reach — the Vaadin views with their dialogs open and their
 * lists filled, and the server-rendered public pages — at a desktop's and a phone's size, in the
 * light and the dark colour scheme: no serious or critical violation anywhere. No rule is disabled.
 * The dialogs a user opens on their own (notices, change password, delete account, take down) and
 * the signed-in reader's page of a restricted link are checked too.
 *
 * <p>Along the way it takes the README's screenshots (chat, share dialog, public page, data
 * controls, moderation; viewport only); {@code -Dscreenshots.update=true} writes them to
 * {@code docs/screenshots/}, otherwise they go to {@code target/screenshots/readme/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserIT extends BrowserJourney {

    static final String QUESTION = "Which birds migrate the farthest?";

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    OwnLinksService ownLinks;

    @Autowired
    ReportService reports;

    @Autowired
    ModerationService moderation;

    @Autowired
    UserDetailsService users;

    private ConversationSummary chat;
    private ShareDetails reported;
    private ShareDetails takenDown;
    private ShareDetails signedInOnly;

    /** Once for all looks: the admin's answered chat and shared link, Alice's reported and taken-down links. */
    @BeforeAll
    void someChatsAndLinks() {
        chat = SharingFixtures.answeredConversation(conversations, users, "admin", QUESTION);
        SharingFixtures.share(shares, conversations, users, "admin", "How do I keep basil alive indoors?",
                ShareVisibility.NAMED);
        reported = SharingFixtures.share(shares, conversations, users, "alice", "How do lighthouses work?",
                ShareVisibility.ANONYMOUS);
        reports.file(SharingFixtures.token(reported), ReportReason.SPAM_OR_PHISHING, "Looks like an advert to me",
                address("10.16.0.1"));
        takenDown = SharingFixtures.share(shares, conversations, users, "alice", "A link that was taken down",
                ShareVisibility.ANONYMOUS);
        SignedIn.as(users, "mod");
        moderation.takeDown(List.of(takenDown.shareId()), ReportReason.SPAM_OR_PHISHING, "Accessibility test");
        signedInOnly = SharingFixtures.share(shares, conversations, users, "alice", "A link for signed-in readers",
                ShareVisibility.NAMED);
        SignedIn.as(users, "alice");
        ownLinks.changeAudience(List.of(signedInOnly.shareId()), ShareAudience.SIGNED_IN);
        SignedIn.signOut();
    }

    /** The app follows the system's scheme while the account's Appearance is System, as the admin's is. */
    @ParameterizedTest
    @EnumSource(Look.class)
    void app_pages(Look look) {
        assertNoSeriousViolations(look, appPages(look));
    }

    @ParameterizedTest
    @EnumSource(Look.class)
    void public_pages(Look look) {
        assertNoSeriousViolations(look, publicPages(look));
    }

    @Test
    void a_violation_fails_with_rule_impact_and_element() {
        WebDriver driver = openBrowser();
        driver.get(url("/share/no-such-token"));
        // An image without a text alternative, put there for this test: axe's rule image-alt, critical.
        ((JavascriptExecutor) driver).executeScript(
                "const img = document.createElement('img'); img.id = 'unlabelled'; img.src = 'data:,';"
                        + "document.querySelector('main').append(img);");
        assertThat(Accessibility.violations(driver, "404"))
                .singleElement().asString().contains("404: image-alt (critical)", "#unlabelled");
    }

    private List<String> appPages(Look look) {
        WebDriver driver = openBrowser();
        look.applyTo(driver);
        WebDriverWait wait = waitFor(driver);
        List<String> found = new ArrayList<>();

        driver.get(url("/login"));
        settle(driver, wait, ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#login-form input[name='username']")));
        found.addAll(Accessibility.violations(driver, "login"));

        driver.get(url("/register"));
        settle(driver, wait, ExpectedConditions.visibilityOfElementLocated(By.id("create-account")));
        found.addAll(Accessibility.violations(driver, "register"));

        signIn(driver, "admin", "admin-password");
        driver.get(url("/chat/" + chat.id()));
        settle(driver, wait, ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), QUESTION));
        found.addAll(Accessibility.violations(driver, "chat"));
        Browser.readmeScreenshot(driver, "chat-" + look.label());

        click(driver, settle(driver, wait, ExpectedConditions.presenceOfElementLocated(By.id("notices"))));
        settle(driver, wait, ExpectedConditions.textToBePresentInElementLocated(By.id("notices-dialog"), "No notices"));
        found.addAll(Accessibility.violations(driver, "notices dialog"));
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("notices-dialog")));

        driver.findElement(By.id("header-share")).click();
        settle(driver, wait, ExpectedConditions.visibilityOfElementLocated(By.id("share-title")));
        found.addAll(Accessibility.violations(driver, "share dialog"));
        Browser.readmeScreenshot(driver, "share-dialog-" + look.label());

        driver.get(url("/settings/data-controls"));
        settle(driver, wait, ExpectedConditions.visibilityOfElementLocated(By.id("link-count")));
        found.addAll(Accessibility.violations(driver, "data controls"));
        Browser.readmeScreenshot(driver, "data-controls-" + look.label());

        for (String dialog : List.of("change-password", "delete-account")) {
            click(driver, driver.findElement(By.id(dialog)));
            settle(driver, wait, ExpectedConditions.elementToBeClickable(By.id(dialog + "-confirm")));
            found.addAll(Accessibility.violations(driver, dialog + " dialog"));
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(dialog + "-dialog")));
        }

        driver.findElement(By.id("manage-links")).click();
        settle(driver, wait, ExpectedConditions.textToBePresentInElementLocated(By.id("links-grid"),
                "How do I keep basil alive indoors?"));
        found.addAll(Accessibility.violations(driver, "shared links page"));

        driver.get(url("/moderation"));
        settle(driver, wait, ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#filter-search input")))
                .sendKeys("lighthouses work", Keys.ENTER);
        // Clicked by script: on a phone the filters push the grid below the fold, where WebDriver cannot click.
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", settle(driver, wait,
                ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//vaadin-grid-cell-content[normalize-space()='How do lighthouses work?']"))));
        settle(driver, wait, ExpectedConditions.textToBePresentInElementLocated(By.id("detail-reports"),
                "Looks like an advert to me"));
        found.addAll(Accessibility.violations(driver, "moderation"));
        Browser.readmeScreenshot(driver, "moderation-" + look.label());

        click(driver, driver.findElement(By.id("take-down")));
        settle(driver, wait, ExpectedConditions.elementToBeClickable(By.id("take-down-confirm")));
        found.addAll(Accessibility.violations(driver, "take-down dialog"));
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("take-down-dialog")));

        driver.get(url("/moderation/audit"));
        settle(driver, wait, ExpectedConditions.textToBePresentInElementLocated(By.id("audit-grid"), "mod"));
        found.addAll(Accessibility.violations(driver, "audit log"));

        driver.get(url("/admin/users"));
        settle(driver, wait, ExpectedConditions.textToBePresentInElementLocated(By.id("users-grid"), "alice"));
        found.addAll(Accessibility.violations(driver, "users"));

        driver.get(url(reported.path() + "/continue"));
        settle(driver, wait, ExpectedConditions.elementToBeClickable(By.id("continue-confirm")));
        found.addAll(Accessibility.violations(driver, "continue"));

        driver.get(url(signedInOnly.path() + "/view"));
        settle(driver, wait, ExpectedConditions.textToBePresentInElementLocated(By.id("shared-chat-title"),
                "A link for signed-in readers"));
        found.addAll(Accessibility.violations(driver, "signed-in snapshot"));

        driver.get(url("/chat/999999999999"));
        settle(driver, wait, ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "This conversation does not exist"));
        found.addAll(Accessibility.violations(driver, "chat not found"));

        // Not a route: Spring Security refuses it before Vaadin sees it, and templates/error.html answers.
        driver.get(url("/no/such/page"));
        assertThat(driver.findElement(By.id("not-found-text")).getText())
                .isEqualTo("There is nothing here, or it is not yours to open.");
        assertThat(driver.getTitle()).isEqualTo("Page not found · Chatshare");
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("no/such", "403", "Forbidden");
        found.addAll(Accessibility.violations(driver, "unknown address"));

        driver.get(url("/e2e/failing-view"));
        settle(driver, wait, ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Something went wrong"));
        found.addAll(Accessibility.violations(driver, "error view"));
        return found;
    }

    private List<String> publicPages(Look look) {
        WebDriver driver = openBrowser();
        look.applyTo(driver);
        List<String> found = new ArrayList<>();

        driver.get(url(reported.path()));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("How do lighthouses work?");
        found.addAll(Accessibility.violations(driver, "public page"));
        Browser.readmeScreenshot(driver, "public-page-" + look.label());

        driver.get(url(reported.path() + "/report"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Report a shared chat");
        found.addAll(Accessibility.violations(driver, "report form"));

        driver.get(url(takenDown.path()));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This shared chat is no longer available");
        found.addAll(Accessibility.violations(driver, "taken-down page"));

        driver.get(url("/share/no-such-token"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This link does not exist");
        found.addAll(Accessibility.violations(driver, "404 page"));
        return found;
    }

    /** Clicked by script: on a phone the element may sit below the fold, where WebDriver cannot click. */
    private static void click(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
    }

    /** Waits for the condition, then for Vaadin to finish the round trips it started. */
    private static <T> T settle(WebDriver driver, WebDriverWait wait, ExpectedCondition<T> condition) {
        T result = wait.until(condition);
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const clients = window.Vaadin && window.Vaadin.Flow ? Object.values(window.Vaadin.Flow.clients) : [];"
                        + "return clients.every(c => !c.isActive || !c.isActive());"));
        return result;
    }

    private static void assertNoSeriousViolations(Look look, List<String> found) {
        assertThat(found)
                .as("serious or critical accessibility violations (axe-core %s, %s)", Accessibility.STANDARDS,
                        look.label())
                .withFailMessage(() -> found.size() + " serious or critical accessibility violations at "
                        + look.label() + ":\n  " + String.join("\n  ", found))
                .isEmpty();
    }
}

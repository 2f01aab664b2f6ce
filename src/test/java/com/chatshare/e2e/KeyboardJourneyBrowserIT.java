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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * New chat, send, share from the chat list, copy the link, and delete it under Data controls —
 * with the keyboard alone: after signing in, nothing is clicked; every step is Tab, Enter, Escape or
 * an arrow key sent to whatever has the focus, and each step checks where the focus is first.
 */
class KeyboardJourneyBrowserIT extends BrowserJourney {

    /** The element that really has the focus, through shadow roots (a grid's cell, not the grid). */
    private static final String DEEP_ACTIVE = """
            let a = document.activeElement;
            while (a && a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; }
            return a;""";

    private static final int MAX_TABS = 60;

    @Autowired
    AccountService accounts;

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    WebDriver driver;
    WebDriverWait wait;

    @Test
    void new_chat_send_share_copy_and_delete_a_link_without_a_mouse() {
        accounts.register(new Registration("kira", "Kira Keys", "kiras-long-password"));
        driver = openBrowser();
        wait = waitFor(driver);
        signIn(driver, "kira", "kiras-long-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-list-empty")));

        // New chat: the composer has the focus afterwards.
        tabTo("#new-chat");
        press(Keys.ENTER);
        wait.until(d -> focusedMatches("#message-input"));

        // Send: type and press Enter.
        new Actions(driver).sendKeys("Which planet has the most moons?").sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.urlMatches(".*/chat/\\d+$"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
        wait.until(d -> d.findElement(By.id("messages")).getText().contains("offline demo assistant"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("chat-list-empty")));

        // Share from the chat list (in the drawer, before the chat: backwards), Enter to reach the
        // row's controls, Tab to Share.
        tabToGridBody("#chat-list", Keys.chord(Keys.SHIFT, Keys.TAB));
        press(Keys.ENTER);
        tabTo(".chat-row-share");
        // The row's actions show while they have the focus (they fade in, hence the wait).
        wait.until(d -> "1".equals(opacityOf(".chat-row-actions")));
        Browser.screenshot(driver, "70-keyboard-chat-row-share-focused");
        press(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-dialog")));

        // Copy Link.
        tabTo("#copy-link");
        press(Keys.ENTER);
        // The link is made: it shows in its own field, with its own Copy button.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("copy-url")));
        String url = driver.findElement(By.cssSelector("#share-url input")).getDomProperty("value");
        assertThat(url).matches("http://localhost:\\d+/share/[A-Za-z0-9_-]{22}");
        Browser.screenshot(driver, "71-keyboard-link-copied");
        press(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("share-dialog")));

        // Data controls through the navigation (above the chat list, so backwards), Manage, then the
        // row's Actions menu and its Delete….
        tabTo("vaadin-side-nav-item[path$='data-controls']", Keys.chord(Keys.SHIFT, Keys.TAB));
        press(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("link-count"), "You have 1 shared link."));
        tabTo("#manage-links");
        press(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("links-grid"),
                "Which planet has the most moons?"));
        tabToGridBody("#links-grid");
        press(Keys.END); // the row's last cell: its Actions menu
        press(Keys.ENTER);
        tabTo(".link-actions vaadin-menu-bar-button");
        press(Keys.ENTER); // opens the menu on its first item
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-menu-bar-item.delete-link")));
        press(Keys.END); // its last item: Delete…
        wait.until(d -> focusedMatches("vaadin-menu-bar-item.delete-link"));
        Browser.screenshot(driver, "72-keyboard-delete-focused");
        press(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("delete-one-confirm")));
        tabTo("vaadin-button[slot='confirm-button']");
        press(Keys.ENTER);

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("links-empty")));
        Browser.screenshot(driver, "73-keyboard-link-deleted");
        driver.get(url);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This link does not exist");
    }

    @Test
    void a_moderator_on_a_phone_opens_a_link_and_takes_it_down_without_a_mouse() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "bob", "Keyboard takedown target",
                ShareVisibility.ANONYMOUS);
        SignedIn.signOut();
        driver = openBrowser();
        wait = waitFor(driver);
        driver.manage().window().setSize(new Dimension(390, 844));
        signIn(driver, "mod", "mod-password");
        driver.get(url("/moderation"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("moderation-grid")));

        tabTo("#filter-search");
        new Actions(driver).sendKeys(url(link.path()), Keys.ENTER).perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("moderation-grid"),
                "Keyboard takedown target"));
        // On a phone the list comes first; the detail is a screen of its own, with Back.
        assertThat(driver.findElements(By.id("moderation-detail"))).noneMatch(WebElement::isDisplayed);
        tabToGridBody("#moderation-grid");
        press(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("detail-title"), "Keyboard takedown target"));
        wait.until(d -> focusedMatches("#detail-title"));
        assertThat(driver.findElement(By.id("moderation-grid")).isDisplayed()).isFalse();
        Browser.screenshot(driver, "74-keyboard-moderation-phone-detail");

        tabTo("#take-down");
        press(Keys.ENTER);
        wait.until(d -> focusedMatches("#take-down-reason"));
        press(Keys.ENTER); // opens the choices
        WebElement spam = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-select-item[normalize-space()='Spam or phishing']")));
        for (int i = 0; i < 12 && !"true".equals(String.valueOf(js().executeScript(
                "return arguments[0].hasAttribute('focused')", spam))); i++) {
            press(Keys.ARROW_DOWN);
        }
        press(Keys.ENTER);
        wait.until(d -> d.findElement(By.id("take-down-reason")).getText().contains("Spam or phishing"));
        tabTo("#take-down-note");
        new Actions(driver).sendKeys("Taken down from the keyboard").perform();
        tabTo("#take-down-confirm");
        press(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-history"), "LINK_TAKEN_DOWN"));
        Browser.screenshot(driver, "75-keyboard-moderation-taken-down");

        tabTo("#detail-back", Keys.chord(Keys.SHIFT, Keys.TAB));
        press(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("moderation-grid")));
        assertThat(driver.findElements(By.id("moderation-detail"))).noneMatch(WebElement::isDisplayed);
    }

    private void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** Presses Tab until the focus is on (or inside) what the selector finds; fails if it never gets there. */
    private void tabTo(String selector) {
        tabTo(selector, Keys.TAB);
    }

    private void tabTo(String selector, CharSequence tab) {
        for (int i = 0; i < MAX_TABS; i++) {
            if (focusedMatches(selector)) {
                return;
            }
            press(tab);
        }
        throw new AssertionError("Tab never reached " + selector + "; the focus is on " + describeFocus());
    }

    /** Presses Tab until a body cell of the grid has the focus (past its header row). */
    private void tabToGridBody(String gridSelector) {
        tabToGridBody(gridSelector, Keys.TAB);
    }

    private void tabToGridBody(String gridSelector, CharSequence tab) {
        java.util.List<String> path = new java.util.ArrayList<>();
        for (int i = 0; i < MAX_TABS; i++) {
            path.add(describeFocus());
            Boolean inBody = (Boolean) js().executeScript("""
                    const grid = document.querySelector(arguments[0]);
                    const a = grid && grid.shadowRoot && grid.shadowRoot.activeElement;
                    return !!(a && a.closest('#items'));""", gridSelector);
            if (Boolean.TRUE.equals(inBody)) {
                return;
            }
            press(tab);
        }
        throw new AssertionError("Tab never reached the rows of " + gridSelector + "; the focus went "
                + path.subList(0, Math.min(path.size(), 20)));
    }

    private boolean focusedMatches(String selector) {
        Object hit = js().executeScript("""
                const a = document.activeElement;
                if (!a) { return false; }
                if (a.matches(arguments[0]) || a.closest(arguments[0])) { return true; }
                // A field's input sits inside the field element; a button is focused itself.
                return [...document.querySelectorAll(arguments[0])].some(e => e.contains(a));""", selector);
        return Boolean.TRUE.equals(hit);
    }

    private String opacityOf(String selector) {
        return (String) js().executeScript("""
                const a = document.activeElement;
                const row = a.closest('.chat-row');
                return getComputedStyle(row.querySelector(arguments[0])).opacity;""", selector);
    }

    private String describeFocus() {
        Object description = js().executeScript(DEEP_ACTIVE.replace("return a;",
                "return a ? a.tagName + '#' + a.id + '.' + a.className + '@' + (a.getRootNode().host ? a.getRootNode().host.tagName + '#' + a.getRootNode().host.id : 'document') + (a.parentElement ? '<' + a.parentElement.tagName + '#' + a.parentElement.id : '') : 'nothing';"));
        return String.valueOf(description);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }
}

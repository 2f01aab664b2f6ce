package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.SignedIn;
import com.chatshare.XssCorpus;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.ShareRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The whole XSS corpus, as the user's words and as the model's answers, through the chat, shared,
 * continued by a second user, and opened in every view that shows messages — chat, share dialog
 * preview, public page, continued copy, moderation detail: no dialog opens, no script runs, and
 * no request leaves for another origin.
 */
class XssJourneyBrowserIT extends BrowserJourney {

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Test
    void no_view_runs_a_payload_or_loads_from_another_origin() {
        accounts.register(new Registration("xss-owner", "Owner of payloads", "long-enough-password"));
        accounts.register(new Registration("xss-reader", "Reader of payloads", "long-enough-password"));
        List<ChatTurn> turns = new ArrayList<>();
        for (String payload : XssCorpus.PAYLOADS) {
            turns.add(new ChatTurn(MessageRole.USER, payload));
            turns.add(new ChatTurn(MessageRole.ASSISTANT, "Here it is again: " + payload));
        }
        SignedIn.as(users, "xss-owner");
        ConversationSummary chat = conversations.createConversation("Payloads", turns);
        ShareDetails link = shares.share(ShareRequest.of(chat.id(), "Payloads", ShareVisibility.NAMED));
        SignedIn.signOut();

        WebDriver owner = openBrowser();
        WebDriverWait ownerWait = waitFor(owner);
        signIn(owner, "xss-owner", "long-enough-password");
        owner.get(url("/chat/" + chat.id()));
        ownerWait.until(d -> allMessagesShown(d, turns.size()));
        assertInert(owner, "chat view");
        owner.findElement(By.id("header-share")).click();
        ownerWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#share-preview .preview-message")));
        assertInert(owner, "share dialog preview");
        Browser.screenshot(owner, "50-xss-share-preview");

        WebDriver reader = openBrowser();
        reader.get(url(link.path()));
        assertThat(reader.findElements(By.cssSelector(".message"))).isNotEmpty();
        assertInert(reader, "public page");
        signIn(reader, "xss-reader", "long-enough-password");
        reader.get(url(link.path() + "/continue"));
        WebDriverWait readerWait = waitFor(reader);
        readerWait.until(ExpectedConditions.elementToBeClickable(By.id("continue-confirm"))).click();
        readerWait.until(d -> allMessagesShown(d, turns.size()));
        assertThat(reader.findElement(By.id("messages")).getText()).contains("From the shared chat")
                .doesNotContain("Reader of payloads");
        assertInert(reader, "continued copy");
        Browser.screenshot(reader, "51-xss-continued-copy");

        WebDriver mod = openBrowser();
        WebDriverWait modWait = waitFor(mod);
        signIn(mod, "mod", "mod-password");
        mod.get(url("/moderation"));
        modWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#filter-search input")))
                .sendKeys(url(link.path()), Keys.ENTER);
        WebElement cell = modWait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='Payloads']")));
        cell.click();
        modWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#moderation-detail .share-preview-body")));
        assertInert(mod, "moderation detail");
    }

    /** No alert, no element that loads from elsewhere, and every resource fetched from this origin. */
    private void assertInert(WebDriver driver, String view) {
        assertThat(Browser.cspViolations(driver)).as(view + ": Content-Security-Policy violations").isEmpty();
        try {
            String text = driver.switchTo().alert().getText();
            throw new AssertionError(view + ": a dialog opened: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) js.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        String origin = url("");
        assertThat(resources).as(view + ": requests").allSatisfy(name ->
                assertThat(name).satisfiesAnyOf(n -> assertThat(n).startsWith(origin), n -> assertThat(n).startsWith("data:")));
        Object active = js.executeScript("""
                const roots = [document];
                document.querySelectorAll('*').forEach(e => { if (e.shadowRoot) roots.push(e.shadowRoot); });
                let found = [];
                for (const root of roots) {
                  root.querySelectorAll('.chat-message-content *, .preview-content *, .message *').forEach(e => {
                    const tag = e.tagName.toLowerCase();
                    if (['img','script','iframe','object','embed','form','input','style','link','svg','video','audio',
                         'source','picture','meta','base','template'].includes(tag)) found.push(tag);
                    for (const a of e.attributes) {
                      if (a.name.startsWith('on') || a.name === 'style' || a.name === 'src' || a.name === 'srcset'
                          || a.name === 'background' || a.name === 'poster') found.push(tag + '@' + a.name);
                      if (a.name === 'href' && /^\\s*(javascript|data|vbscript):/i.test(a.value)) found.push(tag + '@href');
                    }
                  });
                }
                return found;""");
        assertThat((List<?>) active).as(view + ": active markup in messages").isEmpty();
        // Wherever the view renders messages (light DOM or a component's shadow DOM): nothing
        // anywhere on the page points a loading attribute at another origin.
        Object foreign = js.executeScript("""
                const roots = [document];
                document.querySelectorAll('*').forEach(e => { if (e.shadowRoot) roots.push(e.shadowRoot); });
                const here = location.origin;
                let found = [];
                for (const root of roots) {
                  root.querySelectorAll('[src], [srcset], [poster], [background], [data], link[href], [action]')
                    .forEach(e => {
                      for (const name of ['src', 'srcset', 'poster', 'background', 'data', 'action', 'href']) {
                        const value = e.getAttribute(name);
                        if (value === null || (name === 'href' && e.tagName !== 'LINK')) continue;
                        let url;
                        try {
                          url = new URL(value.trim().split(/\s+/)[0] || '.', location.href);
                        } catch (error) {
                          found.push(e.tagName + '@' + name + ' unparseable: ' + value);
                          continue;
                        }
                        if (url.origin !== here && url.protocol !== 'data:') found.push(e.tagName + '@' + name + '=' + value);
                      }
                    });
                }
                return found;""");
        assertThat((List<?>) foreign).as(view + ": attributes that load from another origin").isEmpty();
    }

    /** A chat opens at its latest messages: loads the earlier ones until all {@code count} are on the page. */
    private static boolean allMessagesShown(WebDriver driver, int count) {
        driver.findElements(By.id("load-earlier")).stream().filter(WebElement::isDisplayed).findFirst()
                .ifPresent(button -> ((JavascriptExecutor) driver).executeScript("arguments[0].click()", button));
        return driver.findElements(By.cssSelector("#messages .chat-message")).size() == count;
    }
}

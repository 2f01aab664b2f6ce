package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.ShareRequest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Every page in light and dark, on a desktop and on a phone: screenshots to look at. */
class LookBrowserIT extends BrowserJourney {

    @Autowired
    AccountService accounts;

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    UserDetailsService users;

    @Test
    void every_page_in_light_and_dark_on_desktop_and_phone() {
        accounts.register(new Registration("lena", "Lena Look", "lenas-long-password"));
        accounts.register(new Registration("mira", "Mira Share", "miras-long-password"));
        ConversationSummary tides = SharingFixtures.answeredConversation(conversations, users, "lena",
                "How do tides work?");
        shares.share(ShareRequest.of(tides.id(), tides.title(), ShareVisibility.NAMED));
        ShareDetails miras = SharingFixtures.share(shares, conversations, users, "mira",
                "Why is the sky blue?", ShareVisibility.NAMED);
        SignedIn.signOut();

        WebDriver stranger = openBrowser();
        WebDriver lena = openBrowser();
        WebDriverWait wait = waitFor(lena);
        signIn(lena, "lena", "lenas-long-password");
        for (String scheme : new String[] {"light", "dark"}) {
            for (boolean phone : new boolean[] {false, true}) {
                String mode = (phone ? "phone-" : "desktop-") + scheme;
                for (WebDriver driver : new WebDriver[] {stranger, lena}) {
                    Browser.colorScheme(driver, scheme);
                    if (phone) {
                        Browser.phone(driver);
                    } else {
                        Browser.desktop(driver);
                    }
                }
                stranger.get(url("/login"));
                waitFor(stranger).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
                Browser.screenshot(stranger, "look-" + mode + "-login");
                stranger.get(url("/register"));
                pause();
                Browser.screenshot(stranger, "look-" + mode + "-register");
                stranger.get(url(miras.path()));
                Browser.screenshot(stranger, "look-" + mode + "-public-page");
                stranger.get(url(miras.path() + "/report"));
                Browser.screenshot(stranger, "look-" + mode + "-report");

                lena.get(url("/"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
                pause();
                Browser.screenshot(lena, "look-" + mode + "-welcome");
                lena.get(url("/chat/" + tides.id()));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conversation-title")));
                pause();
                Browser.screenshot(lena, "look-" + mode + "-chat");
                lena.findElement(By.id("header-share")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-title")));
                pause();
                Browser.screenshot(lena, "look-" + mode + "-share-dialog");
                lena.findElement(By.xpath("//vaadin-button[normalize-space()='Close']")).click();
                lena.get(url("/settings/data-controls"));
                wait.until(ExpectedConditions.elementToBeClickable(By.id("manage-links"))).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("links-grid"), "tides"));
                pause();
                Browser.screenshot(lena, "look-" + mode + "-links-dialog");
                lena.get(url(miras.path() + "/continue"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("continue-confirm")));
                pause();
                Browser.screenshot(lena, "look-" + mode + "-continue");
                assertThat(((JavascriptExecutor) lena).executeScript(
                        "return getComputedStyle(document.documentElement).colorScheme")).isNotNull();
            }
        }
    }

    @Test
    void on_a_dark_phone_the_chat_list_is_one_tap_away_and_the_composer_spans_the_screen() {
        accounts.register(new Registration("pia", "Pia Phone", "pias-long-password"));
        SharingFixtures.answeredConversation(conversations, users, "pia", "Which moon is the largest?");
        SignedIn.signOut();
        WebDriver driver = openBrowser();
        WebDriverWait wait = waitFor(driver);
        Browser.phone(driver);
        Browser.colorScheme(driver, "dark");
        signIn(driver, "pia", "pias-long-password");
        JavascriptExecutor js = (JavascriptExecutor) driver;

        assertThat(js.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches")).isEqualTo(true);
        assertThat(js.executeScript("return getComputedStyle(document.documentElement).colorScheme"))
                .as("Lumo follows the system: light dark").isEqualTo("light dark");
        Number inputWidth = (Number) js.executeScript(
                "return document.getElementById('message-input').getBoundingClientRect().width");
        Number sendRight = (Number) js.executeScript(
                "return document.getElementById('send').getBoundingClientRect().right");
        assertThat(inputWidth.doubleValue()).as("composer width on a 390 px screen").isGreaterThan(360);
        assertThat(sendRight.doubleValue()).as("Send stays on the screen").isLessThanOrEqualTo(390);
        Browser.screenshot(driver, "look-phone-dark-composer");

        driver.findElement(By.tagName("vaadin-drawer-toggle")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chat-list .chat-row-title")));
        pause();
        Number rowBottom = (Number) js.executeScript(
                "return document.querySelector('#chat-list .chat-row-title').getBoundingClientRect().bottom");
        assertThat(rowBottom.doubleValue()).as("the chat is in view once the drawer opened").isLessThan(844);
        Browser.screenshot(driver, "look-phone-dark-drawer");
    }

    private static void pause() {
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

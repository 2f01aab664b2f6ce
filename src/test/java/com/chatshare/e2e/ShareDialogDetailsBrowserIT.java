package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Three details of the share dialog that were tested only with Karibu or on the service, here as a
 * person meets them in Chromium: the preview names the model that answered, as the chat header
 * does; the share sheet waits while who can open the link is changed and not saved, and comes back
 * with what the new audience allows after Update; and a share from a preview of one version is
 * refused after another tab switched the chat to the other version, the dialog then showing the
 * version the chat is on, which shares.
 */
class ShareDialogDetailsBrowserIT extends BrowserJourney {

    private static final String UPDATE_FIRST =
            "Update the link to send it: who can open it has changed and is not saved yet.";
    private static final String ONLY_SIGNED_IN = "Only people signed in to Chatshare can open this link.";
    private static final String SWITCHED = "This chat was switched to another version (in another window) since "
            + "this preview was made. Check the messages again and share once more.";
    private static final List<String> SHEET_ITEMS = List.of("share-to-email", "share-to-x", "share-to-linkedin",
            "share-to-reddit", "share-to-whatsapp", "share-qr", "share-system");

    @Test
    void the_preview_says_which_model_answered_as_the_chat_header_names_it() {
        WebDriver ada = openBrowser();
        WebDriverWait wait = waitFor(ada);
        register(ada, wait, "adaprev" + unique(), "Ada Preview", "adas-long-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        send(ada, wait, "Details IT: why is the sky blue?");
        String model = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("assistant-name"))).getText();
        assertThat(model).as("the header names the model that answers").isNotBlank();

        openShareDialog(ada, wait);
        WebElement question = ada.findElement(By.cssSelector("#share-preview .preview-message.from-user"));
        WebElement answer = ada.findElement(By.cssSelector("#share-preview .preview-message.from-assistant"));
        assertThat(question.getText()).contains("Details IT: why is the sky blue?");
        assertThat(question.findElements(By.className("preview-answered-by"))).as("a question has no model").isEmpty();
        WebElement answeredBy = answer.findElement(By.className("preview-answered-by"));
        assertThat(answeredBy.isDisplayed()).isTrue();
        assertThat(answeredBy.getText()).isEqualTo("Answered by " + model);
        // Under the answer's text, as on the public page.
        assertThat(answeredBy.getRect().getY()).isGreaterThan(
                answer.findElement(By.className("preview-content")).getRect().getY());
        ((JavascriptExecutor) ada).executeScript("arguments[0].scrollIntoView({block: 'center'})", answeredBy);
        Browser.screenshot(ada, "details-01-preview-answered-by");
    }

    @Test
    void the_sheet_waits_for_update_while_the_audience_is_changed_and_then_offers_what_it_allows() {
        WebDriver sid = openBrowser();
        WebDriverWait wait = waitFor(sid);
        register(sid, wait, "sidsheet" + unique(), "Sid Sheet", "sids-long-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        send(sid, wait, "Details IT: how do tides work?");

        openShareDialog(sid, wait);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("copy-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-sheet")));
        String publicUrl = sid.findElement(By.cssSelector("#share-url input")).getDomProperty("value");
        // A link anyone can open: every network, email and the QR code.
        for (String id : SHEET_ITEMS.subList(0, 6)) {
            assertThat(sid.findElement(By.id(id)).isDisplayed()).as(id).isTrue();
        }
        assertThat(sheetLinks(sid)).hasSize(5).allMatch(href -> decoded(href).contains(publicUrl));

        // Who can open it, changed and not saved: the sheet says to update first, and links nothing.
        choose(sid, wait, "share-audience", "Signed-in users only");
        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-sheet-note")));
        wait.until(ExpectedConditions.textToBe(By.id("share-sheet-note"), UPDATE_FIRST));
        assertThat(sid.findElement(By.id("share-sheet")).getText()).isEqualTo(UPDATE_FIRST);
        assertThat(note.isDisplayed()).isTrue();
        for (String id : SHEET_ITEMS) {
            assertThat(sid.findElements(By.id(id))).as(id).noneMatch(WebElement::isDisplayed);
        }
        assertThat(sheetLinks(sid)).as("no address to send in the page").isEmpty();
        assertThat(sid.findElements(By.id("share-qr-image"))).noneMatch(WebElement::isDisplayed);
        assertThat(sid.getPageSource()).doesNotContain("mailto:", "x.com/intent", "linkedin.com/sharing",
                "reddit.com/submit", "wa.me/");
        assertThat(sid.findElement(By.cssSelector("#share-url input")).getDomProperty("value"))
                .as("the link itself is still the saved one").isEqualTo(publicUrl);
        Browser.screenshot(sid, "details-02-sheet-waits-for-update");

        // Update: the sheet is back, with what a link for signed-in users offers.
        WebElement update = sid.findElement(By.id("copy-link"));
        assertThat(update.getText()).isEqualTo("Update link");
        clickInDialog(sid, wait, update);
        wait.until(ExpectedConditions.textToBe(By.id("share-sheet-note"), ONLY_SIGNED_IN));
        String url = sid.findElement(By.cssSelector("#share-url input")).getDomProperty("value");
        WebElement email = sid.findElement(By.id("share-to-email"));
        assertThat(email.isDisplayed()).isTrue();
        assertThat(decoded(email.getDomAttribute("href"))).startsWith("mailto:?subject=").endsWith(url);
        assertThat(sid.findElement(By.id("share-qr")).isDisplayed()).isTrue();
        for (String id : List.of("share-to-x", "share-to-linkedin", "share-to-reddit", "share-to-whatsapp")) {
            assertThat(sid.findElements(By.id(id))).as(id).noneMatch(WebElement::isDisplayed);
        }
        assertThat(sheetLinks(sid)).as("email only").hasSize(1).allMatch(href -> href.startsWith("mailto:"));
        assertThat(sid.getPageSource()).doesNotContain("x.com/intent", "linkedin.com/sharing", "reddit.com/submit",
                "wa.me/");
        clickInDialog(sid, wait, sid.findElement(By.id("share-qr")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-qr-image")));
        Browser.screenshot(sid, "details-03-sheet-for-signed-in-users");
    }

    @Test
    void a_share_from_a_preview_of_a_version_another_tab_switched_away_from_is_refused_then_shares_the_one_on_screen() {
        WebDriver tara = openBrowser();
        WebDriverWait wait = waitFor(tara);
        register(tara, wait, "taratabs" + unique(), "Tara Tabs", "taras-long-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        send(tara, wait, "Details IT: what makes bread rise?");
        messageButton(tara, wait, ".from-assistant", 0, "Regenerate answer").click();
        wait.until(d -> messagesText(d).contains("(version 2)"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
        assertThat(versionOf(tara, ".from-assistant", 0)).isEqualTo("2 / 2");
        wait.until(ExpectedConditions.urlContains("/chat/"));
        String chat = tara.getCurrentUrl();

        // Tab 1 opens the Share dialog on the second answer.
        openShareDialog(tara, wait);
        assertThat(previewText(tara)).contains("(version 2)");
        String firstTab = tara.getWindowHandle();

        // Tab 2, the same session: the same chat, switched back to the first answer.
        tara.switchTo().newWindow(WindowType.TAB);
        tara.get(chat);
        wait.until(d -> messagesText(d).contains("(version 2)"));
        messageButton(tara, wait, ".from-assistant", 0, "Previous version").click();
        wait.until(d -> !messagesText(d).contains("(version 2)"));
        assertThat(versionOf(tara, ".from-assistant", 0)).isEqualTo("1 / 2");
        String onScreen = lastAnswer(tara);
        assertThat(onScreen).contains("You asked:");
        Browser.screenshot(tara, "details-04-second-tab-switched");

        // Back in tab 1: Copy Link is refused, nothing is shared, the dialog shows the version now on screen.
        tara.switchTo().window(firstTab);
        assertThat(previewText(tara)).as("the preview made before the switch").contains("(version 2)");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("copy-link"))).click();
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("vaadin-notification-card .notification-text")));
        assertThat(refusal.getText()).isEqualTo(SWITCHED);
        wait.until(d -> !previewText(d).contains("(version 2)"));
        assertThat(previewText(tara)).contains("Details IT: what makes bread rise?", onScreen);
        assertThat(tara.findElements(By.id("copy-url"))).as("no link was made").noneMatch(WebElement::isDisplayed);
        assertThat(tara.findElements(By.id("delete-link"))).as("no link to delete").noneMatch(WebElement::isDisplayed);
        assertThat(tara.findElement(By.id("copy-link")).getText()).isEqualTo("Copy Link");
        Browser.screenshot(tara, "details-05-refused-after-switch");
        tara.findElement(By.cssSelector("vaadin-notification-card .notification-close")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-notification-card")));

        // Now the preview is of the chat as it is: sharing it works and shares that version.
        tara.findElement(By.id("copy-link")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("copy-url")));
        String url = tara.findElement(By.cssSelector("#share-url input")).getDomProperty("value");
        assertThat(tara.findElements(By.tagName("vaadin-notification-card"))).isEmpty();

        // Closed, the dialog leaves tab 1 showing the version it shared, not the one it showed before.
        assertThat(messagesText(tara)).as("behind the dialog, before it closes").contains("(version 2)");
        tara.findElement(By.xpath("//vaadin-button[normalize-space()='Close']")).click();
        wait.until(d -> !messagesText(d).contains("(version 2)"));
        assertThat(versionOf(tara, ".from-assistant", 0)).isEqualTo("1 / 2");
        assertThat(lastAnswer(tara)).isEqualTo(onScreen);

        WebDriver reader = openBrowser();
        reader.get(url);
        String page = waitFor(reader).until(ExpectedConditions.visibilityOfElementLocated(By.className("messages")))
                .getText();
        assertThat(page).contains("Details IT: what makes bread rise?", onScreen).doesNotContain("(version 2)");
    }

    private static long unique() {
        return System.nanoTime() % 1_000_000;
    }

    private static String decoded(String href) {
        return URLDecoder.decode(href, StandardCharsets.UTF_8);
    }

    private static void openShareDialog(WebDriver driver, WebDriverWait wait) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("header-share"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#share-preview .preview-message")));
    }

    /** The addresses the share sheet links to, read from the DOM (hidden ones included). */
    @SuppressWarnings("unchecked")
    private static List<String> sheetLinks(WebDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#share-sheet a[href]'), a => a.getAttribute('href'))");
    }

    private static String previewText(WebDriver driver) {
        return driver.findElement(By.id("share-preview")).getText();
    }
    private static void send(WebDriver driver, WebDriverWait wait, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message-input textarea")));
        input.sendKeys(text, Keys.ENTER);
        wait.until(d -> messagesText(d).contains("You asked: " + text));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
    }
}

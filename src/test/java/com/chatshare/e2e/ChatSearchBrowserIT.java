package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Finding a chat again, as a person does: chat in two chats, type a word of the first into the
 * search above the chat list, click the result and read the message it found; archive the chat
 * from its row menu, and find it again by search; on a phone, through the drawer.
 */
class ChatSearchBrowserIT extends BrowserJourney {

    @Test
    void a_word_from_an_old_chat_finds_it_and_an_archived_chat_is_found_again() {
        WebDriver sam = openBrowser();
        WebDriverWait wait = waitFor(sam);
        register(sam, wait, "sam" + (System.nanoTime() % 1_000_000), "Sam Searcher", "sams-long-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));

        send(sam, wait, "How do I proof sourdough overnight?");
        String breadChat = sam.getCurrentUrl();
        sam.findElement(By.id("new-chat")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        send(sam, wait, "Which tea goes with lemon cake?");
        String teaChat = sam.getCurrentUrl();
        assertThat(teaChat).matches(".*/chat/\\d+$").isNotEqualTo(breadChat);

        // A word's beginning, typed into the search: the first chat, the word marked.
        search(sam, wait, "sourd");
        WebElement result = onlyResult(sam, wait);
        assertThat(result.getText()).contains("How do I proof sourdough overnight?");
        assertThat(result.findElements(By.tagName("mark"))).extracting(WebElement::getText).contains("sourdough");
        assertThat(sam.findElement(By.id("chat-search-results")).getText()).doesNotContain("lemon cake");
        Browser.screenshot(sam, "search-01-results");

        result.click();
        wait.until(ExpectedConditions.urlMatches(breadChat + "\\?message=\\d+$"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-title"),
                "How do I proof sourdough overnight?"));
        WebElement found = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".found-message")));
        assertThat(found.getText()).contains("sourdough");
        Browser.screenshot(sam, "search-02-opened-at-the-message");

        // Clearing the search brings the list back; archive the chat from its row menu.
        clearSearch(sam, wait);
        WebElement row = chatRow(sam, wait, "How do I proof");
        new Actions(sam).moveToElement(row).perform();
        WebElement menu = row.findElement(By.cssSelector(".chat-row-more vaadin-menu-bar-button"));
        assertThat(menu.getAccessibleName().strip()).as("the menu button's name, read by screen readers")
                .isEqualTo("Chat actions for How do I proof sourdough overnight?");
        menu.click();
        // Selenium misjudges items in Vaadin's popover overlays as hidden; click them as a script would.
        WebElement archive = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-menu-bar-item[normalize-space()='Archive']")));
        ((JavascriptExecutor) sam).executeScript("arguments[0].click()", archive);
        wait.until(d -> !d.findElement(By.id("chat-list")).getText().contains("How do I proof"));
        assertThat(sam.findElement(By.id("chat-list")).getText()).contains("Which tea goes with lemon cake?");

        // The notification's Undo puts it back; then it is archived again.
        WebElement undo = wait.until(ExpectedConditions.elementToBeClickable(By.id("notification-undo")));
        Browser.screenshot(sam, "search-02b-archived-with-undo");
        undo.click();
        wait.until(d -> d.findElement(By.id("chat-list")).getText().contains("How do I proof"));
        row = chatRow(sam, wait, "How do I proof");
        new Actions(sam).moveToElement(row).perform();
        row.findElement(By.cssSelector(".chat-row-more vaadin-menu-bar-button")).click();
        archive = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-menu-bar-item[normalize-space()='Archive']")));
        ((JavascriptExecutor) sam).executeScript("arguments[0].click()", archive);
        wait.until(d -> !d.findElement(By.id("chat-list")).getText().contains("How do I proof"));

        // Archived, and still found.
        search(sam, wait, "overnight sourdough");
        WebElement archived = onlyResult(sam, wait);
        assertThat(archived.getText()).contains("Archived", "sourdough");
        archived.click();
        wait.until(ExpectedConditions.urlMatches(breadChat + "\\?message=\\d+$"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".found-message")));
        Browser.screenshot(sam, "search-03-archived-found-again");

        // On a phone: the drawer, the search, a tap on the result, and the drawer gets out of the way.
        sam.get(teaChat);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "lemon cake"));
        Browser.phone(sam);
        sam.findElement(By.tagName("vaadin-drawer-toggle")).click();
        search(sam, wait, "sourdough");
        WebElement tapped = onlyResult(sam, wait);
        Browser.screenshot(sam, "search-04-phone-results");
        tapped.click();
        wait.until(ExpectedConditions.urlMatches(breadChat + "\\?message=\\d+$"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "sourdough"));
        wait.until(d -> !Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.querySelector('vaadin-app-layout').drawerOpened")));
        Browser.screenshot(sam, "search-05-phone-opened");
    }

    private static void search(WebDriver driver, WebDriverWait wait, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chat-search input")));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text);
        wait.until(d -> {
            List<WebElement> results = d.findElements(By.cssSelector("#chat-search-results .chat-search-result"));
            return !results.isEmpty() && results.getFirst().isDisplayed();
        });
    }

    private static WebElement onlyResult(WebDriver driver, WebDriverWait wait) {
        List<WebElement> links = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#chat-search-results a.chat-search-result-link"));
            return found.isEmpty() ? null : found;
        });
        assertThat(links).hasSize(1);
        return links.getFirst();
    }

    private static void clearSearch(WebDriver driver, WebDriverWait wait) {
        WebElement field = driver.findElement(By.cssSelector("#chat-search input"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-list")));
    }

    private static WebElement chatRow(WebDriver driver, WebDriverWait wait, String titleStart) {
        return wait.until(d -> d.findElements(By.cssSelector("#chat-list .chat-row")).stream()
                .filter(row -> row.isDisplayed() && row.getText().startsWith(titleStart)).findFirst().orElse(null));
    }

    private static void send(WebDriver driver, WebDriverWait wait, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message-input textarea")));
        input.sendKeys(text, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stop")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
    }
}

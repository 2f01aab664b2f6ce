package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import java.util.List;
import java.util.stream.IntStream;
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

/**
 * Long chats stay fast (issue 24): an answer with lists and code streams in block by block and reads
 * the same after a reload; a 2,000-message chat opens at its end and shows older messages as the
 * reader scrolls up or clicks "Load earlier messages".
 */
class LongAnswersAndChatsBrowserIT extends BrowserJourney {

    private static final String LAST_ANSWER = "#messages .chat-message.from-assistant:last-of-type .chat-message-content";

    @Autowired
    AccountService accounts;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @Test
    void a_streamed_answer_with_a_list_and_code_reads_the_same_after_a_reload() {
        WebDriver driver = openBrowser();
        WebDriverWait wait = waitFor(driver);
        accounts.register(new Registration("stina", "Stina Stream", "stinas-long-password"));
        signIn(driver, "stina", "stinas-long-password");

        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message-input textarea")));
        input.sendKeys("Show me some Java code for a first program", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stop")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));

        WebElement answer = driver.findElement(By.cssSelector(LAST_ANSWER));
        assertThat(answer.findElements(By.cssSelector("ol > li"))).hasSize(3);
        assertThat(answer.findElement(By.cssSelector("pre > code.language-java")).getText())
                .contains("public class Example {", "System.out.println(\"Start small, then grow it.\");");
        assertThat(answer.findElements(By.cssSelector("em")).getLast().getText()).startsWith("This is message");
        String streamed = innerHtml(driver);

        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LAST_ANSWER)));
        assertThat(innerHtml(driver)).isEqualTo(streamed);
    }

    @Test
    void a_long_chat_opens_at_its_end_and_shows_older_messages_on_scrolling_up_and_on_click() {
        accounts.register(new Registration("omar", "Omar Scroll", "omars-long-password"));
        SignedIn.as(users, "omar");
        List<ChatTurn> turns = IntStream.range(0, 2_000)
                .mapToObj(i -> new ChatTurn(i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT,
                        "Message number " + i + (i == 120 ? " about the albatross" : "")
                                + (i % 2 == 0 ? "" : "\n\nwith a second paragraph")))
                .toList();
        ConversationSummary chat = conversations.createConversation("Two thousand messages", turns);
        SignedIn.signOut();

        WebDriver driver = openBrowser();
        WebDriverWait wait = waitFor(driver);
        signIn(driver, "omar", "omars-long-password");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Two thousand messages"))).click();

        wait.until(d -> visibleInMessages(d, "Message number 1999"));
        assertThat(messageTexts(driver)).hasSize(50).first().asString().contains("Message number 1950");

        // Scrolled to the top, the button comes into view and loads the 50 before, where the reader stays.
        scrollMessagesTo(driver, 0);
        wait.until(d -> messageTexts(d).size() == 100);
        assertThat(messageTexts(driver).getFirst()).contains("Message number 1900");
        assertThat(visibleInMessages(driver, "Message number 1950")).isTrue();
        assertThat(visibleInMessages(driver, "Message number 1999")).isFalse();

        // Scrolled up again: the 50 before those.
        scrollMessagesTo(driver, 0);
        wait.until(d -> messageTexts(d).size() == 150);
        assertThat(messageTexts(driver).getFirst()).contains("Message number 1850");

        // Pressed where it is (as a screen reader activates it, without scrolling it into view first,
        // which would load by itself): the 50 before those.
        WebElement button = driver.findElement(By.id("load-earlier"));
        assertThat(button.getText()).isEqualTo("Load earlier messages");
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", button);
        wait.until(d -> messageTexts(d).size() == 200);
        assertThat(messageTexts(driver).getFirst()).contains("Message number 1800");

        // A search finds a message far above those shown: the chat opens at a stretch around it, in view
        // and marked, with the way back to the end below.
        WebElement search = driver.findElement(By.cssSelector("#chat-search input"));
        search.sendKeys("albatross");
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#chat-search-results a.chat-search-result-link"))).click();
        WebElement found = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".found-message")));
        assertThat(found.getText()).contains("Message number 120 about the albatross");
        wait.until(d -> visibleInMessages(d, "Message number 120 about the albatross"));
        assertThat(messageTexts(driver).size()).as("a stretch, not the 1,880 messages down to it").isLessThanOrEqualTo(150);
        assertThat(messageTexts(driver)).noneMatch(text -> text.contains("Message number 1999"));
        Browser.screenshot(driver, "long-chat-search-opened-far-up");
        WebElement latest = driver.findElement(By.id("show-latest"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", latest);
        wait.until(ExpectedConditions.elementToBeClickable(latest)).click();
        wait.until(d -> visibleInMessages(d, "Message number 1999"));
        assertThat(messageTexts(driver)).hasSize(50);
    }

    private static String innerHtml(WebDriver driver) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector(arguments[0]).innerHTML", LAST_ANSWER);
    }

    private static List<String> messageTexts(WebDriver driver) {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('#messages .chat-message-content')].map(e => e.textContent)");
        return texts;
    }

    private static void scrollMessagesTo(WebDriver driver, int top) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById('messages').scrollTop = arguments[0]", top);
    }

    /** Whether a message with exactly this first line is inside the visible part of the messages. */
    private static boolean visibleInMessages(WebDriver driver, String text) {
        return (Boolean) ((JavascriptExecutor) driver).executeScript("""
                const messages = document.getElementById('messages');
                if (!messages) return false;
                const list = messages.getBoundingClientRect();
                const hit = [...document.querySelectorAll('#messages .chat-message-content')]
                    .find(e => e.textContent.split('\\n')[0].trim() === arguments[0]
                        || e.textContent.trim() === arguments[0]
                        || e.textContent.trim().startsWith(arguments[0] + 'with'));
                if (!hit) return false;
                const r = hit.getBoundingClientRect();
                return r.bottom > list.top && r.top < list.bottom;
                """, text);
    }
}

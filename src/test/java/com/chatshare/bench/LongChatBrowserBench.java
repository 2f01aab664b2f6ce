package com.chatshare.bench;

import com.chatshare.SignedIn;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.MessageRole;
import com.chatshare.e2e.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Opening a {@value #MESSAGES}-message chat in a real browser (Debian's headless Chromium): from the
 * click on the chat in the chat list to the first animation frame in which its last message is
 * visible in the messages, timed in the browser with {@code performance.now()}. Between rounds a
 * two-message chat is opened the same way. {@value #WARM_UP} warm-up rounds, then {@value #RUNS}
 * measured rounds. Run with bench/long-chat.sh; not part of the suite (tagged "bench"), and it
 * asserts no timings.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LongChatBrowserBench {

    static final int MESSAGES = 2_000;
    static final int WARM_UP = 5;
    static final int RUNS = 15;
    static final String LAST = "The very last message of the long chat.";

    /** Clicks the chat's row, then resolves with the milliseconds until the message is visible. */
    private static final String CLICK_AND_TIME = """
            const [title, last, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
            const link = [...document.querySelectorAll('a.chat-row-title')].find(a => a.textContent === title);
            const start = performance.now();
            link.click();
            const shown = () => {
              const list = document.getElementById('messages');
              if (!list || !list.checkVisibility()) return false;
              const all = list.querySelectorAll('.chat-message-content');
              const message = all[all.length - 1];
              if (!message || message.textContent.trim() !== last) return false;
              const box = list.getBoundingClientRect();
              const at = message.getBoundingClientRect();
              return at.bottom > box.top && at.top < box.bottom;
            };
            const poll = () => shown() ? done(performance.now() - start) : requestAnimationFrame(poll);
            requestAnimationFrame(poll);
            """;

    @LocalServerPort
    int port;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @Test
    void open_a_long_chat() throws Exception {
        SignedIn.as(users, "alice");
        List<ChatTurn> turns = new ArrayList<>();
        for (int i = 0; i < MESSAGES - 1; i++) {
            turns.add(new ChatTurn(i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT,
                    (i % 2 == 0 ? "Question " : "Answer with **Markdown** and `code` ") + i + " " + "lorem ipsum ".repeat(20)));
        }
        turns.add(new ChatTurn(MessageRole.ASSISTANT, LAST));
        conversations.createConversation("Two thousand messages", turns);
        conversations.createConversation("Two messages", List.of(new ChatTurn(MessageRole.USER, "Hello"),
                new ChatTurn(MessageRole.ASSISTANT, "The last message of the short chat.")));
        SignedIn.signOut();

        WebDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            driver.get("http://localhost:" + port + "/login");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form input[name='username']")))
                    .sendKeys("alice");
            driver.findElement(By.cssSelector("#login-form input[name='password']")).sendKeys("alice-password", Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Two thousand messages")));

            double[] open = new double[RUNS];
            for (int round = 0; round < WARM_UP + RUNS; round++) {
                time(driver, "Two messages", "The last message of the short chat.");
                double millis = time(driver, "Two thousand messages", LAST);
                if (round >= WARM_UP) {
                    open[round - WARM_UP] = millis;
                }
            }
            Arrays.sort(open);
            String report = String.format(Locale.ROOT,
                    "Open a %,d-message chat in Chromium (click in the chat list -> last message visible), %d warm-up rounds, "
                            + "then %d rounds: median %.0f ms, min %.0f ms, max %.0f ms%n",
                    MESSAGES, WARM_UP, RUNS, open[RUNS / 2], open[0], open[RUNS - 1]);
            Path out = Path.of("target", "bench", "long-chat.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.print(report);
        } finally {
            driver.quit();
        }
    }

    private static double time(WebDriver driver, String title, String last) {
        return ((Number) ((JavascriptExecutor) driver).executeAsyncScript(CLICK_AND_TIME, title, last)).doubleValue();
    }
}

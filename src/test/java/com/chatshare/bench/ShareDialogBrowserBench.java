package com.chatshare.bench;

import com.chatshare.SignedIn;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.e2e.Browser;
import com.chatshare.sharing.ShareService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What a person waits for in a real browser when sharing a 1,000-message chat (the chat of
 * {@link SnapshotCheckBench#chat}): from the click on Share to the dialog with its Copy Link
 * button shown, and from the click on Copy Link to the link shown in its field. Each time is taken
 * in the browser ({@code performance.now()} around the click and the first animation frame in which
 * the element is visible), so WebDriver's own round trips are not in it; and from the click on
 * Share to the end of the check before sharing, which runs while the dialog is open; and, of each
 * click, the round trip of its request to the server (Resource Timing of the first UIDL request
 * after the click), to tell the server's part from the browser's. {@value #WARM_UP} rounds
 * warm the JVM up first; then {@value #RUNS} measured rounds, each on a chat without a link (the
 * link is deleted between rounds). Run with bench/share-dialog.sh; not part of the suite (tagged
 * "bench"), and it asserts no timings.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShareDialogBrowserBench {

    static final int WARM_UP = 5;
    static final int RUNS = 15;

    /**
     * Clicks, then resolves with the milliseconds until the element is visible with a value/text,
     * and until nothing matches the third selector any more (the check before sharing is over).
     */
    private static final String CLICK_AND_TIME = """
            const [clickId, waitFor, goneWhenDone, done] = [arguments[0], arguments[1], arguments[2], arguments[arguments.length - 1]];
            performance.clearResourceTimings();
            const start = performance.now();
            document.getElementById(clickId).click();
            let shown = -1;
            const ready = () => {
              const el = document.querySelector(waitFor);
              return el && el.checkVisibility() && (el.value === undefined || el.value !== '');
            };
            const poll = () => {
              const now = performance.now() - start;
              if (shown < 0 && ready()) {
                shown = now;
              }
              if (shown >= 0 && !document.querySelector(goneWhenDone)) {
                // The round trip of the click: the first UIDL request sent after it, from sending to the last byte.
                const trip = performance.getEntriesByType('resource')
                    .filter(e => e.name.includes('v-r=uidl') && e.startTime >= start)[0];
                done([shown, now, trip ? trip.responseEnd - trip.startTime : -1]);
              } else {
                requestAnimationFrame(poll);
              }
            };
            requestAnimationFrame(poll);
            """;

    @LocalServerPort
    int port;

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    UserDetailsService users;

    @Test
    void open_the_share_dialog_and_copy_the_link_of_a_long_chat() throws Exception {
        SignedIn.as(users, "alice");
        List<ChatTurn> turns = SnapshotCheckBench.turns(new Random(21));
        ConversationSummary chat = conversations.createConversation("A thousand messages to share", turns);
        SignedIn.signOut();

        WebDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            driver.get("http://localhost:" + port + "/login");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form input[name='username']")))
                    .sendKeys("alice");
            driver.findElement(By.cssSelector("#login-form input[name='password']")).sendKeys("alice-password", Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
            driver.get("http://localhost:" + port + "/chat/" + chat.id());
            wait.until(ExpectedConditions.elementToBeClickable(By.id("header-share")));

            double[] open = new double[RUNS];
            double[] checked = new double[RUNS];
            double[] copy = new double[RUNS];
            double[] openTrip = new double[RUNS];
            double[] copyTrip = new double[RUNS];
            for (int round = 0; round < WARM_UP + RUNS; round++) {
                double[] opened = time(driver, "header-share", "#copy-link", ".share-preview-list.checking");
                double[] copied = time(driver, "copy-link", "#share-url input", ".share-preview-list.checking");
                if (round >= WARM_UP) {
                    open[round - WARM_UP] = opened[0];
                    checked[round - WARM_UP] = opened[1];
                    copy[round - WARM_UP] = copied[0];
                    openTrip[round - WARM_UP] = opened[2];
                    copyTrip[round - WARM_UP] = copied[2];
                }
                new Actions(driver).sendKeys(Keys.ESCAPE).perform();
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("share-dialog")));
                SignedIn.as(users, "alice");
                shares.deleteShare(chat.id());
                SignedIn.signOut();
            }
            String report = "Share dialog in Chromium, 1,000 messages (" + turns.stream().mapToInt(t -> t.content().length()).sum()
                    + " characters), " + WARM_UP + " warm-up rounds, then " + RUNS + " rounds\n"
                    + line("click Share -> dialog with Copy Link shown", open)
                    + line("  of which the click's round trip to the server", openTrip)
                    + line("click Share -> check before sharing over", checked)
                    + line("click Copy Link -> link shown in its field", copy)
                    + line("  of which the click's round trip to the server", copyTrip);
            Path out = Path.of("target", "bench", "share-dialog.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.print(report);
        } finally {
            driver.quit();
        }
    }

    private static double[] time(WebDriver driver, String clickId, String waitFor, String goneWhenDone) {
        List<?> times = (List<?>) ((JavascriptExecutor) driver).executeAsyncScript(CLICK_AND_TIME, clickId, waitFor,
                goneWhenDone);
        return times.stream().mapToDouble(time -> ((Number) time).doubleValue()).toArray();
    }

    private static String line(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format("%-45s median %6.0f ms, min %6.0f ms, max %6.0f ms%n", what,
                sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }
}

package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import com.chatshare.OwnSpringContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The answer limit as a person meets it, with one answer a minute: the second question is kept,
 * the notice says what happened and counts down, Send and Retry wait, and when the wait is over
 * Retry gets the question its answer. (Its own context: the other browser tests have no limit.)
 */
@OwnSpringContext
@TestPropertySource(properties = "chatshare.assistant.replies-per-minute=1")
class AnswerLimitBrowserIT extends BrowserJourney {

    @Test
    void a_limited_question_waits_with_a_countdown_and_gets_its_answer_by_retry() {
        WebDriver alice = openBrowser();
        WebDriverWait wait = waitFor(alice);
        signIn(alice, "alice", "alice-password");
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#message-input textarea")));
        input.sendKeys("The first question", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stop")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
        int answersBefore = alice.findElements(By.cssSelector("#messages .chat-message.from-assistant")).size();

        input = alice.findElement(By.cssSelector("#message-input textarea"));
        input.sendKeys("The second question", Keys.ENTER);

        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("assistant-error")));
        assertThat(notice.getText()).startsWith("You asked for 1 answer in the last minute")
                .contains("Your question is saved.").doesNotContain("what arrived of the answer");
        WebElement countdown = alice.findElement(By.id("answers-wait"));
        assertThat(countdown.getText()).matches("Retry in \\d+ s");
        assertThat(disabled(alice, "retry")).as("Retry waits").isTrue();
        assertThat(disabled(alice, "send")).as("Send waits").isTrue();
        assertThat(alice.findElement(By.id("messages")).getText()).contains("The second question");
        int first = seconds(countdown.getText());
        new WebDriverWait(alice, Duration.ofSeconds(5)).until(d -> seconds(countdown.getText()) < first);
        Browser.screenshot(alice, "daily-11-answers-limited-countdown");

        // The wait is over within the minute: Retry asks for the stored question's answer.
        new WebDriverWait(alice, Duration.ofSeconds(75)).until(d -> !disabled(d, "retry"));
        assertThat(disabled(alice, "send")).as("Send works again").isFalse();
        alice.findElement(By.id("retry")).click();
        wait.until(d -> d.findElements(By.cssSelector("#messages .chat-message.from-assistant")).size() > answersBefore);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("assistant-error")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
        assertThat(alice.findElements(By.cssSelector("#messages .chat-message.from-assistant"))).hasSize(answersBefore + 1);
    }

    /** Vaadin's buttons say so by their {@code disabled} attribute (they are no form controls to WebDriver). */
    private static boolean disabled(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getDomAttribute("disabled") != null;
    }

    private static int seconds(String countdown) {
        return Integer.parseInt(countdown.replaceAll("\\D", ""));
    }
}

package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Edit, regenerate and versions, as a person uses them (decision 0023): edit a question (Enter
 * makes a new line, Save sends), regenerate an answer, flip versions with the mouse and with the
 * keyboard, share, switch to the other branch, read the dialog's notice and update; the public
 * page and its Markdown download hold only the chosen path.
 */
class BranchesBrowserIT extends BrowserJourney {

    private static final String KITES = "Branches IT: how do kites fly?";
    private static final String GLIDERS = "Branches IT: and gliders?";
    private static final String PLANES = "Branches IT: and paper planes?";

    private final HttpClient http = HttpClient.newHttpClient();

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void edit_regenerate_flip_share_switch_and_update_shares_only_the_path_on_screen() throws Exception {
        WebDriver bea = openBrowser();
        WebDriverWait wait = waitFor(bea);
        register(bea, wait, "bea" + (System.nanoTime() % 1_000_000), "Bea Brancher", "beas-long-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        send(bea, wait, KITES);
        send(bea, wait, GLIDERS);

        // Edit the second question: Enter makes a new line, Save sends it as a new version.
        messageButton(bea, wait, ".from-user", 1, "Edit message").click();
        WebElement editor = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".message-editor-text textarea")));
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        editor.sendKeys(PLANES, Keys.ENTER, "Folded from A4.");
        assertThat(bea.findElement(By.cssSelector(".message-editor-text textarea")).isDisplayed())
                .as("Enter did not send the edit").isTrue();
        Browser.screenshot(bea, "branches-01-editing");
        bea.findElement(By.xpath("//vaadin-button[contains(@class,'save-edit')]")).click();
        wait.until(d -> messagesText(d).contains("You asked: " + PLANES));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
        assertThat(messagesText(bea)).contains("Folded from A4.").doesNotContain(GLIDERS);
        assertThat(versionOf(bea, ".from-user", 1)).isEqualTo("2 / 2");

        // Regenerate the last answer: a second version, different from the first.
        String firstAnswer = lastAnswer(bea);
        messageButton(bea, wait, ".from-assistant", 1, "Regenerate answer").click();
        wait.until(d -> messagesText(d).contains("(version 2)"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
        assertThat(versionOf(bea, ".from-assistant", 1)).isEqualTo("2 / 2");
        Browser.screenshot(bea, "branches-02-regenerated");

        // Flip with the mouse: back to the first answer.
        messageButton(bea, wait, ".from-assistant", 1, "Previous version").click();
        wait.until(d -> !messagesText(d).contains("(version 2)"));
        assertThat(lastAnswer(bea)).isEqualTo(firstAnswer);
        assertThat(versionOf(bea, ".from-assistant", 1)).isEqualTo("1 / 2");

        // And with the keyboard: from the question's Edit button, Tab reaches "Next version"; Enter flips.
        ((JavascriptExecutor) bea).executeScript("arguments[0].focus()",
                messageButton(bea, wait, ".from-user", 1, "Edit message"));
        bea.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(bea.switchTo().activeElement().getAttribute("aria-label")).isEqualTo("Next version");
        bea.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(d -> messagesText(d).contains("(version 2)"));
        // The focus stays on the switcher: Enter again goes back.
        wait.until(d -> "Previous version".equals(d.switchTo().activeElement().getAttribute("aria-label")));
        bea.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(d -> !messagesText(d).contains("(version 2)"));
        Browser.screenshot(bea, "branches-03-flipped-by-keyboard");

        // Half an edit of the first question survives the chat being drawn again by a flip below it.
        messageButton(bea, wait, ".from-user", 0, "Edit message").click();
        WebElement draft = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".message-editor-text textarea")));
        draft.sendKeys(" Half an edit, not saved");
        // The typed text reaches the server as it is typed (after a short pause), not only on leaving the field.
        sleepQuietly(600);
        messageButton(bea, wait, ".from-assistant", 1, "Next version").click();
        wait.until(d -> messagesText(d).contains("(version 2)"));
        wait.until(d -> d.findElement(By.cssSelector(".message-editor-text textarea")).getDomProperty("value")
                .equals(KITES + " Half an edit, not saved"));
        Browser.screenshot(bea, "branches-03b-edit-kept-across-a-flip");
        bea.findElement(By.xpath("//vaadin-button[contains(@class,'cancel-edit')]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".message-editor-text")));
        messageButton(bea, wait, ".from-assistant", 1, "Previous version").click();
        wait.until(d -> !messagesText(d).contains("(version 2)"));
        assertThat(bea.findElements(By.cssSelector(".message-editor-text"))).as("a cancelled edit stays closed").isEmpty();

        // Share the path on screen: the edited question with its first answer.
        bea.findElement(By.id("header-share")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("copy-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("copy-url")));
        String url = bea.findElement(By.cssSelector("#share-url input")).getDomProperty("value");
        closeDialog(bea, wait);

        // Switch the question back to its first version, then update the link.
        messageButton(bea, wait, ".from-user", 1, "Previous version").click();
        wait.until(d -> messagesText(d).contains(GLIDERS));
        assertThat(messagesText(bea)).doesNotContain(PLANES);
        bea.findElement(By.id("header-share")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("share-status"),
                "You switched to another version since sharing"));
        assertThat(bea.findElement(By.id("share-status")).getText())
                .isEqualTo("You switched to another version since sharing: updating shares the conversation as it "
                        + "is on screen now.");
        Browser.screenshot(bea, "branches-04-dialog-notice");
        bea.findElement(By.id("copy-link")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("share-status")));
        closeDialog(bea, wait);

        // Signed out: the page and the download hold the chosen path and never the other branch.
        WebDriver reader = openBrowser();
        reader.get(url);
        waitFor(reader).until(ExpectedConditions.visibilityOfElementLocated(By.className("messages")));
        assertThat(reader.getPageSource()).contains("how do kites fly", "and gliders")
                .doesNotContain("paper planes", "Folded from A4", "version 2");
        // The download is an attachment (the browser saves it): its source read as a signed-out client reads it.
        HttpResponse<String> md = http.send(HttpRequest.newBuilder(URI.create(url + ".md")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.body()).contains("how do kites fly", "and gliders")
                .doesNotContain("paper planes", "Folded from A4", "version 2");

        // On a phone the buttons are there without hovering.
        Browser.phone(bea);
        assertThat(messageButton(bea, wait, ".from-user", 1, "Edit message").isDisplayed()).isTrue();
        assertThat(messageButton(bea, wait, ".from-user", 1, "Next version").isDisplayed()).isTrue();
        assertThat(messageButton(bea, wait, ".from-assistant", 1, "Regenerate answer").isDisplayed()).isTrue();
        Browser.screenshot(bea, "branches-05-phone");
    }

    private static void closeDialog(WebDriver driver, WebDriverWait wait) {
        driver.findElement(By.xpath("//vaadin-button[normalize-space()='Close']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("copy-link")));
    }

    private static void send(WebDriver driver, WebDriverWait wait, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message-input textarea")));
        input.sendKeys(text, Keys.ENTER);
        wait.until(d -> messagesText(d).contains("You asked: " + text));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
    }
}

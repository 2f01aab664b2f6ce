package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.OwnSpringContext;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.internal.FakeEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A model per chat, custom instructions and the Copy button on code, as a person meets them, with
 * the app pointed at a fake OpenAI-compatible endpoint offering three models: write instructions
 * in the user menu, pick a model in the chat header, read it beside the answer, copy a code block,
 * share, and read "Answered by …" on the public page, which never holds the instructions. (Its own
 * context: the other browser tests use the offline demo assistant.)
 */
@OwnSpringContext
class ModelsBrowserIT extends BrowserJourney {

    static final String INSTRUCTIONS_MARKER = "BROWSER-INSTRUCTIONS-7f3a";
    static final String CODE = "System.out.println(\"copied from the chat\");";
    static final MockWebServer server = new MockWebServer();
    static final FakeEndpoint endpoint = new FakeEndpoint("model-alpha", "model-beta", "model-gamma");

    static {
        endpoint.answer = List.of("Here is ", "the answer.\n\n", "```java\n", CODE + "\n", "```\n");
        server.setDispatcher(endpoint);
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void fakeEndpoint(DynamicPropertyRegistry registry) {
        registry.add("chatshare.assistant.base-url", () -> server.url("/v1").toString());
        registry.add("chatshare.assistant.api-key", () -> "test-key");
        registry.add("chatshare.assistant.model", () -> "model-alpha");
        registry.add("chatshare.assistant.replies-per-minute", () -> "1000");
    }

    @AfterAll
    static void stopEndpoint() throws IOException {
        server.shutdown();
    }

    @Autowired
    AccountService accounts;

    @Test
    void a_picked_model_answers_is_named_beside_the_answer_and_on_the_public_page_without_the_instructions()
            throws Exception {
        accounts.register(new Registration("mona-models", "Mona Models", "monas-long-password"));
        WebDriver driver = openBrowser();
        WebDriverWait wait = waitFor(driver);
        ((HasCdp) driver).executeCdpCommand("Browser.grantPermissions", Map.of(
                "origin", url(""), "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        signIn(driver, "mona-models", "monas-long-password");

        // Custom instructions, from the user menu.
        driver.findElement(By.cssSelector("#user-menu vaadin-menu-bar-button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("custom-instructions-menu"))).click();
        WebElement instructions = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#custom-instructions textarea")));
        instructions.sendKeys("Answer like a ship's captain. " + INSTRUCTIONS_MARKER);
        driver.findElement(By.id("custom-instructions-save")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("custom-instructions-dialog")));

        // The first question, answered by the default model.
        ask(driver, wait, "Print something in Java");
        assertThat(endpoint.lastChatRequest()).contains("\"model\":\"model-alpha\"", INSTRUCTIONS_MARKER);
        WebElement picker = driver.findElement(By.id("model-picker"));
        assertThat(picker.getDomProperty("accessibleName")).as("its accessible name").isEqualTo("Model");
        assertThat(picker.getText()).contains("model-alpha");

        // Another model, picked in the header.
        picker.click();
        WebElement beta = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-select-item[normalize-space()='model-beta']")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", beta);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("model-picker"), "model-beta"));
        ask(driver, wait, "And once more, please");
        assertThat(endpoint.lastChatRequest()).contains("\"model\":\"model-beta\"", INSTRUCTIONS_MARKER);
        WebElement answer = driver.findElements(By.cssSelector("#messages .chat-message.from-assistant")).getLast();
        wait.until(d -> answer.findElements(By.cssSelector(".chat-message-model")).size() == 1);
        assertThat(answer.findElement(By.cssSelector(".chat-message-model")).getText()).isEqualTo("model-beta");
        Browser.screenshot(driver, "models-01-picked-model");

        // The answer's code block has a Copy button that copies its text.
        WebElement copy = wait.until(d -> answer.findElement(By.cssSelector("pre > button.code-copy")));
        assertThat(copy.getDomAttribute("aria-label")).isEqualTo("Copy code");
        assertThat(copy.getText()).isEqualTo("Copy");
        copy.click();
        wait.until(d -> "Copied".equals(copy.getText()));
        Object clipboard = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));");
        assertThat(clipboard).isEqualTo(CODE + "\n");

        // Shared, the public page says which model answered, and never holds the instructions.
        driver.findElement(By.id("header-share")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("copy-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("copy-url")));
        String link = driver.findElement(By.cssSelector("#share-url input")).getDomProperty("value");
        driver.findElement(By.xpath("//vaadin-button[normalize-space()='Close']")).click();

        WebDriver reader = openBrowser();
        reader.get(link);
        List<WebElement> answeredBy = reader.findElements(By.className("answered-by"));
        assertThat(answeredBy).extracting(WebElement::getText).containsExactly("Answered by model-alpha",
                "Answered by model-beta");
        assertThat(reader.findElements(By.cssSelector(".code-copy"))).as("the public page stays without script").isEmpty();
        assertThat(reader.findElements(By.cssSelector("pre")).getLast().getText()).isEqualTo(CODE);
        assertThat(reader.getPageSource()).doesNotContain(INSTRUCTIONS_MARKER);
        Browser.screenshot(reader, "models-02-public-page-answered-by");
        assertThat(download(link + ".md")).doesNotContain(INSTRUCTIONS_MARKER)
                .containsPattern("\\*Answered by model\\\\?-beta\\*");
    }

    @Test
    void the_picker_fits_a_phone_sized_window() {
        accounts.register(new Registration("milo-models", "Milo Models", "milos-long-password"));
        WebDriver driver = openBrowser("--window-size=390,844");
        WebDriverWait wait = waitFor(driver);
        signIn(driver, "milo-models", "milos-long-password");

        ask(driver, wait, "Hello from a phone");

        WebElement picker = driver.findElement(By.id("model-picker"));
        WebElement share = driver.findElement(By.id("header-share"));
        int width = ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.clientWidth")).intValue();
        assertThat(picker.isDisplayed()).isTrue();
        assertThat(share.getRect().getX() + share.getRect().getWidth()).as("Share stays on the screen")
                .isLessThanOrEqualTo(width);
        assertThat(picker.getRect().getX()).isGreaterThanOrEqualTo(0);
        Browser.screenshot(driver, "models-03-phone-header");
    }

    /** The Markdown download, fetched as a program would (a browser saves it as a file). */
    private static String download(String address) throws Exception {
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(address)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private static void ask(WebDriver driver, WebDriverWait wait, String question) {
        int answers = driver.findElements(By.cssSelector("#messages .chat-message.from-assistant")).size();
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#message-input textarea")));
        input.sendKeys(question, Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#messages .chat-message.from-assistant")).size() > answers);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(
                By.cssSelector("#messages .chat-message.from-assistant")).getLast().getText().contains("the answer."));
    }
}

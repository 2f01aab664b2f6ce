package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Bringing chats in, as a person does: Settings → Data controls, upload a ChatGPT export zip and a
 * Claude export, read the summary, open the chat list and an imported chat, and read the branch
 * that was on screen in ChatGPT.
 */
class ImportBrowserIT extends BrowserJourney {

    @TempDir
    Path dir;

    @Test
    void a_chatgpt_and_a_claude_export_land_in_the_chat_list_and_open_on_the_branch_shown_there() throws IOException {
        WebDriver ina = openBrowser();
        WebDriverWait wait = waitFor(ina);
        register(ina, wait, "ina" + (System.nanoTime() % 1_000_000), "Ina Importer", "inas-long-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));

        ina.get(url("/settings/data-controls"));
        upload(ina, wait, zip("chatgpt-export.zip", "chatgpt-conversations.json"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Imported 2 chats."));
        Browser.screenshot(ina, "import-01-chatgpt-summary");

        upload(ina, wait, zip("claude-export.zip", "claude-conversations.json"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Imported 2 chats."));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-open-chats"))).click();

        WebElement row = wait.until(d -> d.findElements(By.cssSelector("#chat-list .chat-row")).stream()
                .filter(r -> r.isDisplayed() && r.getText().contains("Sums and a picture")).findFirst().orElse(null));
        assertThat(row.getText()).contains("Imported");
        assertThat(row.findElement(By.cssSelector(".chat-row-imported")).getAttribute("textContent"))
                .contains("Imported from ChatGPT");
        assertThat(ina.findElement(By.id("chat-list")).getText()).contains("Summarise a report");
        Browser.screenshot(ina, "import-02-chat-list");

        row.findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "It printed"));
        assertThat(ina.findElement(By.id("imported-from")).getText()).isEqualTo("Imported from ChatGPT");
        String messages = ina.findElement(By.id("messages")).getText();
        // The branch on screen in ChatGPT: the regenerated answer "Four.", not the first one.
        assertThat(messages).contains("What is 2+2?", "Four.", "Run this for me", "[Image not imported]",
                "print('hi')", "It printed").doesNotContain("It is 4.");
        Browser.screenshot(ina, "import-03-imported-chat");
    }

    @Test
    void an_export_of_twelve_megabytes_goes_through_the_browser_s_upload() throws IOException {
        WebDriver ivo = openBrowser();
        WebDriverWait wait = waitFor(ivo);
        register(ivo, wait, "ivo" + (System.nanoTime() % 1_000_000), "Ivo Importer", "ivos-long-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        // Past the servlet container's default limits for one uploaded part (1 MB) and one request (10 MB).
        Path big = dir.resolve("conversations.json");
        try (var out = Files.newBufferedWriter(big)) {
            out.write("[");
            String words = "All work and no play makes a long export. ".repeat(480);
            for (int c = 0; c < 300; c++) {
                out.write((c == 0 ? "" : ",") + "{\"id\": \"big-" + c + "\", \"title\": \"Big export " + c
                        + "\", \"create_time\": 1714560000.0, \"update_time\": 1714560100.0, \"current_node\": \"a\","
                        + " \"mapping\": {\"root\": {\"id\": \"root\", \"message\": null, \"parent\": null,"
                        + " \"children\": [\"u\"]}, \"u\": {\"id\": \"u\", \"parent\": \"root\", \"children\": [\"a\"],"
                        + " \"message\": {\"id\": \"u\", \"author\": {\"role\": \"user\"}, \"create_time\": 1714560001.0,"
                        + " \"content\": {\"content_type\": \"text\", \"parts\": [\"" + words + "\"]}}},"
                        + " \"a\": {\"id\": \"a\", \"parent\": \"u\", \"children\": [],"
                        + " \"message\": {\"id\": \"a\", \"author\": {\"role\": \"assistant\"}, \"create_time\": 1714560002.0,"
                        + " \"content\": {\"content_type\": \"text\", \"parts\": [\"Answer " + c + ". " + words + "\"]}}}}}");
            }
            out.write("]");
        }
        assertThat(Files.size(big)).isGreaterThan(12_000_000L);

        ivo.get(url("/settings/data-controls"));
        upload(ivo, wait, big);
        new WebDriverWait(ivo, java.time.Duration.ofSeconds(120)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("import-status"), "Imported 300 chats."));
        Browser.screenshot(ivo, "import-04-twelve-megabytes");
    }

    private static void upload(WebDriver driver, WebDriverWait wait, Path file) {
        WebElement input = wait.until(d -> d.findElement(By.id("import-upload")).getShadowRoot()
                .findElements(By.cssSelector("input[type=file]")).stream().findFirst()
                .orElseGet(() -> d.findElements(By.cssSelector("#import-upload input[type=file]")).stream()
                        .findFirst().orElse(null)));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    private Path zip(String name, String fixture) throws IOException {
        Path zip = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                InputStream in = ImportBrowserIT.class.getResourceAsStream("/imports/" + fixture)) {
            out.putNextEntry(new ZipEntry("conversations.json"));
            in.transferTo(out);
            out.closeEntry();
        }
        return zip;
    }
}

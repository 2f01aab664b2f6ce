package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A link's preview card (decision 0027), as an owner turns it on and an unfurler reads it: register,
 * chat, share with "Show a preview card when the link is posted" ticked, read the card's tags from
 * the page's source signed out, fetch its picture; delete the link under Settings → Data controls,
 * and the page and the picture answer 404. (These browser tests run without
 * {@code chatshare.public-url}: the card has no image address then, and the picture is fetched at
 * its path.)
 */
class PreviewCardBrowserIT extends BrowserJourney {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void an_owner_turns_the_card_on_a_stranger_reads_its_tags_and_after_delete_both_answer_404() throws Exception {
        WebDriver owner = openBrowser();
        WebDriverWait wait = waitFor(owner);
        register(owner, wait, "carla" + (System.nanoTime() % 1_000_000), "Carla Card", "carlas-long-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        send(owner, wait, "Which knots hold best in wet rope?");

        owner.findElement(By.id("header-share")).click();
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-preview-card")));
        assertThat(card.getText()).contains("Show a preview card when the link is posted",
                "The card shows the title to everyone who sees the post");
        assertThat(card.getDomProperty("checked")).as("off by default").isEqualTo("false");
        card.findElement(By.tagName("input")).click();
        wait.until(d -> "true".equals(d.findElement(By.id("share-preview-card")).getDomProperty("checked")));
        Browser.screenshot(owner, "preview-card-01-dialog");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("copy-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("copy-url")));
        String link = owner.findElement(By.cssSelector("#share-url input")).getDomProperty("value");
        assertThat(link).matches("http://localhost:\\d+/share/[A-Za-z0-9_-]{22}");
        owner.findElement(By.xpath("//vaadin-button[normalize-space()='Close']")).click();

        WebDriver stranger = openBrowser();
        stranger.get(link);
        assertThat(stranger.findElement(By.tagName("h1")).getText()).isEqualTo("Which knots hold best in wet rope?");
        assertThat(meta(stranger, "property", "og:title")).containsExactly("Which knots hold best in wet rope?");
        assertThat(meta(stranger, "property", "og:description")).containsExactly("A conversation shared on Chatshare");
        assertThat(meta(stranger, "property", "og:type")).containsExactly("article");
        assertThat(meta(stranger, "name", "twitter:title")).containsExactly("Which knots hold best in wet rope?");
        assertThat(meta(stranger, "name", "twitter:card")).as("no public address configured: no image tag")
                .containsExactly("summary");
        assertThat(stranger.getPageSource()).contains("<meta property=\"og:description\"");

        HttpResponse<byte[]> picture = get(link + "/card.png");
        assertThat(picture.statusCode()).isEqualTo(200);
        assertThat(picture.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.body()));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);

        owner.get(url("/settings/data-controls"));
        wait.until(ExpectedConditions.textToBe(By.id("link-count"), "You have 1 shared link."));
        owner.findElement(By.id("manage-links")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("links-grid"), "Which knots hold best"));
        owner.findElement(By.cssSelector("#links-menu vaadin-menu-bar-button")).click();
        WebElement deleteAll = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-menu-bar-item[normalize-space()='Delete all shared links']")));
        // Selenium misjudges items in Vaadin's overlays as hidden; click them as a script would.
        ((JavascriptExecutor) owner).executeScript("arguments[0].click()", deleteAll);
        WebElement confirm = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-button[normalize-space()='Delete all 1']")));
        ((JavascriptExecutor) owner).executeScript("arguments[0].click()", confirm);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("links-empty")));

        stranger.get(link);
        assertThat(stranger.findElement(By.tagName("h1")).getText()).isEqualTo("This link does not exist");
        assertThat(stranger.getPageSource()).doesNotContain("og:", "twitter:");
        assertThat(get(link).statusCode()).isEqualTo(404);
        assertThat(get(link + "/card.png").statusCode()).isEqualTo(404);
    }

    private static List<String> meta(WebDriver driver, String attribute, String name) {
        return driver.findElements(By.cssSelector("meta[" + attribute + "='" + name + "']")).stream()
                .map(element -> element.getDomAttribute("content")).toList();
    }

    private HttpResponse<byte[]> get(String address) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(address)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void send(WebDriver driver, WebDriverWait wait, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message-input textarea")));
        input.sendKeys(text, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stop")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
    }
}

package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The path a person walks every day, as they walk it: register and be signed in, chat in two
 * chats, go back to the first from the list (mouse, keyboard, the phone's drawer), share it on a
 * phone, open the link signed out, and a second person continues it by registering from the
 * public page, straight into their copy. What people typed reads back exactly as typed everywhere.
 */
class DailyUseJourneyBrowserIT extends BrowserJourney {

    /** Looks like Markdown and template syntax; a person means it literally. */
    static final String TYPED_FIRST_LINE = "{{7*7}} ${7*7} *not italic* _nor this_";
    static final String TYPED_SECOND_LINE = "  # not a heading, two spaces kept";

    @Test
    void a_new_user_registers_chats_twice_returns_to_the_first_shares_it_and_a_reader_continues_it() {
        WebDriver dana = openBrowser();
        WebDriverWait wait = waitFor(dana);

        // Registering signs the new account in and opens a new chat.
        register(dana, wait, "dana", "Dana Daily", "danas-long-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        assertThat(dana.findElement(By.id("welcome")).getText()).isEqualTo("Welcome, Dana Daily");
        assertThat(dana.getCurrentUrl()).doesNotContain("/login").doesNotContain("/register");
        Browser.screenshot(dana, "daily-01-registered-and-signed-in");

        // Two chats.
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message-input textarea")));
        input.sendKeys(TYPED_FIRST_LINE, Keys.chord(Keys.SHIFT, Keys.ENTER), TYPED_SECOND_LINE, Keys.ENTER);
        awaitAnswer(wait);
        String firstChat = dana.getCurrentUrl();
        assertThat(firstChat).matches(".*/chat/\\d+$");
        assertTypedAsTyped(dana.findElement(By.cssSelector("#messages .chat-message.from-user .chat-message-content")));

        dana.findElement(By.id("new-chat")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        send(dana, wait, "A second, unrelated question");
        String secondChat = dana.getCurrentUrl();
        assertThat(secondChat).matches(".*/chat/\\d+$").isNotEqualTo(firstChat);

        // Back to the first from the list, with the mouse.
        WebElement firstRow = rowLink(dana, wait, TYPED_FIRST_LINE.substring(0, 7));
        assertThat(firstRow.getDomAttribute("href")).isEqualTo(path(firstChat).substring(1));
        firstRow.click();
        wait.until(ExpectedConditions.urlToBe(firstChat));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "{{7*7}} ${7*7}"));
        assertThat(dana.findElement(By.id("messages")).getText()).doesNotContain("A second, unrelated question");
        Browser.screenshot(dana, "daily-02-first-chat-from-the-list");

        // To the second one by keyboard: focus its link and press Enter.
        WebElement secondRow = rowLink(dana, wait, "A second, unrelated");
        ((JavascriptExecutor) dana).executeScript("arguments[0].focus()", secondRow);
        dana.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlToBe(secondChat));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "A second, unrelated question"));

        // On a phone: the drawer, a tap on the first chat, and the drawer gets out of the way.
        Browser.phone(dana);
        dana.findElement(By.tagName("vaadin-drawer-toggle")).click();
        WebElement tapped = rowLink(dana, wait, TYPED_FIRST_LINE.substring(0, 7));
        tapped.click();
        wait.until(ExpectedConditions.urlToBe(firstChat));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "{{7*7}} ${7*7}"));
        wait.until(d -> !Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.querySelector('vaadin-app-layout').drawerOpened")));
        Browser.screenshot(dana, "daily-03-phone-first-chat-from-the-drawer");

        // Share it on the phone.
        WebElement headerShare = dana.findElement(By.id("header-share"));
        assertThat(headerShare.getText()).as("a labelled button, not a bare icon").isEqualTo("Share");
        headerShare.click();
        WebElement copy = wait.until(ExpectedConditions.elementToBeClickable(By.id("copy-link")));
        // What matters is on the first screen, without scrolling: title, name or anonymous, who can
        // open it, until when, and Copy Link; the preview comes after, read-only.
        for (String id : List.of("share-title", "share-author", "share-audience", "share-expires", "copy-link")) {
            assertThat(inViewport(dana, id)).as(id + " visible without scrolling on a 390x844 phone").isTrue();
        }
        assertThat(dana.findElements(By.cssSelector("#share-preview vaadin-checkbox")).stream()
                .filter(WebElement::isDisplayed)).as("no ticks until Choose messages").isEmpty();
        dana.findElement(By.id("choose-messages")).click();
        wait.until(d -> d.findElements(By.cssSelector("#share-preview vaadin-checkbox")).stream()
                .anyMatch(WebElement::isDisplayed));
        dana.findElement(By.id("choose-messages")).click();
        copy.click();
        wait.until(d -> !d.findElement(By.cssSelector("#share-url input")).getDomProperty("value").isBlank());
        String link = dana.findElement(By.cssSelector("#share-url input")).getDomProperty("value");
        assertThat(link).matches("http://localhost:\\d+/share/[A-Za-z0-9_-]{22}");
        // Copied or not, the page says so under the link; there is nothing to update.
        wait.until(d -> !d.findElement(By.id("share-url")).getText().isBlank()
                || !String.valueOf(d.findElement(By.id("share-url")).getDomProperty("helperText")).isBlank());
        assertThat(dana.findElements(By.id("copy-link")).stream().filter(WebElement::isDisplayed)).isEmpty();
        // The click shows its result: the dialog scrolls to the link, and to where to send it.
        wait.until(d -> inViewport(d, "share-url") && inViewport(d, "share-sheet"));
        Browser.screenshot(dana, "daily-04-phone-shared");
        dana.findElement(By.xpath("//vaadin-button[normalize-space()='Close']")).click();

        // Signed out, the link reads as typed.
        WebDriver erin = openBrowser();
        WebDriverWait erinWait = waitFor(erin);
        erin.get(link);
        WebElement typed = erin.findElement(By.cssSelector(".messages .verbatim"));
        assertTypedAsTyped(typed);
        Browser.screenshot(erin, "daily-05-public-page");

        // Erin continues it: the sign-in page says what for, she registers, and is in her copy.
        String title = erin.findElement(By.tagName("h1")).getText();
        erin.findElement(By.linkText("Continue this conversation")).click();
        erinWait.until(ExpectedConditions.urlContains("/login"));
        erinWait.until(ExpectedConditions.textToBe(By.id("login-heading"), "Sign in to continue “" + title + "”"));
        Browser.screenshot(erin, "daily-06-sign-in-to-continue");
        erin.findElement(By.id("register-link")).click();
        erinWait.until(ExpectedConditions.textToBe(By.id("register-heading"), "Create an account to continue “" + title + "”"));
        register(erin, erinWait, "erin", "Erin Reader", "erins-long-password");
        erinWait.until(ExpectedConditions.urlMatches(".*/chat/\\d+$"));
        erinWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "{{7*7}} ${7*7}"));
        assertTypedAsTyped(erin.findElement(By.cssSelector("#messages .chat-message.from-user .chat-message-content")));
        assertThat(erin.findElement(By.id("conversation-title")).getText()).isEqualTo(title);
        Browser.screenshot(erin, "daily-07-continued-copy");

        // Dana manages her links on their own page, on her phone, and deletes this one.
        dana.get(url("/settings/data-controls"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("manage-links"))).click();
        wait.until(ExpectedConditions.urlToBe(url("/settings/data-controls/links")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("links-grid"), "{{7*7}}"));
        WebElement titleCell = dana.findElement(By.cssSelector("#links-grid a.link-title"));
        assertThat(titleCell.getText()).as("the whole title, wrapped").isEqualTo(title);
        assertThat(dana.findElement(By.cssSelector("#links-grid .link-meta")).getText())
                .startsWith("Anyone · never expires · ");
        Browser.screenshot(dana, "daily-08-phone-links-page");
        dana.findElement(By.cssSelector("#links-grid .link-actions vaadin-menu-bar-button")).click();
        WebElement delete = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-menu-bar-item.delete-link")));
        assertThat(delete.getText()).isEqualTo("Delete…");
        ((JavascriptExecutor) dana).executeScript("arguments[0].click()", delete);
        WebElement confirm = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("delete-one-confirm")));
        assertThat(confirm.getDomProperty("message") + confirm.getText()).contains(title);
        ((JavascriptExecutor) dana).executeScript("arguments[0].click()", wait.until(
                ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-button[normalize-space()='Delete link']"))));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("links-empty")));
        erin.get(link);
        assertThat(erin.findElement(By.tagName("h1")).getText()).isEqualTo("This link does not exist");
    }

    @Test
    void the_site_has_an_icon_rules_for_crawlers_compressed_pages_and_bundles_cached_for_good() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<byte[]> icon = http.send(HttpRequest.newBuilder(URI.create(url("/favicon.ico"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("icon"));

        HttpResponse<String> robots = http.send(HttpRequest.newBuilder(URI.create(url("/robots.txt"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(robots.statusCode()).as("not a redirect to sign in").isEqualTo(200);
        assertThat(robots.body()).contains("User-agent: *", "Allow: /share/", "Disallow: /");

        HttpResponse<byte[]> login = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(login.headers().firstValue("Content-Encoding")).contains("gzip");
        String page = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(login.body()))
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("images/icon.svg");

        // The sign-in page is plain HTML: it loads none of Vaadin's client (BENCHMARKS.md, Lighthouse).
        WebDriver browser = openBrowser();
        browser.get(url("/login"));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        assertThat(loadedResources(browser)).isNotEmpty().noneMatch(name -> name.contains("/VAADIN/"));

        // A Vaadin page's view of it: the bundle files it loaded, each with a hash in its name.
        browser.get(url("/register"));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("create-account")));
        List<String> scripts = loadedResources(browser).stream().filter(name -> name.contains("/VAADIN/build/")).toList();
        assertThat(scripts).isNotEmpty();
        HttpResponse<Void> bundle = http.send(HttpRequest.newBuilder(URI.create(scripts.getFirst())).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().allValues("Cache-Control")).containsExactly("public, max-age=31536000, immutable");
    }

    /** The addresses of every file the page in this browser loaded after its HTML. */
    @SuppressWarnings("unchecked")
    private static List<String> loadedResources(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
    }

    /** Whether the element is entirely within the window, as it is scrolled now. */
    private static boolean inViewport(WebDriver driver, String id) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                        + "return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;", id));
    }

    /** The user's words: the same characters, line breaks and spaces, and no formatting. */
    static void assertTypedAsTyped(WebElement shown) {
        assertThat(shown.findElements(By.cssSelector("em, strong, h1, h2, code"))).isEmpty();
        String text = shown.getDomProperty("innerText");
        assertThat(text.strip()).isEqualTo(TYPED_FIRST_LINE + "\n" + TYPED_SECOND_LINE);
    }

    private static WebElement rowLink(WebDriver driver, WebDriverWait wait, String titleStart) {
        return wait.until(d -> {
            List<WebElement> links = d.findElements(By.cssSelector("#chat-list a.chat-row-title"));
            return links.stream().filter(a -> a.isDisplayed() && a.getText().startsWith(titleStart)).findFirst().orElse(null);
        });
    }

    private static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    private static void send(WebDriver driver, WebDriverWait wait, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message-input textarea")));
        input.sendKeys(text, Keys.ENTER);
        awaitAnswer(wait);
    }

    private static void awaitAnswer(WebDriverWait wait) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stop")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
    }
}

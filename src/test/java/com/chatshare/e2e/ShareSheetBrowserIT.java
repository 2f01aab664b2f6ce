package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 26's share sheet in Chromium: a new account shares a chat and reads the sheet's links back
 * from the page (asserted, never followed), opens the QR code by keyboard and decodes the image the
 * app serves with zxing, sees the sheet fit a phone, and gets "Share…" only in a browser that has
 * {@code navigator.share}.
 */
class ShareSheetBrowserIT extends BrowserJourney {

    /** Fetches an address with the page's own session and gives its bytes back in Base64. */
    private static final String FETCH_BYTES = """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], {credentials: 'same-origin'})
              .then(response => response.ok ? response.arrayBuffer() : Promise.reject(response.status))
              .then(buffer => {
                const bytes = new Uint8Array(buffer);
                let text = '';
                for (let i = 0; i < bytes.length; i++) {
                  text += String.fromCharCode(bytes[i]);
                }
                done(btoa(text));
              })
              .catch(error => done('failed: ' + error));""";

    /** The content type and disposition an address answers with, for the page's own session. */
    private static final String HEADERS = """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], {credentials: 'same-origin'})
              .then(response => done(response.headers.get('content-type') + ' | '
                  + response.headers.get('content-disposition')))
              .catch(error => done('failed: ' + error));""";

    @Test
    void the_sheet_links_to_email_and_the_networks_and_its_qr_code_decodes_to_the_link() throws Exception {
        WebDriver tess = openBrowser();
        WebDriverWait wait = waitFor(tess);
        register(tess, wait, "tess" + (System.nanoTime() % 1_000_000), "Tess Sheet", "tess-long-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        send(tess, wait, "Plans for the ridge trail & what to pack?");
        assertThat(((JavascriptExecutor) tess).executeScript("return typeof navigator.share"))
                .as("headless desktop Chromium has no system share sheet").isEqualTo("undefined");

        String url = createLink(tess, wait);
        String title = tess.findElement(By.id("share-title")).getText();
        assertThat(title).isNotBlank();

        WebElement email = tess.findElement(By.id("share-to-email"));
        assertThat(email.getDomAttribute("href")).startsWith("mailto:?subject=");
        assertThat(params(email.getDomAttribute("href")))
                .containsExactly(Map.entry("subject", title), Map.entry("body", title + "\r\n" + url));
        assertThat(email.getDomAttribute("target")).isNull();
        assertThat(email.getAccessibleName()).isEqualTo("Share by email");
        Map<String, Map<String, String>> expected = Map.of(
                "share-to-x", Map.of("text", title, "url", url),
                "share-to-linkedin", Map.of("url", url),
                "share-to-reddit", Map.of("url", url, "title", title),
                "share-to-whatsapp", Map.of("text", title + " " + url));
        Map<String, String> addresses = Map.of(
                "share-to-x", "https://x.com/intent/post?",
                "share-to-linkedin", "https://www.linkedin.com/sharing/share-offsite/?",
                "share-to-reddit", "https://www.reddit.com/submit?",
                "share-to-whatsapp", "https://wa.me/?");
        for (String id : expected.keySet()) {
            WebElement anchor = tess.findElement(By.id(id));
            assertThat(anchor.isDisplayed()).as(id).isTrue();
            assertThat(anchor.getDomAttribute("href")).as(id).startsWith(addresses.get(id)).doesNotContain("+", " ");
            assertThat(params(anchor.getDomAttribute("href"))).as(id).isEqualTo(expected.get(id));
            assertThat(anchor.getDomAttribute("target")).as(id).isEqualTo("_blank");
            assertThat(anchor.getDomAttribute("rel")).as(id).isEqualTo("noopener noreferrer");
            assertThat(anchor.getAccessibleName()).as(id).startsWith("Share on ");
        }

        // By keyboard: focus "QR code" and press Enter.
        WebElement qr = tess.findElement(By.id("share-qr"));
        ((JavascriptExecutor) tess).executeScript("arguments[0].focus()", qr);
        qr.sendKeys(Keys.ENTER);
        WebElement image = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-qr-image")));
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth", image))
                .intValue() > 0);
        assertThat(((Number) ((JavascriptExecutor) tess).executeScript("return arguments[0].naturalWidth", image))
                .intValue()).as("the PNG loaded under the page's CSP").isEqualTo(240);
        String src = image.getDomProperty("src");
        assertThat(src).startsWith(url("/"));
        byte[] shown = fetch(tess, src);
        assertThat(decode(shown)).isEqualTo(url);

        WebElement download = tess.findElement(By.id("share-qr-download"));
        assertThat(download.getDomAttribute("download")).isNotNull();
        byte[] downloaded = fetch(tess, download.getDomProperty("href"));
        assertThat(decode(downloaded)).isEqualTo(url);
        assertThat((String) ((JavascriptExecutor) tess).executeAsyncScript(HEADERS, download.getDomProperty("href")))
                .contains("image/png", "attachment", "filename=\"chatshare-plans-for-the-ridge-trail-what-to-pack-qr.png\"");
        assertThat(Browser.cspViolations(tess)).isEmpty();
        assertThat(Accessibility.violations(tess, "share sheet, light")).isEmpty();
        Browser.screenshot(tess, "sheet-01-desktop-qr");
        Browser.colorScheme(tess, "dark");
        assertThat(Accessibility.violations(tess, "share sheet, dark")).isEmpty();
        Browser.screenshot(tess, "sheet-02-desktop-qr-dark");

        assertThat(tess.findElements(By.id("share-system"))).as("no navigator.share: no Share…")
                .noneMatch(WebElement::isDisplayed);

        // On a phone the sheet wraps inside the screen: nothing to scroll sideways.
        Browser.phone(tess);
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth")).intValue() == 390);
        Number overflow = (Number) ((JavascriptExecutor) tess).executeScript("""
                const width = document.documentElement.clientWidth;
                let worst = document.documentElement.scrollWidth - width;
                for (const element of document.querySelectorAll('#share-sheet, #share-sheet *')) {
                  const box = element.getBoundingClientRect();
                  if (box.width > 0) {
                    worst = Math.max(worst, box.right - width, -box.left);
                  }
                }
                return worst;""");
        assertThat(overflow.doubleValue()).as("pixels past the phone's screen").isLessThanOrEqualTo(0);
        assertThat(tess.findElement(By.id("share-sheet")).isDisplayed()).isTrue();
        assertThat(tess.findElement(By.id("share-to-whatsapp")).isDisplayed()).isTrue();
        Browser.screenshot(tess, "sheet-03-phone");
    }

    @Test
    void a_browser_with_navigator_share_gets_share_and_it_hands_over_the_title_and_link() {
        WebDriver uma = openBrowser();
        // What a phone's browser has, defined before the app's page runs: records what it is given.
        ((ChromeDriver) uma).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                Object.defineProperty(navigator, 'share', {configurable: true, value: data => {
                  window.sharedWith = {title: data.title, url: data.url};
                  return Promise.reject(new DOMException('Share canceled', 'AbortError'));
                }});"""));
        WebDriverWait wait = waitFor(uma);
        register(uma, wait, "uma" + (System.nanoTime() % 1_000_000), "Uma Phone", "umas-long-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        send(uma, wait, "Which plants like shade?");

        String url = createLink(uma, wait);
        String title = uma.findElement(By.id("share-title")).getText();
        WebElement share = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-system")));
        assertThat(share.getText()).isEqualTo("Share…");
        share.click();

        Object shared = wait.until(d -> ((JavascriptExecutor) d).executeScript("return window.sharedWith"));
        assertThat(shared).isEqualTo(Map.of("title", title, "url", url));
        // The cancelled share said nothing: no notification, no error in the console, the dialog as it was.
        assertThat(uma.findElements(By.tagName("vaadin-notification-card"))).isEmpty();
        assertThat(uma.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll())
                .extracting(org.openqa.selenium.logging.LogEntry::getMessage)
                .noneMatch(message -> message.contains("AbortError") || message.contains("Share canceled"));
        assertThat(uma.findElement(By.id("share-sheet")).isDisplayed()).isTrue();
    }

    /** Opens the share dialog of the chat on screen, creates the link and returns it. */
    private static String createLink(WebDriver driver, WebDriverWait wait) {
        driver.findElement(By.id("header-share")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("copy-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-sheet")));
        String url = driver.findElement(By.cssSelector("#share-url input")).getDomProperty("value");
        assertThat(url).matches("http://localhost:\\d+/share/[A-Za-z0-9_-]{22}");
        return url;
    }

    /** An address's query parameters, decoded (a {@code +} would be a space here: none are sent). */
    private static Map<String, String> params(String href) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String pair : href.substring(href.indexOf('?') + 1).split("&")) {
            int equals = pair.indexOf('=');
            params.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static byte[] fetch(WebDriver driver, String address) {
        String base64 = (String) ((JavascriptExecutor) driver).executeAsyncScript(FETCH_BYTES, address);
        assertThat(base64).doesNotStartWith("failed");
        return Base64.getDecoder().decode(base64);
    }

    /** Reads a QR code the way a phone's camera app does, with zxing. */
    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG").isNotNull();
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    private static void send(WebDriver driver, WebDriverWait wait, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message-input textarea")));
        input.sendKeys(text, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stop")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
    }
}

package com.chatshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Copy Link where the Clipboard API is absent: the app served over plain HTTP under a host name
 * (not localhost), which is not a secure context, as on an intranet without TLS. The dialog says
 * "copied" only when the browser copied, and otherwise selects the link and says how to copy it.
 */
class CopyLinkFallbackBrowserIT extends BrowserJourney {

    static final String HOST = "chatshare.test";

    @Test
    void without_the_clipboard_api_copy_link_says_only_what_the_browser_did() {
        WebDriver driver = openBrowser("--host-resolver-rules=MAP " + HOST + " 127.0.0.1");
        WebDriverWait wait = waitFor(driver);
        String base = "http://" + HOST + ":" + port;
        driver.get(base + "/login");
        submitLogin(driver, "bob", "bob-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("return window.isSecureContext")).isEqualTo(false);
        assertThat(js.executeScript("return typeof navigator.clipboard")).isEqualTo("undefined");

        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message-input textarea")));
        input.sendKeys("Is this an intranet?", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stop")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));

        // The browser refuses the old way too (as some do outside a click's own handler).
        js.executeScript("document.execCommand = () => false;");
        driver.findElement(By.id("header-share")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("copy-link"))).click();
        wait.until(d -> String.valueOf(d.findElement(By.id("share-url")).getDomProperty("helperText"))
                .contains("Press Ctrl+C"));
        WebElement field = driver.findElement(By.cssSelector("#share-url input"));
        String link = field.getDomProperty("value");
        assertThat(link).startsWith(base + "/share/");
        assertThat(driver.findElement(By.id("share-url")).getDomProperty("helperText"))
                .isEqualTo("Not copied. Press Ctrl+C (⌘C on Mac) to copy.")
                .doesNotContain("copied to the clipboard");
        // The link is selected, ready for Ctrl+C.
        assertThat(js.executeScript("return document.getSelection().toString() || "
                + "(document.activeElement && document.activeElement.value && document.activeElement.value.substring("
                + "document.activeElement.selectionStart, document.activeElement.selectionEnd))")).isEqualTo(link);
        Browser.screenshot(driver, "copy-fallback-not-copied");

        // The browser's own answer this time, recorded: the dialog must say exactly that.
        driver.navigate().refresh();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("header-share")));
        js.executeScript("const own = document.execCommand.bind(document);"
                + "document.execCommand = (...args) => (window.copyAnswer = own(...args));");
        driver.findElement(By.id("header-share")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("copy-url"))).click();
        wait.until(d -> !String.valueOf(d.findElement(By.id("share-url")).getDomProperty("helperText")).isBlank()
                && !"null".equals(String.valueOf(d.findElement(By.id("share-url")).getDomProperty("helperText"))));
        Object answer = js.executeScript("return window.copyAnswer");
        assertThat(answer).as("the copy went through execCommand").isInstanceOf(Boolean.class);
        assertThat(driver.findElement(By.id("share-url")).getDomProperty("helperText")).isEqualTo(
                Boolean.TRUE.equals(answer) ? "Link copied to the clipboard." : "Not copied. Press Ctrl+C (⌘C on Mac) to copy.");
        Browser.screenshot(driver, "copy-fallback-copied");
    }
}

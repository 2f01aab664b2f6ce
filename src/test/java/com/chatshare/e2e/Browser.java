package com.chatshare.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and ChromeDriver, so Selenium downloads nothing. In CI a missing
 * browser fails the build; on a developer's machine without it the browser tests are skipped.
 * Public for the benchmarks that drive the UI of separately started nodes (bench/two-nodes.sh).
 */
public final class Browser {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The README's pictures, replaced only when asked: {@code -Dscreenshots.update=true}. */
    static final Path README_SCREENSHOTS = Boolean.getBoolean("screenshots.update")
            ? Path.of("docs", "screenshots")
            : SCREENSHOTS.resolve("readme");

    private Browser() {
    }

    public static WebDriver start() {
        return start(new String[0]);
    }

    /** With more Chromium switches, e.g. {@code --host-resolver-rules=MAP chatshare.test 127.0.0.1}. */
    public static WebDriver start(String... extraArguments) {
        return start(false, extraArguments);
    }

    /**
     * A browser that also records DevTools network events (the "performance" log: WebSocket
     * frames, responses and their sizes), for benchmarks that count the bytes the app sends.
     */
    public static WebDriver startRecordingNetwork() {
        return start(true);
    }

    private static WebDriver start(boolean recordNetwork, String... extraArguments) {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            String message = "Chromium or ChromeDriver missing: install the Debian packages chromium and chromium-driver";
            if (System.getenv("CI") != null) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900");
        options.addArguments(extraArguments);
        // The console, so journeys can see Content-Security-Policy violations.
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        if (recordNetwork) {
            logs.enable(org.openqa.selenium.logging.LogType.PERFORMANCE, java.util.logging.Level.ALL);
        }
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /**
     * Makes the page look as on a phone: a 390×844 viewport (CSS pixels), a touch screen (so
     * {@code (hover: none)} matches) and a mobile viewport; {@link #desktop} undoes it. Changes the
     * open page at once, like turning a window's size.
     */
    public static void phone(WebDriver driver) {
        cdp(driver, "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        cdp(driver, "Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
    }

    /** A 1280×800 desktop viewport with a mouse. */
    public static void desktop(WebDriver driver) {
        cdp(driver, "Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        cdp(driver, "Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
    }

    /**
     * What the system's light or dark setting says to pages ({@code prefers-color-scheme}): "dark"
     * or "light". The app follows it for anyone whose appearance is "System" (the default), and the
     * public pages always do. Applies to the open tab, across navigations, at once.
     */
    public static void colorScheme(WebDriver driver, String scheme) {
        cdp(driver, "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private static void cdp(WebDriver driver, String command, Map<String, Object> parameters) {
        ((ChromeDriver) driver).executeCdpCommand(command, parameters);
    }

    /** Console messages about the Content-Security-Policy since the last call. */
    static java.util.List<String> cspViolations(WebDriver driver) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
                .toList();
    }

    public static void screenshot(WebDriver driver, String name) {
        save(driver, SCREENSHOTS, name);
    }

    /** A picture of the viewport for the README (see {@link #README_SCREENSHOTS}). */
    static void readmeScreenshot(WebDriver driver, String name) {
        save(driver, README_SCREENSHOTS, name);
    }

    private static void save(WebDriver driver, Path directory, String name) {
        try {
            Files.createDirectories(directory);
            File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Could not save screenshot " + name, e);
        }
    }
}

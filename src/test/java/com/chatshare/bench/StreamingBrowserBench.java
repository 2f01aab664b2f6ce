package com.chatshare.bench;

import com.chatshare.conversations.internal.FakeOpenAi;
import com.chatshare.e2e.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Streaming a {@value #TOKENS}-token Markdown answer (headings, paragraphs, nested lists, code
 * blocks with blank lines in them) from a fake OpenAI-compatible endpoint into the chat in a real
 * browser (Debian's headless Chromium). Per answer it counts the bytes the app sent to the
 * browser, read from Chromium's DevTools network events: the payload of every WebSocket frame
 * received (Vaadin's push, which carries every update while the answer streams) plus the encoded
 * size of every UIDL response (the XHR answering the click on Send). It also takes the JVM's CPU
 * time from the click on Send to the end of the answer (which includes the fake endpoint and the
 * HTTP client reading it, the same before and after), and compares the answer's HTML with what a
 * reload shows. The endpoint sends {@code bench.tokensPerSecond} tokens a second (default
 * {@value #DEFAULT_TOKENS_PER_SECOND}). One warm-up answer of {@value #WARM_UP_TOKENS} tokens, then
 * {@value #RUNS} measured answers. Run with bench/streaming.sh; not part of the suite (tagged
 * "bench"), and it asserts no timings or sizes.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamingBrowserBench {

    static final int TOKENS = 20_000;
    static final int WARM_UP_TOKENS = 5_000;
    static final int DEFAULT_TOKENS_PER_SECOND = 1_000;
    static final int RUNS = 3;
    private static final Pattern PIECES = Pattern.compile("\\S+\\s*|\\s+");
    private static final String LAST_ANSWER = "#messages .chat-message.from-assistant:last-of-type .chat-message-content";
    private static final MockWebServer ENDPOINT = new MockWebServer();

    @DynamicPropertySource
    static void fakeEndpoint(DynamicPropertyRegistry registry) {
        try {
            ENDPOINT.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("chatshare.assistant.base-url", () -> ENDPOINT.url("/v1").toString());
        registry.add("chatshare.assistant.replies-per-minute", () -> "1000");
    }

    @AfterAll
    static void stopEndpoint() throws IOException {
        ENDPOINT.shutdown();
    }

    @LocalServerPort
    int port;

    @Test
    void stream_a_long_answer() throws Exception {
        int tokensPerSecond = Integer.getInteger("bench.tokensPerSecond", DEFAULT_TOKENS_PER_SECOND);
        WebDriver driver = Browser.startRecordingNetwork();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(600));
            driver.get("http://localhost:" + port + "/login");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form input[name='username']")))
                    .sendKeys("alice");
            driver.findElement(By.cssSelector("#login-form input[name='password']")).sendKeys("alice-password", Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));

            run(driver, wait, answer(new Random(1), WARM_UP_TOKENS), tokensPerSecond);
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                results.add(run(driver, wait, answer(new Random(24 + i), TOKENS), tokensPerSecond));
            }
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "Streaming a %,d-token answer in Chromium at %,d tokens/s, %d runs after a %,d-token warm-up%n",
                    TOKENS, tokensPerSecond, RUNS, WARM_UP_TOKENS));
            for (Result r : results) {
                report.append(String.format(Locale.ROOT,
                        "answer %,9d chars, final HTML %,9d bytes | sent to the browser %,12d bytes = %6.2f x the final HTML "
                                + "(%,d push frames, %,d UIDL responses) | server CPU %,6.0f ms = %5.1f us/token | "
                                + "streamed for %,5.1f s | HTML equal to a reload: %s%n",
                        r.answerChars, r.finalHtmlBytes, r.bytesSent, (double) r.bytesSent / r.finalHtmlBytes,
                        r.frames, r.responses, r.cpuNanos / 1e6, r.cpuNanos / 1e3 / TOKENS, r.wallNanos / 1e9,
                        r.sameAsReload ? "yes" : "NO"));
            }
            double[] ratios = results.stream().mapToDouble(r -> (double) r.bytesSent / r.finalHtmlBytes).sorted().toArray();
            double[] cpu = results.stream().mapToDouble(r -> r.cpuNanos / 1e3 / TOKENS).sorted().toArray();
            report.append(String.format(Locale.ROOT, "median: %.2f x the final HTML, %.1f us of server CPU per token%n",
                    ratios[ratios.length / 2], cpu[cpu.length / 2]));
            Path out = Path.of("target", "bench", "streaming.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.print(report);
        } finally {
            driver.quit();
        }
    }

    private Result run(WebDriver driver, WebDriverWait wait, String answer, int tokensPerSecond) {
        driver.get("http://localhost:" + port + "/");
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message-input textarea")));
        List<String> pieces = pieces(answer);
        MockResponse response = FakeOpenAi.stream(pieces.toArray(String[]::new));
        long bodyBytes = response.getBody().size();
        long millis = Math.max(1, pieces.size() * 1000L / tokensPerSecond);
        ENDPOINT.enqueue(response.throttleBody(Math.max(1, bodyBytes * 10 / millis), 10, java.util.concurrent.TimeUnit.MILLISECONDS));
        input.sendKeys("Write me a long answer");
        driver.manage().logs().get(LogType.PERFORMANCE);

        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        input.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stop")));
        // Polled slowly: the test's own WebDriver calls run in the measured JVM.
        new WebDriverWait(driver, Duration.ofSeconds(600), Duration.ofMillis(500))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
        long cpu = processCpuNanos() - cpuBefore;
        long wall = System.nanoTime() - start;

        Result result = new Result();
        result.answerChars = answer.length();
        result.cpuNanos = cpu;
        result.wallNanos = wall;
        countBytes(driver.manage().logs().get(LogType.PERFORMANCE).getAll(), result);
        String streamed = lastAnswerHtml(driver);
        result.finalHtmlBytes = streamed.getBytes(StandardCharsets.UTF_8).length;
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(LAST_ANSWER)));
        result.sameAsReload = streamed.equals(lastAnswerHtml(driver));
        return result;
    }

    private static String lastAnswerHtml(WebDriver driver) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector(arguments[0]).innerHTML", LAST_ANSWER);
    }

    @SuppressWarnings("unchecked")
    private static void countBytes(List<LogEntry> entries, Result result) {
        Json json = new Json();
        Set<Object> uidlRequests = new HashSet<>();
        for (LogEntry entry : entries) {
            Map<String, Object> log = json.toType(entry.getMessage(), Map.class);
            Map<String, Object> message = (Map<String, Object>) log.get("message");
            String method = (String) message.get("method");
            Map<String, Object> params = (Map<String, Object>) message.get("params");
            switch (method) {
                case "Network.webSocketFrameReceived" -> {
                    Map<String, Object> frame = (Map<String, Object>) params.get("response");
                    result.bytesSent += ((String) frame.get("payloadData")).getBytes(StandardCharsets.UTF_8).length;
                    result.frames++;
                }
                case "Network.responseReceived" -> {
                    Map<String, Object> response = (Map<String, Object>) params.get("response");
                    if (String.valueOf(response.get("url")).contains("v-r=uidl")) {
                        uidlRequests.add(params.get("requestId"));
                    }
                }
                case "Network.loadingFinished" -> {
                    if (uidlRequests.contains(params.get("requestId"))) {
                        result.bytesSent += ((Number) params.get("encodedDataLength")).longValue();
                        result.responses++;
                    }
                }
                default -> {
                }
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A long answer as a model writes one: sections of paragraphs, nested lists and code. */
    static String answer(Random random, int tokens) {
        StringBuilder text = new StringBuilder();
        int section = 1;
        while (pieces(text.toString()).size() < tokens) {
            text.append("## Part ").append(section++).append("\n\n");
            text.append(words(random, 40 + random.nextInt(40))).append(".\n\n");
            text.append("- ").append(words(random, 8)).append("\n  - ").append(words(random, 6))
                    .append("\n  - `").append(words(random, 2)).append("` ").append(words(random, 5))
                    .append("\n- **").append(words(random, 3)).append("** ").append(words(random, 7)).append("\n\n");
            text.append("1. ").append(words(random, 9)).append("\n2. ").append(words(random, 9)).append("\n\n");
            text.append("```java\nclass Part").append(section).append(" {\n");
            for (int line = 0; line < 6; line++) {
                text.append("    int ").append(words(random, 1)).append(line).append(" = ").append(random.nextInt(1000))
                        .append(";\n");
                if (line == 2) {
                    text.append('\n');
                }
            }
            text.append("}\n```\n\n");
            text.append(words(random, 30 + random.nextInt(30))).append(" _").append(words(random, 3)).append("_.\n\n");
        }
        List<String> pieces = pieces(text.toString());
        return String.join("", pieces.subList(0, tokens));
    }

    private static final String[] WORDS = ("answer stream render block tail markdown server browser token list code "
            + "fence paragraph linear bytes square chat model reply settle split html push frame update").split(" ");

    private static String words(Random random, int count) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < count; i++) {
            words.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return words.toString();
    }

    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher matcher = PIECES.matcher(text);
        while (matcher.find()) {
            pieces.add(matcher.group());
        }
        return pieces;
    }

    private static final class Result {
        long answerChars;
        long finalHtmlBytes;
        long bytesSent;
        int frames;
        int responses;
        long cpuNanos;
        long wallNanos;
        boolean sameAsReload;
    }
}

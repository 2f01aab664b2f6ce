package com.chatshare.bench;

import static com.chatshare.bench.TwoNodesBench.millis;
import static com.chatshare.bench.TwoNodesBench.require;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The MariaDB server killed (SIGKILL) under load and started again ~10 s later, with two nodes
 * behind nginx that are not restarted (bench/db-faults.sh): wrk on the public page through nginx,
 * probes with a 6 s timeout straight at each node and at nginx, and a signed-in user who sends a
 * message during the outage. Reports per second what the clients got, how long the nodes took to
 * serve pages again, and what the user saw. Writes target/bench/db-faults.txt.
 */
@Tag("bench")
class DbFaultsBench {

    static final Path DIR = Path.of("target", "db-faults");
    static final Path REPORT = Path.of("target", "bench", "db-faults.txt");
    static final int LOAD_SECONDS = Integer.getInteger("bench.load-seconds", 40);
    static final int KILL_AT = Integer.getInteger("bench.kill-at", 10);
    static final int DOWN_FOR = Integer.getInteger("bench.down-for", 10);
    /** When the user sends a message, counted from the start of the load. */
    static final int MESSAGE_AT = KILL_AT + 2;
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(6);

    private final List<String> report = new ArrayList<>();

    @Test
    void database_killed_under_load() throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", TwoNodesBench.DIR.resolve("chatshare.jar").toString()));
        require(Files.isRegularFile(jar), "no jar at " + jar + ": run bench/db-faults.sh, which builds it");
        String connectionTimeout = System.getProperty("bench.hikari-connection-timeout", "");
        Map<String, String> env = new LinkedHashMap<>();
        if (!connectionTimeout.isBlank()) {
            env.put("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", connectionTimeout);
        }
        line("MariaDB killed under load (" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")");
        line("nodes' Hikari connection-timeout: " + (connectionTimeout.isBlank() ? "as application.yml sets it"
                : connectionTimeout + " ms (SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT)") + "; everything else default");
        try (Cluster cluster = new Cluster(DIR)) {
            Cluster.Node a = cluster.node("a", jar, env);
            Cluster.Node b = cluster.node("b", jar, env);
            Cluster.Nginx nginx = cluster.nginx();
            cluster.db.install();
            line("node A UP after " + millis(a.startAndAwaitUp(TwoNodesBench.NODE_START_LIMIT)) + ", node B UP after "
                    + millis(b.startAndAwaitUp(TwoNodesBench.NODE_START_LIMIT)) + "; MariaDB "
                    + TwoNodesBench.mariadbVersion(cluster));
            nginx.start();
            String token = aliceDemoLink(cluster);
            String path = "/share/" + token;

            try (ClusterUi bob = new ClusterUi(nginx.url(""))) {
                bob.signIn("bob", "bob-password");
                bob.newChat();
                List<String> before = List.of("Before the outage: first question", "Before the outage: second question");
                for (String text : before) {
                    bob.sendAndAwaitAnswer(text);
                }
                long conversation = bob.conversationId();
                line("bob signed in through nginx (session on node " + bob.sessionNode().orElse("?") + "), "
                        + before.size() + " messages acknowledged in conversation " + conversation);
                for (int i = 0; i < 20; i++) {
                    TwoNodesBench.get(a.url(path));
                    TwoNodesBench.get(b.url(path));
                }

                List<Probe> probes = List.of(Probe.start("A", a.url(path)), Probe.start("B", b.url(path)),
                        Probe.start("nginx", nginx.url(path)));
                Path wrkOut = cluster.dir.resolve("wrk.txt");
                Instant t0 = Instant.now();
                Process wrk = new ProcessBuilder("wrk", "-t2", "-c32", "-d" + LOAD_SECONDS + "s", "--timeout", "6s",
                        "--latency", "-s", Path.of("bench", "status-per-second.lua").toAbsolutePath().toString(),
                        nginx.url(path)).redirectErrorStream(true).redirectOutput(wrkOut.toFile()).start();
                ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
                Instant[] outage = new Instant[3]; // killed, start asked, answering
                ScheduledFuture<?> kill = scheduler.schedule(() -> {
                    outage[0] = cluster.db.kill();
                    return null;
                }, KILL_AT * 1000L, TimeUnit.MILLISECONDS);
                ScheduledFuture<?> restart = scheduler.schedule(() -> {
                    outage[1] = Instant.now();
                    outage[2] = cluster.db.start();
                    return null;
                }, (KILL_AT + DOWN_FOR) * 1000L, TimeUnit.MILLISECONDS);

                // Times are reported from the start of the wall-clock second in which the load started,
                // the bins of wrk's per-second counts.
                Instant zero = t0.truncatedTo(ChronoUnit.SECONDS);
                List<String> userTimeline = userDuringOutage(bob, t0, zero);

                kill.get();
                restart.get();
                scheduler.shutdown();
                require(wrk.waitFor(LOAD_SECONDS + 30, TimeUnit.SECONDS), "wrk did not end");
                Thread.sleep(2_000);
                probes.forEach(Probe::stop);

                line("");
                line(String.format(Locale.ROOT, "timeline (s = seconds from the whole wall-clock second in which the "
                                + "load started): load from %.2f for %d s, mariadbd SIGKILLed at %.2f, started again at "
                                + "%.2f, answering at %.2f (down %.2f s)", sec(zero, t0), LOAD_SECONDS, sec(zero, outage[0]),
                        sec(zero, outage[1]), sec(zero, outage[2]), sec(outage[0], outage[2])));
                line("");
                perSecond(zero, wrkOut, probes);
                line("");
                for (Probe probe : probes) {
                    summarize(probe, zero, outage[0], outage[2]);
                }
                line("");
                wrkSummary(wrkOut);
                line("");
                line("bob sends a message " + MESSAGE_AT + " s after the load started, during the outage (state of his page, changes only):");
                userTimeline.forEach(entry -> line("   " + entry));
                afterTheOutage(cluster, bob, conversation, before);
            }
            line("");
            line("nodes alive at the end, never restarted: A " + a.isAlive() + ", B " + b.isAlive() + "; health: A "
                    + health(a) + ", B " + health(b));
            line("node logs: " + cluster.dir.resolve("node-a.log") + ", " + cluster.dir.resolve("node-b.log"));
        } catch (Throwable e) {
            line("FAILED: " + e);
            throw e;
        } finally {
            Cluster.writeUnchecked(REPORT, report);
        }
    }

    /** Sends a message during the outage and watches the page until it is acknowledged or the load ends. */
    private List<String> userDuringOutage(ClusterUi bob, Instant t0, Instant zero) throws InterruptedException {
        List<String> timeline = new ArrayList<>();
        sleepUntil(t0.plusSeconds(MESSAGE_AT));
        String text = "During the outage: is this kept?";
        int answers = bob.answers();
        bob.typeAndSend(text);
        timeline.add(String.format(Locale.ROOT, "%6.2f s  sent \"%s\"", sec(zero, Instant.now()), text));
        String last = "";
        boolean screenshotDuring = false;
        while (Instant.now().isBefore(t0.plusSeconds(LOAD_SECONDS - 2))) {
            String state = pageState(bob, text, answers);
            if (!state.equals(last)) {
                timeline.add(String.format(Locale.ROOT, "%6.2f s  %s", sec(zero, Instant.now()), state));
                last = state;
            }
            if (!screenshotDuring && Instant.now().isAfter(t0.plusSeconds(MESSAGE_AT + 4))) {
                bob.screenshot("db-faults-during-outage");
                screenshotDuring = true;
            }
            if (state.contains("answers=" + (answers + 1)) && state.contains("send=shown")) {
                break;
            }
            Thread.sleep(250);
        }
        bob.screenshot("db-faults-after-send");
        return timeline;
    }

    /** What the user sees: connection state, composer, the message list, errors and notifications. */
    @SuppressWarnings("unchecked")
    private static String pageState(ClusterUi bob, String text, int answersBefore) {
        try {
            Map<String, Object> s = (Map<String, Object>) ((JavascriptExecutor) bob.driver).executeScript("""
                    const input = document.getElementById('message-input');
                    const messages = document.getElementById('messages');
                    const error = document.getElementById('assistant-error');
                    const send = document.getElementById('send');
                    return {
                      connection: window.Vaadin && Vaadin.connectionState ? Vaadin.connectionState.state : null,
                      composer: input ? input.value : null,
                      invalid: input ? input.invalid : null,
                      inputError: input ? input.errorMessage : null,
                      listed: messages ? messages.innerText.includes(arguments[0]) : null,
                      answers: messages ? messages.innerText.split(arguments[1]).length - 1 : null,
                      error: error && error.offsetParent !== null ? error.innerText : null,
                      send: send && send.offsetParent !== null,
                      notifications: Array.from(document.querySelectorAll('vaadin-notification-card'))
                          .map(n => n.innerText.trim()).filter(t => t.length > 0),
                      dialogs: Array.from(document.querySelectorAll('vaadin-dialog-overlay, vaadin-confirm-dialog-overlay'))
                          .filter(d => d.opened).map(d => d.innerText.trim())
                    };
                    """, text, ClusterUi.ANSWER_END);
            StringBuilder state = new StringBuilder();
            state.append("connection=").append(s.get("connection"));
            state.append(" composer=\"").append(s.get("composer")).append('"');
            if (Boolean.TRUE.equals(s.get("invalid"))) {
                state.append(" composer-error=\"").append(s.get("inputError")).append('"');
            }
            state.append(" in-list=").append(s.get("listed"));
            state.append(" answers=").append(s.get("answers"));
            state.append(" send=").append(Boolean.TRUE.equals(s.get("send")) ? "shown" : "hidden");
            if (s.get("error") != null) {
                state.append(" error=\"").append(s.get("error").toString().replace('\n', ' ')).append('"');
            }
            List<Object> notifications = (List<Object>) s.get("notifications");
            if (notifications != null && !notifications.isEmpty()) {
                state.append(" notifications=").append(notifications);
            }
            List<Object> dialogs = (List<Object>) s.get("dialogs");
            if (dialogs != null && !dialogs.isEmpty()) {
                state.append(" dialogs=").append(dialogs.toString().replace('\n', ' '));
            }
            return state.toString();
        } catch (RuntimeException e) {
            return "page not readable: " + e.getClass().getSimpleName();
        }
    }

    /** After the load: the page reloaded, what was acknowledged is there, and a new message works. */
    private void afterTheOutage(Cluster cluster, ClusterUi bob, long conversation, List<String> before) throws Exception {
        bob.driver.navigate().refresh();
        bob.wait.until(d -> !d.findElements(By.cssSelector("#message-input textarea")).isEmpty());
        if (bob.driver.getCurrentUrl().contains("/login")) {
            line("   after a reload: sent to the sign-in page (session lost); signing in again");
            bob.signIn("bob", "bob-password");
        }
        bob.driver.get(bob.url("/chat/" + conversation));
        bob.wait.until(d -> bob.answers() >= before.size());
        String text = bob.messagesText();
        line("   after the outage, page reloaded: acknowledged before the outage shown: "
                + before.stream().filter(text::contains).count() + " of " + before.size() + "; the outage message "
                + (text.contains("During the outage") ? "is in the conversation" : "is not in the conversation")
                + "; answers shown " + bob.answers());
        line("   stored: " + TwoNodesBench.storedMessages(cluster, conversation));
        long start = System.nanoTime();
        bob.sendAndAwaitAnswer("After the outage: a new question");
        line("   a new message after the outage: acknowledged in "
                + millis(Duration.ofNanos(System.nanoTime() - start)));
    }

    // --- the clients' view ---------------------------------------------------------------------

    /** One request at a time (6 s timeout), 100 ms apart, recording status, Retry-After and latency. */
    static final class Probe implements Runnable {

        record Sample(Instant start, long micros, String outcome, String retryAfter) {
        }

        final String name;
        private final String url;
        final List<Sample> samples = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;
        private final Thread thread;

        private Probe(String name, String url) {
            this.name = name;
            this.url = url;
            this.thread = Thread.ofPlatform().daemon().name("probe " + name).unstarted(this);
        }

        static Probe start(String name, String url) {
            Probe probe = new Probe(name, url);
            probe.thread.start();
            return probe;
        }

        @Override
        public void run() {
            // A new connection per request: a node that stops answering cannot hide behind a pooled one.
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(PROBE_TIMEOUT).build();
            while (running) {
                HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
                Instant start = Instant.now();
                long t = System.nanoTime();
                String outcome;
                String retryAfter = null;
                try {
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    outcome = Integer.toString(response.statusCode());
                    retryAfter = response.headers().firstValue("Retry-After").orElse(null);
                } catch (HttpTimeoutException e) {
                    outcome = "timeout";
                } catch (IOException e) {
                    outcome = "error";
                } catch (InterruptedException e) {
                    return;
                } finally {
                    http.shutdownNow();
                }
                samples.add(new Sample(start, (System.nanoTime() - t) / 1_000, outcome, retryAfter));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            running = false;
            try {
                thread.join(PROBE_TIMEOUT.toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A table: per second, wrk's statuses through nginx, and each probe's outcomes and slowest answer. */
    private void perSecond(Instant zero, Path wrkOut, List<Probe> probes) throws IOException {
        Map<Long, Map<String, Integer>> wrk = new TreeMap<>();
        Pattern line = Pattern.compile("per-second (\\d+) (\\d+) (\\d+)");
        for (String entry : Files.readAllLines(wrkOut)) {
            Matcher m = line.matcher(entry);
            if (m.matches()) {
                long second = Long.parseLong(m.group(1)) - zero.getEpochSecond();
                wrk.computeIfAbsent(second, s -> new TreeMap<>()).merge(m.group(2), Integer.parseInt(m.group(3)),
                        Integer::sum);
            }
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%4s  %-28s", "s", "wrk via nginx (status:count)"));
        for (Probe probe : probes) {
            header.append(String.format(Locale.ROOT, "  %-34s", "probe " + probe.name + " (outcomes, slowest ms)"));
        }
        line(header.toString());
        long last = Math.max(LOAD_SECONDS + 2, wrk.isEmpty() ? 0 : ((TreeMap<Long, ?>) wrk).lastKey());
        for (long second = 0; second <= last; second++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%4d  %-28s", second,
                    compact(wrk.getOrDefault(second, Map.of()))));
            for (Probe probe : probes) {
                Map<String, Integer> outcomes = new TreeMap<>();
                long slowest = 0;
                for (Probe.Sample sample : probe.samples) {
                    if (sample.start().getEpochSecond() - zero.getEpochSecond() == second) {
                        outcomes.merge(sample.outcome(), 1, Integer::sum);
                        slowest = Math.max(slowest, sample.micros());
                    }
                }
                row.append(String.format(Locale.ROOT, "  %-34s", outcomes.isEmpty() ? "-"
                        : compact(outcomes) + "  " + slowest / 1000));
            }
            line(row.toString());
        }
    }

    /** Per probe: the answers while the server was down, and when pages came back. */
    private void summarize(Probe probe, Instant zero, Instant killed, Instant answering) {
        Map<String, Integer> during = new TreeMap<>();
        long slowest = 0;
        int withoutRetryAfter = 0;
        for (Probe.Sample sample : probe.samples) {
            if (sample.start().isAfter(killed) && sample.start().isBefore(answering)) {
                during.merge(sample.outcome(), 1, Integer::sum);
                slowest = Math.max(slowest, sample.micros());
                if (sample.outcome().equals("503") && sample.retryAfter() == null) {
                    withoutRetryAfter++;
                }
            }
        }
        Instant first200 = null;
        Instant lastOther = null;
        for (Probe.Sample sample : probe.samples) {
            Instant end = sample.start().plus(sample.micros(), ChronoUnit.MICROS);
            if (end.isAfter(answering)) {
                if (sample.outcome().equals("200")) {
                    if (first200 == null) {
                        first200 = end;
                    }
                } else {
                    lastOther = end;
                }
            }
        }
        String retryAfter = probe.samples.stream().map(Probe.Sample::retryAfter).filter(java.util.Objects::nonNull)
                .findFirst().orElse("none");
        line(String.format(Locale.ROOT, "probe %-5s asked while the server was down (after the kill, before it answered "
                        + "again): %s; slowest %.2f s; 503 without Retry-After: %d (Retry-After: %s)",
                probe.name, during, slowest / 1e6, withoutRetryAfter, retryAfter));
        line(String.format(Locale.ROOT, "            first 200 %s after the server answered again; last non-200 %s",
                first200 == null ? "never" : String.format(Locale.ROOT, "%.2f s", sec(answering, first200)),
                lastOther == null ? "none" : String.format(Locale.ROOT, "%.2f s after it (at %.2f s)",
                        sec(answering, lastOther), sec(zero, lastOther))));
    }

    private void wrkSummary(Path wrkOut) throws IOException {
        for (String entry : Files.readAllLines(wrkOut)) {
            String trimmed = entry.strip();
            if (trimmed.startsWith("Latency") || trimmed.startsWith("99%") || trimmed.startsWith("50%")
                    || trimmed.contains("requests in") || trimmed.startsWith("Socket errors")
                    || trimmed.startsWith("Non-2xx") || trimmed.startsWith("Requests/sec")) {
                line("wrk: " + trimmed);
            }
        }
    }

    private static String aliceDemoLink(Cluster cluster) throws Exception {
        try (Connection c = cluster.jdbc(); PreparedStatement s = c.prepareStatement(
                "select s.token from share_link s join app_user u on u.id = s.owner_id where u.username = 'alice'");
                ResultSet rs = s.executeQuery()) {
            require(rs.next(), "no demo link of alice");
            return rs.getString(1);
        }
    }

    private static String health(Cluster.Node node) {
        try {
            HttpResponse<String> response = TwoNodesBench.get(node.url("/actuator/health"));
            return response.statusCode() + " " + response.body();
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    private static String compact(Map<String, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((status, count) -> text.append(text.isEmpty() ? "" : " ").append(status).append(':').append(count));
        return text.isEmpty() ? "-" : text.toString();
    }

    private static double sec(Instant from, Instant to) {
        return ChronoUnit.MICROS.between(from, to) / 1e6;
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long wait = Duration.between(Instant.now(), when).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private void line(String text) {
        report.add(text);
        System.out.println(text);
    }
}

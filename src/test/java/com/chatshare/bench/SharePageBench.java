package com.chatshare.bench;

import com.chatshare.SignedIn;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.ShareRequest;
import com.chatshare.sharing.SharedChatService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The public share page under load, against nginx serving the same HTML as a static file, in one
 * run on this machine; the 304 path; and the time to share and to continue a 1,000-message
 * conversation. Run with bench/share-page.sh; not part of the test suite, asserts no timings.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SharePageBench {

    static final String DURATION = System.getProperty("bench.duration", "30s");
    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    /** Rounds of the gzip and 304 comparisons (by default as many as of the 200 path, as issue 25 asks). */
    static final int SIDE_ROUNDS = Integer.getInteger("bench.side-rounds", ROUNDS);
    /** Which comparisons run: any of 200, gzip and 304, comma-separated (all by default). */
    static final List<String> PARTS = List.of(System.getProperty("bench.parts", "200,gzip,304").split(","));
    static final int CONNECTIONS = 64;

    /**
     * One wrk run: its request rate, the line reported, CPU µs per request of this JVM and of nginx
     * (its master and workers), wrk's p99 and its errors (non-2xx/3xx responses and socket errors).
     */
    record Run(double rate, String line, double javaCpu, double nginxCpu, String p99, long errors) {
    }

    @LocalServerPort
    int port;

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    SharedChatService sharedChats;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void share_page_against_nginx() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        List<String> report = new ArrayList<>();
        List<String> summary = new ArrayList<>();

        SignedIn.as(users, "alice");
        ShareDetails demo = shares.share(ShareRequest.of(demoConversation().id(), "Packing list for a weekend hike",
                ShareVisibility.NAMED));
        ShareDetails fifty = shares.share(
                ShareRequest.of(conversation(50, "Fifty").id(), "Fifty-message share", ShareVisibility.NAMED));
        SignedIn.signOut();
        Path www = Files.createDirectories(dir.resolve("www"));
        int nginxPort = freePort();
        Process nginx = startNginx(dir, www, nginxPort);
        try {
            comparePage("demo", demo, www, nginxPort, report, summary);
            comparePage("fifty", fifty, www, nginxPort, report, summary);
        } finally {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        report.add("");
        report.add("summary (medians of " + ROUNDS + " rounds for 200, " + SIDE_ROUNDS + " for gzip and 304, "
                + DURATION + " each):");
        report.addAll(summary);

        SignedIn.as(users, "alice");
        ConversationSummary big = conversation(1_000, "Thousand");
        report.add(time("share a 1,000-message conversation (create, then updates)", () ->
                shares.share(ShareRequest.of(big.id(), "Thousand", ShareVisibility.ANONYMOUS))));
        String token = shares.findShare(big.id()).orElseThrow().path().substring("/share/".length());
        SignedIn.as(users, "bob");
        report.add(time("continue a 1,000-message shared conversation", () -> sharedChats.continueConversation(token)));
        SignedIn.signOut();

        Files.write(dir.resolve("share-page.txt"), report);
        report.forEach(System.out::println);
    }

    /**
     * One page against nginx serving the same bytes (saved as NAME.html and NAME.html.gz): a warm-up,
     * then the 200, gzip and 304 comparisons, rounds alternating the two servers.
     */
    private void comparePage(String name, ShareDetails share, Path www, int nginxPort, List<String> report,
            List<String> summary) throws Exception {
        String url = "http://127.0.0.1:" + port + share.path();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        Files.writeString(www.resolve(name + ".html"), page.body());
        String etag = page.headers().firstValue("ETag").orElseThrow();
        // The compressed page as Chatshare sends it, for nginx's gzip_static to send the same bytes.
        HttpResponse<byte[]> gzipped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        Files.write(www.resolve(name + ".html.gz"), gzipped.body());
        String gzipEtag = gzipped.headers().firstValue("ETag").orElseThrow();
        String nginxUrl = "http://127.0.0.1:" + nginxPort + "/" + name + ".html";
        String size = String.format(Locale.ROOT, "%,d bytes", page.body().getBytes(StandardCharsets.UTF_8).length);
        report.add("");
        report.add("page '" + name + "': " + size + "; gzip-compressed " + gzipped.body().length + " bytes");

        // JIT warm-up, not recorded: the application is measured as it runs after start-up.
        wrk("warm-up", url);
        // Rounds alternate the two servers, so a drift of the machine's speed hits both alike.
        List<Run[]> plain = new ArrayList<>();
        for (int round = 1; PARTS.contains("200") && round <= ROUNDS; round++) {
            Run chatshare = profiled(dir(), name, "200", round, () -> wrk("chatshare  GET  /share/{token}      ", url));
            Run nginxRun = wrk("nginx      GET  static " + name + ".html  ", nginxUrl);
            plain.add(pair(report, chatshare, nginxRun));
        }
        summarize(report, summary, name + ", 200, " + size, plain);
        String nginxEtag = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(nginxUrl)).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
        List<Run[]> gzip = new ArrayList<>();
        for (int round = 1; PARTS.contains("gzip") && round <= SIDE_ROUNDS; round++) {
            Run chatshare = profiled(dir(), name, "gzip", round,
                    () -> wrk("chatshare  GET  gzip               ", url, "Accept-Encoding: gzip"));
            Run nginxRun = wrk("nginx      GET  gzip_static        ", nginxUrl, "Accept-Encoding: gzip");
            gzip.add(pair(report, chatshare, nginxRun));
        }
        summarize(report, summary, name + ", gzip, " + gzipped.body().length + " bytes", gzip);
        List<Run[]> notModified = new ArrayList<>();
        for (int round = 1; PARTS.contains("304") && round <= SIDE_ROUNDS; round++) {
            Run chatshare = profiled(dir(), name, "304", round,
                    () -> wrk("chatshare  GET  If-None-Match (304) ", url, "If-None-Match: " + etag));
            Run nginxRun = wrk("nginx      GET  If-None-Match (304) ", nginxUrl, "If-None-Match: " + nginxEtag);
            notModified.add(pair(report, chatshare, nginxRun));
        }
        summarize(report, summary, name + ", 304", notModified);
        report.add("(gzip ETag of the page: " + gzipEtag + ")");
    }

    private static Path dir() {
        return Path.of("target", "bench");
    }

    private static Run[] pair(List<String> report, Run chatshare, Run nginx) {
        report.add(chatshare.line());
        report.add(nginx.line());
        return new Run[] {chatshare, nginx};
    }

    /** The rounds' ratios and their median, and the median JVM CPU per request against nginx's. */
    private static void summarize(List<String> report, List<String> summary, String what, List<Run[]> rounds) {
        if (rounds.isEmpty()) {
            return;
        }
        String line = ratios(what, rounds.stream().map(r -> r[0].rate() / r[1].rate()).toList());
        report.add(line);
        double cpu = median(rounds.stream().map(r -> r[0].javaCpu() / r[1].nginxCpu()).toList());
        double javaCpu = median(rounds.stream().map(r -> r[0].javaCpu()).toList());
        double nginxCpu = median(rounds.stream().map(r -> r[1].nginxCpu()).toList());
        long errors = rounds.stream().mapToLong(r -> r[0].errors() + r[1].errors()).sum();
        summary.add(String.format(Locale.ROOT,
                "%s   JVM CPU µs/request median %.0f, nginx %.0f (%.2f×)   worst p99 chatshare %s   errors %d", line,
                javaCpu, nginxCpu, cpu,
                rounds.stream().map(r -> r[0].p99()).max(Comparator.comparingDouble(SharePageBench::millis))
                        .orElse(""), errors));
    }

    /** The demo link's conversation (DemoContent's first for alice): about 2 KB of page. */
    private ConversationSummary demoConversation() {
        return conversations.createConversation("Packing list for a weekend hike", List.of(
                new ChatTurn(MessageRole.USER, "What should I pack for a two-day hike in the mountains?"),
                new ChatTurn(MessageRole.ASSISTANT, """
                        For two days in the mountains, pack in layers:

                        1. **Shelter and warmth**: a light tent or bivvy, sleeping bag rated to 0 °C, an insulating jacket.
                        2. **Water and food**: 2 litres of capacity, a filter, and easy calories (nuts, oats, dried fruit).
                        3. **Safety**: map, headlamp, first-aid kit, and a rain shell — weather turns fast up high.

                        Keep the pack under 10 kg if you can.""")));
    }

    private ConversationSummary conversation(int messages, String title) {
        List<ChatTurn> turns = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            turns.add(i % 2 == 0
                    ? new ChatTurn(MessageRole.USER, "Question " + i + ": how does *this* part work?")
                    : new ChatTurn(MessageRole.ASSISTANT, "Answer " + i + " with **Markdown**:\n\n1. one\n2. two\n\n"
                            + "```java\nSystem.out.println(" + i + ");\n```\n" + "Some more text. ".repeat(10)));
        }
        return conversations.createConversation(title, turns);
    }

    private static Process startNginx(Path dir, Path www, int port) throws IOException, InterruptedException {
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes auto;
                daemon off;
                pid %1$s/nginx.pid;
                error_log stderr warn;
                events { worker_connections 4096; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/tmp;
                  proxy_temp_path %1$s/tmp;
                  fastcgi_temp_path %1$s/tmp;
                  uwsgi_temp_path %1$s/tmp;
                  scgi_temp_path %1$s/tmp;
                  server {
                    listen 127.0.0.1:%2$d;
                    root %3$s;
                    location / { default_type text/html; add_header Cache-Control no-cache; etag on; gzip_static on; }
                  }
                }
                """.formatted(dir.toAbsolutePath(), port, www.toAbsolutePath()));
        Files.createDirectories(dir.resolve("tmp"));
        Process process = new ProcessBuilder("nginx", "-c", conf.toAbsolutePath().toString(),
                "-p", dir.toAbsolutePath().toString()).inheritIO().start();
        Thread.sleep(1_000);
        return process;
    }

    private Run wrk(String name, String url, String... headers) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + DURATION, "--latency"));
        for (String header : headers) {
            command.addAll(List.of("-H", header));
        }
        command.add(url);
        Map<String, Duration> cpuBefore = cpuByProcess();
        long selectsBefore = selects();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        Map<String, Duration> cpuAfter = cpuByProcess();
        long selects = selects() - selectsBefore - 1;
        double rate = number(out, "Requests/sec:\\s+([\\d.]+)");
        double requests = number(out, "(\\d+) requests in");
        String p99 = text(out, "\\s99%\\s+([\\d.]+\\w+)");
        String non2xx = text(out, "Non-2xx or 3xx responses: (\\d+)");
        String socketErrors = text(out, "Socket errors: (.*)");
        StringBuilder cpu = new StringBuilder();
        Map<String, Double> perRequest = new TreeMap<>();
        cpuAfter.forEach((program, after) -> {
            double micros = after.minus(cpuBefore.getOrDefault(program, Duration.ZERO)).toNanos() / 1e3;
            perRequest.put(program, requests > 0 ? micros / requests : 0);
            if (requests > 0 && micros / requests >= 0.5) { // leaves out the idle processes
                cpu.append(String.format(Locale.ROOT, "  %s %.0f", program, micros / requests));
            }
        });
        long errors = (long) number(out, "Non-2xx or 3xx responses: (\\d+)")
                + (long) number(out, "Socket errors: connect (\\d+)") + (long) number(out, "Socket errors: .*read (\\d+)")
                + (long) number(out, "Socket errors: .*write (\\d+)") + (long) number(out, "Socket errors: .*timeout (\\d+)");
        String perQuery = selects > 0 ? String.format(Locale.ROOT, "   requests/query %.1f", requests / selects) : "";
        return new Run(rate, String.format(Locale.ROOT,
                "%s  %9.0f req/s   p99 %8s   non-2xx/3xx %s   socket errors %s   CPU µs/request:%s%s",
                name, rate, p99, non2xx.isEmpty() ? "0" : non2xx, socketErrors.isEmpty() ? "none" : socketErrors, cpu,
                perQuery), perRequest.getOrDefault("java", 0.0), perRequest.getOrDefault("nginx", 0.0), p99, errors);
    }

    /**
     * CPU time used so far by this JVM (the application) and by its child processes (the embedded
     * MariaDB, nginx and its workers), by command name: what a request costs, less noisy than
     * the request rate on a machine whose cores wrk shares.
     */
    private static Map<String, Duration> cpuByProcess() {
        Map<String, Duration> cpu = new TreeMap<>();
        cpu.put("java", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        ProcessHandle.current().descendants().forEach(child -> child.info().totalCpuDuration().ifPresent(time -> {
            String command = child.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
            if (!command.equals("wrk")) {
                cpu.merge(command, time, Duration::plus);
            }
        }));
        return cpu;
    }

    /** The statements MariaDB has answered so far (this one included): lookups per query, under load. */
    private long selects() {
        return jdbc.queryForObject("select variable_value from information_schema.global_status "
                + "where variable_name = 'COM_SELECT'", Long.class);
    }

    /**
     * Runs the first round of a comparison under Java Flight Recorder when -Dbench.profile names it
     * (BENCH_PROFILE=200, gzip or 304; 1 means 200), into target/bench/share-page-PAGE[-PART].jfr.
     */
    private static Run profiled(Path dir, String page, String part, int round, Callable<Run> benchmark)
            throws Exception {
        String profile = System.getProperty("bench.profile", "");
        boolean wanted = profile.equals(part) || (profile.equals("1") && part.equals("200"));
        if (round > 1 || !wanted) {
            return benchmark.call();
        }
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.start();
            Run result = benchmark.call();
            recording.stop();
            recording.dump(dir.resolve("share-page-" + page + (part.equals("200") ? "" : "-" + part) + ".jfr"));
            return result;
        }
    }

    /** A port nobody listens on now (port + 1 was taken once: the embedded MariaDB picks its own at random). */
    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** wrk's latency ("850.00us", "5.21ms", "1.02s") in milliseconds. */
    private static double millis(String latency) {
        Matcher matcher = Pattern.compile("([\\d.]+)(us|ms|s)").matcher(latency);
        if (!matcher.matches()) {
            return 0;
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            default -> value * 1000;
        };
    }

    private static String ratios(String what, List<Double> ratios) {
        List<Double> sorted = ratios.stream().sorted().toList();
        return String.format(Locale.ROOT, "ratio chatshare / nginx (%s), by round: %s   median %.2f", what,
                String.join(" ", ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList()),
                sorted.get(sorted.size() / 2));
    }

    private static String time(String name, Runnable action) {
        double[] millis = new double[7];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            action.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        double first = millis[0];
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "%-58s first %6.0f ms   median %6.0f ms   max %6.0f ms   (%d runs)",
                name, first, millis[millis.length / 2], millis[millis.length - 1], millis.length);
    }

    private static double number(String text, String regex) {
        String value = text(text, regex);
        return value.isEmpty() ? 0 : Double.parseDouble(value);
    }

    private static String text(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? matcher.group(1).strip() : "";
    }

}

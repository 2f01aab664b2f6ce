package com.chatshare.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two application nodes on one MariaDB server behind nginx, all real processes started from the
 * built jar (bench/two-nodes.sh): a link shared on one node is served by the other; a deletion
 * and a takedown on one node reach the other (the lag, from the revocation's row in
 * share_revocation to the other node's first 404/410); views, reports and the report limit across
 * nodes; and a node killed under a signed-in user. Writes target/bench/two-nodes.txt. Not a test
 * of the suite: it asserts nothing about timings and reports what it measured.
 */
@Tag("bench")
class TwoNodesBench {

    static final Path DIR = Path.of("target", "two-nodes");
    static final Path REPORT = Path.of("target", "bench", "two-nodes.txt");
    static final int DELETIONS = Integer.getInteger("bench.deletions", 8);
    static final Duration NODE_START_LIMIT = Duration.ofSeconds(180);
    static final String[] WORDS = {"alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
            "juliett", "kilo", "lima", "mike", "november", "oscar", "papa"};

    private final List<String> report = new ArrayList<>();

    @Test
    void two_nodes_behind_nginx() throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", DIR.resolve("chatshare.jar").toString()));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar at " + jar + ": run bench/two-nodes.sh, which builds it");
        }
        line("Two nodes behind nginx, one MariaDB server (" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")");
        line("jar: " + jar + " (" + Files.size(jar) / (1024 * 1024) + " MiB)");
        try (Cluster cluster = new Cluster(DIR)) {
            // Views reach the database every second instead of every 10 s, so the count can be read soon.
            Map<String, String> env = Map.of("CHATSHARE_SHARING_VIEWFLUSHINTERVAL", "1s");
            Cluster.Node a = cluster.node("a", jar, env);
            Cluster.Node b = cluster.node("b", jar, env);
            Cluster.Nginx nginx = cluster.nginx();
            long start = System.nanoTime();
            cluster.db.install();
            line("MariaDB " + mariadbVersion(cluster) + " on 127.0.0.1:" + cluster.db.port + ", installed and started in "
                    + millis(Duration.ofNanos(System.nanoTime() - start)));
            // A first: it creates the demo accounts and content once; B finds them there.
            line("node A on :" + a.port + " UP after " + millis(a.startAndAwaitUp(NODE_START_LIMIT)));
            line("node B on :" + b.port + " UP after " + millis(b.startAndAwaitUp(NODE_START_LIMIT)));
            nginx.start();
            line("nginx on :" + nginx.port + " (view counts flushed every 1 s on both nodes: "
                    + "CHATSHARE_SHARING_VIEWFLUSHINTERVAL=1s; revocation feed read every 100 ms, the default)");
            Map<String, String> demoLinks = demoLinks(cluster);
            line("demo data created once (by A): " + count(cluster, "select count(*) from app_user")
                    + " accounts, demo links of " + demoLinks.keySet());
            line("");

            String token = sharedOnAServedByB(cluster, a, b, nginx);
            revocationLag(cluster, a, b, nginx);
            viewsAddUp(cluster, a, b, token);
            reportsAddUp(cluster, a, b, token);
            reportLimitAcrossNodes(a, b, demoLinks.get("alice"));
            reportLimitBehindNginx(nginx, demoLinks.get("bob"));
            killedUnderAUser(cluster, a, nginx, token);
            line("");
            line("nginx access log, requests by the node(s) that answered: "
                    + answersByNode(nginx.accessLog(), cluster.nodes));
        } catch (Throwable e) {
            line("FAILED: " + e);
            throw e;
        } finally {
            Cluster.writeUnchecked(REPORT, report);
        }
    }

    /** 1. A link shared through the UI on node A is served by node B. */
    private String sharedOnAServedByB(Cluster cluster, Cluster.Node a, Cluster.Node b, Cluster.Nginx nginx)
            throws Exception {
        line("1. Shared on A, served by B");
        try (ClusterUi alice = new ClusterUi(nginx.url(""))) {
            alice.signInOn("a", "alice", "alice-password");
            alice.sendAndAwaitAnswer("Two nodes: shared on node A");
            String url = alice.share();
            String token = url.substring(url.lastIndexOf('/') + 1);
            alice.screenshot("two-nodes-1-shared-on-a");
            HttpResponse<String> onB = get(b.url("/share/" + token));
            line("   alice's session on node " + alice.sessionNode().orElse("?") + "; link " + url);
            line("   GET B:" + b.port + "/share/" + token + " -> " + onB.statusCode() + ", title in page: "
                    + onB.body().contains("Two nodes: shared on node A") + ", " + onB.body().length() + " chars");
            line("   GET A:" + a.port + " -> " + get(a.url("/share/" + token)).statusCode());
            line("");
            return token;
        }
    }

    /**
     * 2. Deletions on A (Settings → Data controls → Manage → trash) answer 404 on B, a takedown by
     * a moderator on A answers 410 on B; the lag from the revocation's row to B's first such answer.
     */
    private void revocationLag(Cluster cluster, Cluster.Node a, Cluster.Node b, Cluster.Nginx nginx) throws Exception {
        line("2. Revocation lag: deletion / takedown on A, first 404 / 410 on B");
        line("   lag = B's first 404/410 (response received; B polled back to back with a 2 ms pause, from before the "
                + "click) minus "
                + "share_revocation.revoked_at of the token (now(6) in the revoking transaction, just before its commit)");
        List<Long> lagsB = new ArrayList<>();
        List<Long> lagsA = new ArrayList<>();
        String takedownUrl;
        try (ClusterUi alice = new ClusterUi(nginx.url(""))) {
            alice.signInOn("a", "alice", "alice-password");
            Map<String, String> links = new LinkedHashMap<>();
            for (int i = 0; i <= DELETIONS; i++) {
                String title = "Lag probe " + WORDS[i];
                alice.newChat();
                alice.sendAndAwaitAnswer(title);
                links.put(WORDS[i], alice.share());
            }
            takedownUrl = links.remove(WORDS[DELETIONS]);

            alice.driver.get(nginx.url("/settings/data-controls"));
            alice.wait.until(ExpectedConditions.elementToBeClickable(By.id("manage-links"))).click();
            alice.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("links-grid"), "Lag probe"));
            int n = 0;
            for (Map.Entry<String, String> link : links.entrySet()) {
                n++;
                String token = link.getValue().substring(link.getValue().lastIndexOf('/') + 1);
                String title = "Lag probe " + link.getKey();
                WebElement search = alice.driver.findElement(By.cssSelector("#links-search input"));
                search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, link.getKey());
                alice.wait.until(d -> d.findElement(By.id("links-grid")).getText().contains(title)
                        && displayed(d.findElements(By.cssSelector("#links-grid vaadin-button.delete-link"))).size() == 1);
                WebElement trash = displayed(alice.driver.findElements(
                        By.cssSelector("#links-grid vaadin-button.delete-link"))).getFirst();
                trash.click();
                // The dialog's own button: the trash buttons' tooltips say "Delete link" too.
                WebElement confirm = alice.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                        "vaadin-confirm-dialog#delete-one-confirm[opened] vaadin-button[slot='confirm-button']")));
                if (n == 1) {
                    alice.screenshot("two-nodes-2-delete-confirm");
                }
                Poller onB = Poller.start(b.url("/share/" + token));
                Poller onA = Poller.start(a.url("/share/" + token));
                onB.awaitFirstOk();
                onA.awaitFirstOk();
                Instant click = Instant.now();
                alice.scriptClick(confirm);
                onB.awaitEnd();
                onA.awaitEnd();
                Instant revoked = revokedAt(cluster, token);
                long lagB = micros(revoked, onB.firstOther);
                long lagA = micros(revoked, onA.firstOther);
                lagsB.add(lagB);
                lagsA.add(lagA);
                line(String.format(Locale.ROOT, "   delete %d: B %d after %s ms (last 200 on B %s ms before that; "
                                + "%d polls), A %d after %s ms; confirm click -> revoked_at %s ms",
                        n, onB.otherStatus, ms(lagB), ms(micros(onB.last200, onB.firstOther)), onB.requests,
                        onA.otherStatus, ms(lagA), ms(micros(click, revoked))));
                alice.wait.until(ExpectedConditions.not(
                        ExpectedConditions.textToBePresentInElementLocated(By.id("links-grid"), title)));
                alice.wait.until(ExpectedConditions.numberOfElementsToBe(
                        By.cssSelector("vaadin-confirm-dialog[opened]"), 0));
            }
        }

        try (ClusterUi mod = new ClusterUi(nginx.url(""))) {
            String token = takedownUrl.substring(takedownUrl.lastIndexOf('/') + 1);
            mod.signInOn("a", "mod", "mod-password");
            mod.driver.get(nginx.url("/moderation"));
            WebElement search = mod.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#filter-search input")));
            search.sendKeys(takedownUrl, Keys.ENTER);
            String title = "Lag probe " + WORDS[DELETIONS];
            mod.wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//vaadin-grid-cell-content[normalize-space()='" + title + "']"))).click();
            mod.wait.until(ExpectedConditions.textToBe(By.id("detail-title"), title));
            mod.driver.findElement(By.id("take-down")).click();
            mod.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("take-down-reason"))).click();
            mod.scriptClick(mod.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-select-item[normalize-space()='Spam or phishing']"))));
            mod.driver.findElement(By.cssSelector("#take-down-note textarea")).sendKeys("Two-node revocation probe");
            Poller onB = Poller.start(b.url("/share/" + token));
            Poller onA = Poller.start(a.url("/share/" + token));
            onB.awaitFirstOk();
            onA.awaitFirstOk();
            mod.driver.findElement(By.id("take-down-confirm")).click();
            onB.awaitEnd();
            onA.awaitEnd();
            mod.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-history"), "LINK_TAKEN_DOWN"));
            mod.screenshot("two-nodes-2-taken-down");
            Instant revoked = revokedAt(cluster, token);
            long lagB = micros(revoked, onB.firstOther);
            lagsB.add(lagB);
            lagsA.add(micros(revoked, onA.firstOther));
            line(String.format(Locale.ROOT, "   takedown by mod (session on A): B %d after %s ms (last 200 on B %s ms "
                            + "before that), A %d after %s ms", onB.otherStatus, ms(lagB),
                    ms(micros(onB.last200, onB.firstOther)), onA.otherStatus, ms(lagsA.getLast())));
        }
        line(String.format(Locale.ROOT, "   B, %d revocations: median %s ms, max %s ms, all: %s (target: within 250 ms)",
                lagsB.size(), ms(median(lagsB)), ms(max(lagsB)), msList(lagsB)));
        line(String.format(Locale.ROOT, "   A (the revoking node), same revocations: median %s ms, max %s ms",
                ms(median(lagsA)), ms(max(lagsA))));
        line("");
    }

    /**
     * 3a. Views counted on both nodes add up in the database. A reader counts once per link per
     * day on each node (decision 0013): readers are told apart by their address, so each one here
     * has a loopback source address of its own, and each asks three times.
     */
    private void viewsAddUp(Cluster cluster, Cluster.Node a, Cluster.Node b, String token) throws Exception {
        line("3. Counters across nodes");
        Thread.sleep(2_500); // earlier views of this link flushed (every 1 s)
        long before = viewCount(cluster, token);
        int onA = 30;
        int onB = 20;
        for (int i = 1; i <= Math.max(onA, onB); i++) {
            if (i <= onA) {
                readThrice(reader("127.0.1." + i), a.url("/share/" + token));
            }
            if (i <= onB) {
                readThrice(reader("127.0.2." + i), b.url("/share/" + token));
            }
        }
        long sent = System.nanoTime();
        long counted = awaitViews(cluster, token, before + onA + onB);
        long after = System.nanoTime() - sent;
        Thread.sleep(3_000);
        long settled = viewCount(cluster, token);
        line(String.format(Locale.ROOT, "   views: %d readers (own source addresses) on A + %d others on B, 3 GETs each; "
                        + "view_count %d -> %d (+%d, expected +%d) %s ms after the last GET; %d 3 s later", onA, onB,
                before, counted, counted - before, onA + onB, ms(after / 1_000), settled));
        // One reader on both nodes: each node has its own daily secret, so it may count once on each.
        HttpClient same = reader("127.0.3.1");
        readThrice(same, a.url("/share/" + token));
        readThrice(same, b.url("/share/" + token));
        awaitViews(cluster, token, settled + 2);
        Thread.sleep(2_000);
        long both = viewCount(cluster, token) - settled;
        line(String.format(Locale.ROOT, "   views: one more reader, 3 GETs on A and 3 on B: +%d (once per node per day, "
                + "decision 0013; one shared count would be +1)", both));
    }

    private static HttpClient reader(String address) throws IOException {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
    }

    private static void readThrice(HttpClient reader, String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < 3; i++) {
            int status = reader.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            require(status == 200, "GET " + url + " answered " + status);
        }
    }

    /** Waits (up to 20 s) until the link's view_count reaches a number, and returns the count then. */
    private static long awaitViews(Cluster cluster, String token, long expected) throws Exception {
        long start = System.nanoTime();
        long counted = viewCount(cluster, token);
        while (counted < expected && System.nanoTime() - start < Duration.ofSeconds(20).toNanos()) {
            Thread.sleep(100);
            counted = viewCount(cluster, token);
        }
        return counted;
    }

    /** 3b. Reports filed through the public form on A and on B are both counted. */
    private void reportsAddUp(Cluster cluster, Cluster.Node a, Cluster.Node b, String token) throws Exception {
        long[] before = reportCounts(cluster, token);
        HttpClient client = HttpClient.newHttpClient();
        int onA = fileReport(client, a.url(""), a.url(""), token, "Reported on node A");
        int onB = fileReport(client, b.url(""), b.url(""), token, "Reported on node B");
        int across = fileReport(client, a.url(""), b.url(""), token, "Form from node A, sent to node B");
        long[] after = reportCounts(cluster, token);
        line(String.format(Locale.ROOT, "   reports: form on A posted to A -> %d, on B to B -> %d, form from A posted to B "
                        + "(CSRF token in a cookie, no session) -> %d; abuse_report rows %d -> %d, open_reports %d -> %d",
                onA, onB, across, before[0], after[0], before[1], after[1]));
    }

    /** 3c. The report form's limit per client address, one client alternating between the nodes. */
    private void reportLimitAcrossNodes(Cluster.Node a, Cluster.Node b, String token) throws Exception {
        int limit = reportLimitPerAddress();
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.11")).build();
        StringBuilder sequence = new StringBuilder();
        int accepted = 0;
        boolean refusedOnA = false;
        boolean refusedOnB = false;
        for (int i = 0; i < 4 * limit && !(refusedOnA && refusedOnB); i++) {
            Cluster.Node node = i % 2 == 0 ? a : b;
            int status = fileReport(client, node.url(""), node.url(""), token, "Limit probe " + i);
            sequence.append(node == a ? " A:" : " B:").append(status);
            if (status == 200) {
                accepted++;
            } else if (status == 429) {
                refusedOnA |= node == a;
                refusedOnB |= node == b;
            }
        }
        line(String.format(Locale.ROOT, "   report limit, one client (127.0.0.11) alternating A/B directly: %d accepted "
                        + "before both nodes refused; configured %s per address per 10 min (per node: %s would be "
                        + "accepted, shared: %s);%s", accepted, limit, limit < 0 ? "?" : 2 * limit,
                limit < 0 ? "?" : limit, sequence));
    }

    /** 3d. Behind nginx, the limit keys on the client's address (X-Forwarded-For), not nginx's. */
    private void reportLimitBehindNginx(Cluster.Nginx nginx, String token) throws Exception {
        HttpClient first = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.21")).build();
        StringBuilder sequence = new StringBuilder();
        int accepted = 0;
        int refusedInARow = 0;
        for (int i = 0; i < 24 && refusedInARow < 3; i++) {
            int status = fileReport(first, nginx.url(""), nginx.url(""), token, "Through nginx " + i);
            sequence.append(' ').append(status);
            accepted += status == 200 ? 1 : 0;
            refusedInARow = status == 429 ? refusedInARow + 1 : 0;
        }
        HttpClient second = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.22")).build();
        int other = fileReport(second, nginx.url(""), nginx.url(""), token, "Another client through nginx");
        line(String.format(Locale.ROOT, "   report limit through nginx (round robin): client 127.0.0.21 had %d accepted "
                + "(%s), then client 127.0.0.22 -> %d (200: the nodes key on the forwarded client, not on nginx)",
                accepted, sequence.toString().strip(), other));
        line("");
    }

    /** 4. Node A killed (SIGKILL) right after a signed-in user's messages were acknowledged. */
    private void killedUnderAUser(Cluster cluster, Cluster.Node a, Cluster.Nginx nginx, String token) throws Exception {
        line("4. Node A killed under a signed-in user");
        try (ClusterUi bob = new ClusterUi(nginx.url(""))) {
            bob.signInOn("a", "bob", "bob-password");
            List<String> sent = List.of("Before the crash: first question", "Before the crash: second question",
                    "Before the crash: third question");
            bob.newChat();
            for (String text : sent.subList(0, sent.size() - 1)) {
                bob.sendAndAwaitAnswer(text);
            }
            long conversation = bob.conversationId();
            bob.sendAndAwaitAnswer(sent.getLast());
            // Acknowledged: all three answers shown and Send back. Kill at once.
            Instant acknowledged = Instant.now();
            Instant killed = a.kill();
            line(String.format(Locale.ROOT, "   bob (session on node A) had 3 messages acknowledged in conversation %d; "
                    + "node A sent SIGKILL %s ms after the third answer was seen complete (the page is checked every "
                    + "20 ms)", conversation, ms(micros(acknowledged, killed))));
            Thread.sleep(1_000);
            bob.screenshot("two-nodes-4-after-kill");
            bob.driver.get(nginx.url("/chat/" + conversation));
            bob.wait.until(ExpectedConditions.urlContains("/login"));
            Instant loginShown = Instant.now();
            bob.signIn("bob", "bob-password");
            bob.driver.get(nginx.url("/chat/" + conversation));
            bob.wait.until(d -> bob.answers() == sent.size());
            Instant shown = Instant.now();
            bob.screenshot("two-nodes-4-signed-in-again-on-b");
            String text = bob.messagesText();
            boolean allShown = sent.stream().allMatch(text::contains);
            List<String> stored = storedMessages(cluster, conversation);
            line(String.format(Locale.ROOT, "   reopening the chat through nginx: sign-in page after %s ms (session was on "
                            + "A); signed in again on node %s; the conversation shown %s ms after the kill",
                    ms(micros(killed, loginShown)), bob.sessionNode().orElse("?"), ms(micros(killed, shown))));
            line("   acknowledged messages shown after the kill: " + (allShown ? "all 3 of 3 with their 3 answers" : "NOT ALL")
                    + "; stored rows: " + stored);
            // Bob goes on chatting on B.
            bob.sendAndAwaitAnswer("After the crash: a question on node B");
            line("   a new message on B after the kill: acknowledged (" + bob.answers() + " answers shown)");
        }
        int ok = 0;
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int status = get(nginx.url("/share/" + token)).statusCode();
            if (status == 200) {
                ok++;
            } else {
                others.add(status);
            }
        }
        line("   the public page through nginx with A dead: " + ok + " of 20 answered 200" + (others.isEmpty() ? ""
                : ", others: " + others));
    }

    // --- measuring helpers ---------------------------------------------------------------------

    /** Asks one URL over and over, from before a revocation until the answer is no longer 200. */
    static final class Poller implements Runnable {

        private final String url;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final CountDownLatch ok = new CountDownLatch(1);
        private final CountDownLatch end = new CountDownLatch(1);
        volatile Instant last200;
        volatile Instant firstOther;
        volatile int otherStatus;
        volatile int requests;
        private volatile Exception failure;

        private Poller(String url) {
            this.url = url;
        }

        static Poller start(String url) {
            Poller poller = new Poller(url);
            Thread.ofPlatform().daemon().name("poll " + url).start(poller);
            return poller;
        }

        @Override
        public void run() {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
                while (System.nanoTime() < deadline) {
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    Instant at = Instant.now();
                    requests++;
                    if (status != 200) {
                        firstOther = at;
                        otherStatus = status;
                        return;
                    }
                    last200 = at;
                    ok.countDown();
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                failure = e;
            } finally {
                ok.countDown();
                end.countDown();
            }
        }

        void awaitFirstOk() throws InterruptedException {
            ok.await(10, TimeUnit.SECONDS);
            if (last200 == null) {
                throw new IllegalStateException(url + " did not answer 200 before the revocation", failure);
            }
        }

        void awaitEnd() throws InterruptedException {
            end.await(25, TimeUnit.SECONDS);
            if (firstOther == null) {
                throw new IllegalStateException(url + " still answered 200 20 s after the revocation", failure);
            }
        }
    }

    /** GETs the report form on one node and posts it (with its CSRF token and cookie) to another. */
    static int fileReport(HttpClient client, String formBase, String postBase, String token, String details)
            throws IOException, InterruptedException {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(formBase + "/share/" + token + "/report"))
                .build(), HttpResponse.BodyHandlers.ofString());
        require(form.statusCode() == 200, "report form answered " + form.statusCode());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        require(csrf.find(), "no CSRF token in the report form");
        String cookies = String.join("; ", form.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).toList());
        String body = "reason=SPAM_OR_PHISHING&details=" + URLEncoder.encode(details, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(postBase + "/share/" + token + "/report"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!cookies.isEmpty()) {
            post.header("Cookie", cookies);
        }
        HttpResponse<String> sent = client.send(post.build(), HttpResponse.BodyHandlers.ofString());
        if (sent.statusCode() == 200 && !sent.body().contains("Thank you for your report")) {
            return -200;
        }
        return sent.statusCode();
    }

    /**
     * ReportService.PER_REPORTER (PER_ADDRESS before issue 22, item 10), read from the code under
     * test, or -1 if it is not there any more. Since item 10 one address's reports of one link
     * collapse into one, so a probe of a single link is answered 200 throughout.
     */
    static int reportLimitPerAddress() {
        try {
            Class<?> service = Class.forName("com.chatshare.moderation.ReportService");
            java.lang.reflect.Field field;
            try {
                field = service.getDeclaredField("PER_REPORTER");
            } catch (NoSuchFieldException e) {
                field = service.getDeclaredField("PER_ADDRESS");
            }
            field.setAccessible(true);
            return field.getInt(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Instant revokedAt(Cluster cluster, String token) throws SQLException {
        try (Connection c = cluster.jdbc(); PreparedStatement s = c.prepareStatement(
                "select unix_timestamp(revoked_at) from share_revocation where token = ? order by id desc limit 1")) {
            s.setString(1, token);
            try (ResultSet rs = s.executeQuery()) {
                require(rs.next(), "no share_revocation row for " + token);
                BigDecimal seconds = rs.getBigDecimal(1);
                long micros = seconds.movePointRight(6).longValueExact();
                return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            }
        }
    }

    private static long viewCount(Cluster cluster, String token) throws SQLException {
        try (Connection c = cluster.jdbc();
                PreparedStatement s = c.prepareStatement("select view_count from share_link where token = ?")) {
            s.setString(1, token);
            try (ResultSet rs = s.executeQuery()) {
                require(rs.next(), "no share_link " + token);
                return rs.getLong(1);
            }
        }
    }

    private static long[] reportCounts(Cluster cluster, String token) throws SQLException {
        try (Connection c = cluster.jdbc(); PreparedStatement s = c.prepareStatement(
                "select (select count(*) from abuse_report r where r.share_link_id = s.id), s.open_reports "
                        + "from share_link s where s.token = ?")) {
            s.setString(1, token);
            try (ResultSet rs = s.executeQuery()) {
                require(rs.next(), "no share_link " + token);
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    static List<String> storedMessages(Cluster cluster, long conversation) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = cluster.jdbc(); PreparedStatement s = c.prepareStatement(
                "select role, status, left(content, 40) from message where conversation_id = ? order by position")) {
            s.setLong(1, conversation);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "/" + rs.getString(2) + " \"" + rs.getString(3).replace('\n', ' ') + "…\"");
                }
            }
        }
        return rows;
    }

    /** The demo links (created by node A in demo mode), by owner. */
    private static Map<String, String> demoLinks(Cluster cluster) throws SQLException {
        Map<String, String> links = new TreeMap<>();
        try (Connection c = cluster.jdbc(); PreparedStatement s = c.prepareStatement(
                "select u.username, s.token from share_link s join app_user u on u.id = s.owner_id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                links.put(rs.getString(1), rs.getString(2));
            }
        }
        return links;
    }

    private static long count(Cluster cluster, String sql) throws SQLException {
        try (Connection c = cluster.jdbc(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String mariadbVersion(Cluster cluster) throws SQLException {
        try (Connection c = cluster.jdbc(); ResultSet rs = c.createStatement().executeQuery("select version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Requests in nginx's access log by the node that answered them ("A, B": A refused, B answered). */
    static Map<String, Integer> answersByNode(Path accessLog, List<Cluster.Node> nodes) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        Pattern upstream = Pattern.compile("upstream=\"([^\"]*)\"");
        for (String entry : Files.readAllLines(accessLog)) {
            Matcher m = upstream.matcher(entry);
            if (m.find()) {
                String names = m.group(1);
                for (Cluster.Node node : nodes) {
                    names = names.replace("127.0.0.1:" + node.port, node.name.toUpperCase(Locale.ROOT));
                }
                counts.merge(names, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static List<WebElement> displayed(List<WebElement> elements) {
        return elements.stream().filter(WebElement::isDisplayed).toList();
    }

    static long micros(Instant from, Instant to) {
        return ChronoUnit.MICROS.between(from, to);
    }

    static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String msList(List<Long> micros) {
        return String.join(" ", micros.stream().map(TwoNodesBench::ms).toList());
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }

    private void line(String text) {
        report.add(text);
        System.out.println(text);
    }
}

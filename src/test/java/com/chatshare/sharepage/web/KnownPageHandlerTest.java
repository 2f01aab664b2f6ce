package com.chatshare.sharepage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.chatshare.OwnSpringContext;
import com.chatshare.RealServerTest;
import com.chatshare.SignedIn;
import com.chatshare.TestClock;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.moderation.ModerationService;
import com.chatshare.moderation.ReportReason;
import com.chatshare.sharepage.internal.ViewCounter;
import com.chatshare.sharing.OwnLinksService;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareRequest;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSettings;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The public page over real Jetty (decision 0024): a known page answered by {@link KnownPageHandler}
 * ahead of the servlet chain carries exactly the servlet path's status, headers and bytes, and every
 * rule of the page holds there: revocation and takedown on the next request, expiry, restricted
 * links never answered ahead, odd paths and methods left to the servlet path, views counted per
 * forwarded client, the access log. Requests are written on a socket as they go over the wire
 * (no client library adds or hides a header); whether the handler answered is read from its counter.
 * A request with a cookie is the servlet path's: the handler leaves every request with cookies to it.
 */
@RealServerTest(properties = {"chatshare.trusted-proxies=127.0.0.1", "chatshare.access-log.enabled=true",
        "chatshare.public-url=https://chat.example/", "chatshare.site-name=Example Chats"})
@ExtendWith(OutputCaptureExtension.class)
@OwnSpringContext
class KnownPageHandlerTest {

    private static final String SERVLET_PATH = "Cookie: theme=dark";

    @LocalServerPort
    int port;

    @Autowired
    ShareService shares;

    @Autowired
    OwnLinksService ownLinks;

    @Autowired
    ModerationService moderation;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestClock clock;

    @Autowired
    ViewCounter viewCounter;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        clock.reset();
        SignedIn.signOut();
    }

    /** A response as it came over the wire: status line, header lines in order (less Date), body bytes as Latin-1. */
    record Wire(String statusLine, List<String> headers, String body) {

        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        String header(String name) {
            return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }

        byte[] bytes() {
            return body.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void a_known_page_is_sent_ahead_of_the_servlets_with_the_servlet_paths_status_headers_and_bytes()
            throws Exception {
        String path = publicLink("Same bytes either way?").path();
        Wire first = send("GET", path);
        assertThat(first.status()).isEqualTo(200);
        awaitKnown(path);
        String etag = first.header("ETag");
        String gzipEtag = send("GET", path, "Accept-Encoding: gzip", SERVLET_PATH).header("ETag");

        List<List<String>> requests = List.of(
                List.of("GET"),
                List.of("GET", "Accept-Encoding: gzip, deflate, br, zstd"),
                List.of("GET", "Accept-Encoding: br;q=1.0, gzip;q=0"),
                List.of("HEAD"),
                List.of("HEAD", "Accept-Encoding: gzip"),
                List.of("GET", "If-None-Match: " + etag),
                List.of("GET", "Accept-Encoding: gzip", "If-None-Match: " + gzipEtag),
                List.of("GET", "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.9"),
                List.of("GET", "Host: evil.example"),
                List.of("GET", "Host: [::1]:1"),
                List.of("GET", "X-Padding: " + "a".repeat(6_000)));
        List<Wire> ahead = new ArrayList<>();
        for (List<String> request : requests) {
            String method = request.getFirst();
            String[] headers = request.subList(1, request.size()).toArray(String[]::new);
            double before = aheadCount();
            Wire answer = send(method, path, headers);
            assertThat(aheadCount() - before).as("answered ahead: %s", request).isEqualTo(1);
            Wire servlet = send(method, path, plus(headers, SERVLET_PATH));
            assertThat(aheadCount() - before).as("the servlet path: %s", request).isEqualTo(1);
            assertThat(answer).as("%s", request).isEqualTo(servlet);
            ahead.add(answer);
        }

        assertThat(ahead.getFirst()).as("the first request, rendered on the servlet path").isEqualTo(first);
        assertThat(ahead.getFirst().headers()).contains("Cache-Control: no-cache", "Vary: Accept-Encoding",
                "X-Frame-Options: DENY", "ETag: " + etag).noneMatch(h -> h.startsWith("Strict-Transport-Security"));
        assertThat(ahead.getFirst().body()).contains("Same bytes either way?");
        assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(ahead.get(1).bytes())).readAllBytes(),
                StandardCharsets.ISO_8859_1)).isEqualTo(first.body());
        assertThat(ahead.get(1).header("Content-Encoding")).isEqualTo("gzip");
        assertThat(ahead.get(2).header("Content-Encoding")).as("gzip refused with q=0").isNull();
        assertThat(ahead.get(3).body()).as("HEAD sends no body").isEmpty();
        assertThat(ahead.get(3).header("Content-Length")).isEqualTo(first.header("Content-Length"));
        assertThat(ahead.get(5).status()).isEqualTo(304);
        assertThat(ahead.get(5).body()).isEmpty();
        assertThat(ahead.get(6).status()).isEqualTo(304);
        assertThat(ahead.get(7).header("Strict-Transport-Security")).as("https said by the trusted proxy")
                .isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(ahead.get(8).body()).isEqualTo(first.body()).doesNotContain("evil.example");
    }

    @Test
    void a_deleted_link_answers_404_and_a_taken_down_one_410_on_the_very_next_request() throws Exception {
        String unknownBody = send("GET", ShareToken.PATH_PREFIX + "AAAAAAAAAAAAAAAAAAAAAA").body();
        ShareDetails deleted = publicLink("Deleted while known");
        awaitKnown(deleted.path());
        SignedIn.as(users, "alice");
        shares.deleteShare(deleted.conversationId());
        SignedIn.signOut();

        double before = aheadCount();
        Wire afterDelete = send("GET", deleted.path());
        assertThat(afterDelete.status()).isEqualTo(404);
        assertThat(afterDelete.body()).isEqualTo(unknownBody);
        assertThat(send("HEAD", deleted.path()).status()).isEqualTo(404);
        assertThat(aheadCount()).as("not answered ahead after the deletion").isEqualTo(before);

        ShareDetails takenDown = publicLink("Taken down while known");
        awaitKnown(takenDown.path());
        before = aheadCount();
        SignedIn.as(users, "mod");
        moderation.takeDown(List.of(takenDown.shareId()), ReportReason.SPAM_OR_PHISHING, "Spam");
        SignedIn.signOut();
        assertThat(send("GET", takenDown.path()).status()).isEqualTo(410);
        assertThat(send("HEAD", takenDown.path()).status()).isEqualTo(410);
        assertThat(aheadCount()).as("none of these answered ahead").isEqualTo(before);
    }

    @Test
    void restricted_narrowed_and_expired_links_are_never_answered_ahead() throws Exception {
        ShareDetails restricted = share("For signed-in people only", new ShareSettings(ShareAudience.SIGNED_IN,
                List.of(), null));
        ShareDetails narrowed = publicLink("Narrowed while known");
        ShareDetails expiring = share("Expires tomorrow",
                ShareSettings.ANYONE_FOREVER.withExpiresAt(clock.instant().plus(Duration.ofDays(1))));
        awaitKnown(narrowed.path());
        awaitKnown(expiring.path());

        double before = aheadCount();
        // Its own path is the signed-in page (/share/TOKEN/view); the public page's answers 404.
        String publicPath = ShareToken.PATH_PREFIX + restricted.path().substring(ShareToken.PATH_PREFIX.length(),
                ShareToken.PATH_PREFIX.length() + ShareToken.LENGTH);
        for (int i = 0; i < 3; i++) {
            assertThat(send("GET", publicPath).status()).isEqualTo(404);
        }
        SignedIn.as(users, "alice");
        ownLinks.changeAudience(Set.of(narrowed.shareId()), ShareAudience.SIGNED_IN);
        SignedIn.signOut();
        assertThat(send("GET", narrowed.path()).status()).isEqualTo(404);
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(send("GET", expiring.path()).status()).isEqualTo(404);
        assertThat(send("GET", expiring.path()).status()).isEqualTo(404);
        assertThat(aheadCount()).isEqualTo(before);
    }

    @Test
    void odd_paths_methods_and_revalidations_go_the_whole_way_as_before() throws Exception {
        ShareDetails link = publicLink("Odd requests");
        awaitKnown(link.path());
        String token = SharingFixtures.token(link);
        String etag = send("GET", link.path(), SERVLET_PATH).header("ETag");
        assertThat(swapCase(token)).isNotEqualTo(token);

        List<String> targets = List.of(link.path() + "/", ShareToken.PATH_PREFIX + token + "%2F..",
                ShareToken.PATH_PREFIX + swapCase(token), link.path() + "?utm_source=newsletter", link.path() + ";a=b",
                "/" + link.path(), link.path() + ".md", ShareToken.PATH_PREFIX + "%" + token.substring(1),
                ShareToken.PATH_PREFIX + token + "/../" + token);
        double before = aheadCount();
        for (String target : targets) {
            assertThat(send("GET", target).status()).as(target).isEqualTo(send("GET", target, SERVLET_PATH).status());
        }
        assertThat(send("GET", ShareToken.PATH_PREFIX + swapCase(token)).status()).as("tokens are case-sensitive")
                .isEqualTo(404);
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            assertThat(send(method, link.path(), "Content-Length: 0").status()).as(method).isEqualTo(405);
        }
        // Lists, weak tags and * are Spring's to compare, as before (whatever it answers there).
        for (String ifNoneMatch : List.of("\"other\", " + etag, "W/" + etag, "*")) {
            assertThat(send("GET", link.path(), "If-None-Match: " + ifNoneMatch).status()).as(ifNoneMatch)
                    .isEqualTo(send("GET", link.path(), "If-None-Match: " + ifNoneMatch, SERVLET_PATH).status());
        }
        assertThat(send("GET", link.path(), "If-None-Match: \"other\"").status()).isEqualTo(200);
        assertThat(send("GET", link.path(), "Accept-Encoding: identity", "If-None-Match: "
                + send("GET", link.path(), "Accept-Encoding: gzip", SERVLET_PATH).header("ETag")).status())
                .as("the gzip tag does not match the plain page").isEqualTo(200);
        assertThat(aheadCount()).as("none of these answered ahead").isEqualTo(before);

        assertThat(send("GET", link.path(), "X-Padding: " + "a".repeat(20_000)).status())
                .as("a header past Jetty's limit is refused before any handler").isEqualTo(431);
        assertThat(aheadCount()).isEqualTo(before);
    }

    @Test
    void views_are_counted_per_forwarded_client_and_the_access_log_has_the_request_without_its_token(
            CapturedOutput output) throws Exception {
        ShareDetails link = publicLink("Counted ahead");
        awaitKnown(link.path());
        long before = views(link);
        double answeredBefore = aheadCount();

        send("GET", link.path(), "X-Forwarded-For: 198.51.100.31");
        send("GET", link.path(), "X-Forwarded-For: 198.51.100.31");
        send("HEAD", link.path(), "X-Forwarded-For: 198.51.100.32");
        send("GET", link.path(), "X-Forwarded-For: 198.51.100.33", "If-None-Match: "
                + send("GET", link.path(), SERVLET_PATH).header("ETag"));

        assertThat(aheadCount() - answeredBefore).isEqualTo(4);
        assertThat(views(link) - before).as("two readers; a 304 is no view").isEqualTo(2);
        awaitLog(output, "198.51.100.32 \"HEAD /share/#");
        assertThat(output.getAll()).contains("198.51.100.31 \"GET /share/#", "198.51.100.33 \"GET /share/#")
                .doesNotContain(SharingFixtures.token(link));
    }

    @Test
    void a_card_turned_on_or_off_is_never_sent_from_memory_with_the_old_bytes_and_its_picture_goes_with_the_link()
            throws Exception {
        String unknownBody = send("GET", ShareToken.PATH_PREFIX + "AAAAAAAAAAAAAAAAAAAAAA").body();
        ShareDetails link = publicLink("Card toggled while known");
        String token = SharingFixtures.token(link);
        String picture = link.path() + PreviewCards.IMAGE_SUFFIX;
        awaitKnown(link.path());
        Wire without = send("GET", link.path());
        assertThat(without.body()).contains("og:title").doesNotContain("og:image", "twitter:");
        assertThat(send("GET", picture).status()).isEqualTo(404);

        previewCard(link, true);
        Wire with = send("GET", link.path());
        assertThat(with.status()).isEqualTo(200);
        assertThat(with.header("ETag")).isNotEqualTo(without.header("ETag"));
        assertThat(with.body()).contains(
                "<meta property=\"og:url\" content=\"https://chat.example/share/" + token + "\">",
                "<meta property=\"og:image\" content=\"https://chat.example/share/" + token + "/card.png?v=2\">",
                "<meta property=\"og:image:width\" content=\"1200\">",
                "<meta property=\"og:image:height\" content=\"630\">",
                "<meta property=\"og:description\" content=\"A conversation shared on Example Chats\">",
                "<meta name=\"twitter:card\" content=\"summary_large_image\">",
                "<meta name=\"twitter:image\" content=\"https://chat.example/share/" + token + "/card.png?v=2\">");
        awaitKnown(link.path());
        assertThat(send("GET", link.path()).body()).as("answered ahead: the card's bytes").isEqualTo(with.body());

        double before = aheadCount();
        Wire image = send("GET", picture + "?v=2");
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("Content-Type")).isEqualTo("image/png");
        assertThat(image.header("Cache-Control")).isEqualTo("no-cache");
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(image.bytes()));
        assertThat(drawn.getWidth()).isEqualTo(1200);
        assertThat(drawn.getHeight()).isEqualTo(630);
        assertThat(send("GET", picture, "If-None-Match: " + image.header("ETag")).status()).isEqualTo(304);
        assertThat(aheadCount()).as("the picture is the servlet path's").isEqualTo(before);

        previewCard(link, false);
        Wire off = send("GET", link.path());
        assertThat(off.body()).contains("og:title").doesNotContain("og:image", "og:description");
        assertThat(send("GET", picture).body()).isEqualTo(unknownBody);

        previewCard(link, true);
        awaitKnown(link.path());
        assertThat(send("GET", picture).status()).isEqualTo(200);
        SignedIn.as(users, "alice");
        shares.deleteShare(link.conversationId());
        SignedIn.signOut();
        Wire afterDelete = send("GET", picture);
        assertThat(afterDelete.status()).isEqualTo(404);
        assertThat(afterDelete.body()).isEqualTo(unknownBody);

        ShareDetails takenDown = publicLink("Card taken down while known");
        previewCard(takenDown, true);
        awaitKnown(takenDown.path());
        assertThat(send("GET", takenDown.path() + PreviewCards.IMAGE_SUFFIX).status()).isEqualTo(200);
        SignedIn.as(users, "mod");
        moderation.takeDown(List.of(takenDown.shareId()), ReportReason.SPAM_OR_PHISHING, "Spam");
        SignedIn.signOut();
        assertThat(send("GET", takenDown.path() + PreviewCards.IMAGE_SUFFIX).body()).isEqualTo(unknownBody);
    }

    private void previewCard(ShareDetails link, boolean on) {
        SignedIn.as(users, "alice");
        shares.share(ShareRequest.of(link.conversationId(), link.title(), ShareVisibility.ANONYMOUS).withPreviewCard(on));
        SignedIn.signOut();
    }

    private ShareDetails publicLink(String question) {
        return share(question, ShareSettings.ANYONE_FOREVER);
    }

    private ShareDetails share(String question, ShareSettings settings) {
        ConversationSummary conversation = SharingFixtures.answeredConversation(conversations, users, "alice",
                question);
        ShareDetails details = shares.share(ShareRequest.of(conversation.id(), question, ShareVisibility.ANONYMOUS)
                .withSettings(settings));
        SignedIn.signOut();
        return details;
    }

    private double aheadCount() {
        return meters.get("chatshare.share.page.ahead").counter().count();
    }

    /** Asks for the page until the handler answers it (the node remembers a head once the feed was read). */
    private void awaitKnown(String path) throws Exception {
        for (int i = 0; i < 100; i++) {
            double before = aheadCount();
            assertThat(send("GET", path).status()).isEqualTo(200);
            if (aheadCount() > before) {
                return;
            }
            Thread.sleep(50);
        }
        fail("never answered ahead of the servlets: " + path);
    }

    private static void awaitLog(CapturedOutput output, String text) throws InterruptedException {
        for (int i = 0; i < 100 && !output.getAll().contains(text); i++) {
            Thread.sleep(50);
        }
        assertThat(output.getAll()).contains(text);
    }

    private long views(ShareDetails link) {
        viewCounter.flush();
        return jdbc.queryForObject("select view_count from share_link where id = ?", Long.class, link.shareId());
    }

    /** One request on a connection of its own, written as given (a Host header unless one is given). */
    private Wire send(String method, String target, String... headers) throws IOException {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        if (Arrays.stream(headers).noneMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5))) {
            request.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = all.indexOf("\r\n\r\n");
            List<String> lines = List.of(all.substring(0, end).split("\r\n"));
            return new Wire(lines.getFirst(), lines.subList(1, lines.size()).stream()
                    .filter(h -> !h.regionMatches(true, 0, "Date:", 0, 5)).toList(), all.substring(end + 4));
        }
    }

    private static String[] plus(String[] headers, String header) {
        String[] all = Arrays.copyOf(headers, headers.length + 1);
        all[headers.length] = header;
        return all;
    }

    private static String swapCase(String token) {
        StringBuilder swapped = new StringBuilder();
        for (char c : token.toCharArray()) {
            swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return swapped.toString();
    }
}

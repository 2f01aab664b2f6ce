package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.OwnSpringContext;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The server as production would run it with the access log on, behind a proxy, with actuator on
 * a management port of its own bound to 127.0.0.1: real Jetty on random ports (the access log is
 * Jetty's, so MockMvc cannot see it). One context for both, as each extra context starts its own
 * database server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "chatshare.access-log.enabled=true",
        "chatshare.trusted-proxies=127.0.0.1",
        "management.server.port=0",
        "management.server.address=127.0.0.1"})
@ExtendWith(OutputCaptureExtension.class)
@OwnSpringContext
class AccessLogTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_share_page_is_logged_with_a_hash_of_its_token_and_the_client_behind_the_proxy(CapturedOutput output)
            throws Exception {
        String token = SharingFixtures.token(SharingFixtures.share(shares, conversations, users, "alice",
                "What is an access log?", ShareVisibility.NAMED));
        SignedIn.signOut();

        HttpResponse<String> page = get(port, "/share/" + token + "?from=newsletter-7", "X-Forwarded-For",
                "198.51.100.7");
        assertThat(page.statusCode()).isEqualTo(200);

        String line = awaitLine(output, l -> l.contains("/share/#" + AccessLog.hash(token)));
        assertThat(line).contains("198.51.100.7 \"GET /share/#" + AccessLog.hash(token) + "\" 200 "
                + page.body().getBytes(StandardCharsets.UTF_8).length + " ").endsWith("ms");
        assertThat(output.getAll()).doesNotContain(token).doesNotContain("newsletter-7");
    }

    @Test
    void paths_after_the_token_unknown_tokens_and_encoded_spellings_keep_the_token_out(CapturedOutput output)
            throws Exception {
        String token = ShareToken.generate().value();
        // The share path spelled with an escape: whatever Jetty answers, the log has the hash.
        String spelled = "/%73hare/" + token;

        assertThat(get(port, "/share/" + token + "/report").statusCode()).isLessThan(500);
        get(port, "/share/" + token);
        get(port, spelled);

        awaitLine(output, l -> l.contains("\"GET /share/#" + AccessLog.hash(token) + "/report\""));
        assertThat(awaitLines(output, l -> l.contains("\"GET /share/#" + AccessLog.hash(token) + "\""), 2))
                .hasSize(2);
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void a_request_cannot_write_a_line_of_its_own(CapturedOutput output) throws Exception {
        get(port, "/nothing-here%0A127.0.0.1%20%22GET%20/forged%22%20200");

        String line = awaitLine(output, l -> l.contains("nothing-here"));
        assertThat(line).contains("/nothing-here%0A127.0.0.1%20%22GET%20/forged%22%20200");
        assertThat(output.getAll()).doesNotContainPattern("(?m)^127\\.0\\.0\\.1 \"GET /forged\"");
    }

    @Test
    void the_access_log_finds_tokens_where_the_share_page_puts_them() {
        assertThat(AccessLog.SHARE_PATH).isEqualTo(ShareToken.PATH_PREFIX);
        assertThat(AccessLog.loggable("/share/AbCdEfGhIjKlMnOpQrStUv/continue"))
                .isEqualTo("/share/#" + AccessLog.hash("AbCdEfGhIjKlMnOpQrStUv") + "/continue");
        // A mistyped or cut-off token is a secret too, and so is one on a differently cased path.
        assertThat(AccessLog.loggable("/SHARE/AbCdEfGhIjKlMnOpQrSt")).doesNotContain("AbCdEfGhIjKlMnOpQrSt");
        assertThat(AccessLog.loggable("/share-assets/share.css")).isEqualTo("/share-assets/share.css");
        assertThat(AccessLog.loggable("/share/")).isEqualTo("/share/");
        assertThat(AccessLog.hash("AbCdEfGhIjKlMnOpQrStUv")).matches("[0-9a-f]{10}");
    }

    @Test
    void extra_slashes_dots_escapes_and_path_parameters_do_not_reveal_the_token() {
        String token = "AbCdEfGhIjKlMnOpQrStUv";
        String hidden = "/share/#" + AccessLog.hash(token);
        for (String spelling : List.of("/share//" + token, "/share///" + token, "/share/./" + token,
                "/share/.//./" + token, "//share/" + token, "/share%2F" + token, "/share%2f" + token,
                "/share%252F" + token, "/%73hare%2F" + token, "/share;jsessionid=abc/" + token,
                "/share/;x=y/" + token, "/share\\" + token, "/SHARE//" + token)) {
            assertThat(AccessLog.loggable(spelling)).as(spelling).doesNotContain(token).isEqualToIgnoringCase(hidden);
        }
        assertThat(AccessLog.loggable("/share/" + token + ";jsessionid=abc/continue"))
                .isEqualTo(hidden + "/continue");
        assertThat(AccessLog.loggable("/share//" + token + "//report")).isEqualTo(hidden + "/report");
    }

    @Test
    void a_request_with_extra_slashes_or_path_parameters_is_logged_without_its_token(CapturedOutput output)
            throws Exception {
        String token = ShareToken.generate().value();

        get(port, "/share//" + token);
        get(port, "/share/./" + token);
        get(port, "/share;jsessionid=x/" + token);
        get(port, "/share%2F" + token);

        awaitLines(output, l -> l.contains("/share/#" + AccessLog.hash(token)), 4);
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void metrics_live_on_the_management_port_for_admins_only_and_name_no_token() throws Exception {
        String token = ShareToken.generate().value();
        get(port, "/share/" + token);
        get(port, "/share/" + token + "/continue");

        HttpResponse<String> anonymous = get(managementPort, "/actuator/prometheus");
        HttpResponse<String> user = get(managementPort, "/actuator/prometheus", "Authorization", basic("alice"));
        HttpResponse<String> admin = get(managementPort, "/actuator/prometheus", "Authorization", basic("admin"));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(user.statusCode()).isEqualTo(403);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("chatshare_signin_failures_total", "http_server_requests_seconds_count",
                "jetty_").doesNotContain(token);
        assertThat(admin.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(get(managementPort, "/actuator/health").statusCode()).isEqualTo(200);
        // And nowhere else: the application's port has no actuator, and still asks machines for Basic.
        assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(401);
        // (Signed in, the Vaadin servlet answers the path like any unknown route.)
        assertThat(get(port, "/actuator/prometheus", "Authorization", basic("admin")).body())
                .doesNotContain("chatshare_signin_failures_total");
    }

    private HttpResponse<String> get(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String demoUser) {
        return "Basic " + Base64.getEncoder().encodeToString((demoUser + ":" + demoUser + "-password")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Jetty writes the line once the response is complete, which the client may see first. */
    private static String awaitLine(CapturedOutput output, Predicate<String> wanted) throws InterruptedException {
        return awaitLines(output, wanted, 1).getFirst();
    }

    private static List<String> awaitLines(CapturedOutput output, Predicate<String> wanted, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> lines;
        do {
            lines = output.getAll().lines().filter(l -> l.contains(AccessLog.LOGGER)).filter(wanted).toList();
            if (lines.size() >= count) {
                return lines;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("No access log line like that in:\n" + output.getAll());
    }
}

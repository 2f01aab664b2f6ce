package com.chatshare.security;

import static com.chatshare.Addresses.address;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.OwnSpringContext;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real Jetty on a random port, reached over IPv6 loopback ({@code [::1]}, which Jetty reports in
 * brackets) as a reverse proxy in front of the app would reach it, and over IPv4 loopback as a
 * client that is no proxy. The proxy is configured in brackets, the spelling that used to be
 * refused. Each test uses addresses of its own, so one test's lockout does not reach another.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chatshare.trusted-proxies=[::1]")
@OwnSpringContext
class BehindAProxyTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:content|value)=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottle throttle;

    @Test
    void twenty_bad_sign_ins_from_ipv6_loopback_lock_its_network() throws Exception {
        Browser browser = new Browser("http://[::1]:" + port);
        for (int i = 0; i < LoginThrottle.ADDRESS_MAX_FAILURES; i++) {
            assertThat(browser.signIn("sprayed-" + i, "wrong-password")).endsWith("/login?error");
        }

        // The same /64 (::/64), however Jetty spells it: the address is locked, not just its spelling.
        assertThat(throttle.refuses("never-tried", address("::1"))).isTrue();
        assertThat(throttle.refuses("never-tried", address("::2"))).isTrue();
        assertThat(throttle.refuses("never-tried", address("127.0.0.1"))).isFalse();
        assertThat(browser.signIn("alice", "alice-password")).endsWith("/login?error");
        assertThat(new Browser("http://127.0.0.1:" + port).signIn("alice", "alice-password")).doesNotContain("error");
    }

    @Test
    void behind_the_proxy_one_ipv6_network_gets_twenty_guesses_whatever_addresses_it_claims() throws Exception {
        Browser browser = new Browser("http://[::1]:" + port);
        for (int i = 0; i < LoginThrottle.ADDRESS_MAX_FAILURES; i++) {
            browser.forwardedFor = "[2001:db8:aa:bb::" + Integer.toHexString(i + 1) + "]";
            assertThat(browser.signIn("spray-target-" + i, "wrong-password")).endsWith("/login?error");
        }

        browser.forwardedFor = "2001:db8:aa:bb:ffff::1";
        assertThat(browser.signIn("bob", "bob-password")).endsWith("/login?error");
        assertThat(throttle.refuses("never-tried", address("2001:db8:aa:bb:1234::5"))).isTrue();
        // The proxy itself, and the next network, are not locked.
        assertThat(throttle.refuses("never-tried", address("::1"))).isFalse();
        assertThat(throttle.refuses("never-tried", address("2001:db8:aa:bc::1"))).isFalse();
    }

    @Test
    void behind_the_proxy_over_ipv4_the_forwarded_client_is_counted() throws Exception {
        Browser browser = new Browser("http://[::1]:" + port);
        browser.forwardedFor = "1.1.1.1, 198.51.100.44";
        for (int i = 0; i < LoginThrottle.ADDRESS_MAX_FAILURES; i++) {
            browser.signIn("ipv4-spray-" + i, "wrong-password");
        }

        assertThat(throttle.refuses("never-tried", address("198.51.100.44"))).isTrue();
        assertThat(throttle.refuses("never-tried", address("1.1.1.1"))).isFalse();
        assertThat(throttle.refuses("never-tried", address("::1"))).isFalse();
    }

    @Test
    void behind_a_tls_terminating_proxy_the_session_cookie_is_secure_and_hsts_is_sent() throws Exception {
        Browser proxied = new Browser("http://[::1]:" + port);
        proxied.proto = "https";

        HttpResponse<String> page = proxied.get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(sessionCookie(page)).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void the_same_header_from_an_address_that_is_no_proxy_makes_nothing_secure() throws Exception {
        Browser direct = new Browser("http://127.0.0.1:" + port);
        direct.proto = "https";
        direct.forwardedFor = "203.0.113.1";

        HttpResponse<String> page = direct.get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(sessionCookie(page)).doesNotContainIgnoringCase("Secure");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        // A plain request from the proxy is not secure either.
        HttpResponse<String> plain = new Browser("http://[::1]:" + port).get("/login");
        assertThat(sessionCookie(plain)).doesNotContainIgnoringCase("Secure");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private static String sessionCookie(HttpResponse<?> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    /** One browser session against one base address, through the proxy headers it is given. */
    private static final class Browser {

        private final String base;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String forwardedFor;
        String proto;
        private String csrf;

        Browser(String base) {
            this.base = base;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Signs in with the login form; answers where the app sends the browser next. */
        String signIn(String username, String password) throws Exception {
            if (csrf == null) {
                HttpResponse<String> form = get("/login");
                Matcher token = CSRF.matcher(form.body());
                assertThat(token.find()).as("a CSRF token on the login page").isTrue();
                csrf = token.group(1);
            }
            String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            HttpResponse<String> answer = http.send(request("/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("sign-in answer").isEqualTo(302);
            if (!answer.headers().firstValue("Location").orElse("").contains("error")) {
                csrf = null; // signed in: a new session and token
            }
            return answer.headers().firstValue("Location").orElse("");
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            if (proto != null) {
                request.header("X-Forwarded-Proto", proto);
            }
            return request;
        }
    }
}

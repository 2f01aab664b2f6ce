package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.OwnSpringContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On real Jetty (MockMvc would not reach the Vaadin servlet, which answered {@code OPTIONS} with
 * {@code Allow: ... PUT, PATCH, DELETE}): methods no route uses are refused with 405, and the ones
 * the app uses still work.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnSpringContext
class RefusedMethodsTest {

    private static final List<String> UNUSED = List.of("PUT", "PATCH", "DELETE", "TRACE", "OPTIONS", "PROPFIND");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void app_pages_refuse_methods_no_route_uses() throws Exception {
        for (String path : List.of("/login", "/register", "/", "/share/AbCdEfGhIjKlMnOpQrStUv/report",
                "/share/AbCdEfGhIjKlMnOpQrStUv", "/styles.css")) {
            for (String method : UNUSED) {
                HttpResponse<String> answer = send(method, path);
                assertThat(answer.statusCode()).as(method + " " + path).isEqualTo(405);
                assertThat(answer.headers().allValues("Allow")).as(method + " " + path)
                        .noneMatch(allow -> allow.contains("PUT") || allow.contains("PATCH") || allow.contains("DELETE")
                                || allow.contains("OPTIONS") || allow.contains("TRACE"));
            }
        }
    }

    @Test
    void the_methods_the_app_uses_still_work() throws Exception {
        assertThat(send("GET", "/login").statusCode()).isEqualTo(200);
        assertThat(send("HEAD", "/login").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/register").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/share/AbCdEfGhIjKlMnOpQrStUv").statusCode()).isEqualTo(404);
        assertThat(send("HEAD", "/share/AbCdEfGhIjKlMnOpQrStUv").statusCode()).isEqualTo(404);
        // A POST reaches its handler: the login form asks for its CSRF token rather than refusing the method.
        HttpResponse<String> login = send("POST", "/login");
        assertThat(login.statusCode()).isNotEqualTo(405);
        HttpResponse<String> uidl = send("POST", "/?v-r=uidl&v-uiId=0");
        assertThat(uidl.statusCode()).isNotEqualTo(405);
        assertThat(send("POST", "/share/AbCdEfGhIjKlMnOpQrStUv/report").statusCode()).isNotEqualTo(405);
    }
}

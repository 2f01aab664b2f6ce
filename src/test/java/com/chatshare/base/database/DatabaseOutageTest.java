package com.chatshare.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.OwnSpringContext;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The database goes away while the application runs, for real: the embedded MariaDB is stopped
 * and started again under a running server. Readers get a quick 503 instead of a hanging page, the
 * health endpoint says DOWN, and once the database is back the application serves again without a
 * restart and with everything it had stored. When the server's process dies on its own (here:
 * SIGKILL), the log says so at ERROR and health turns DOWN at once. Its own context and database
 * server, started again after each test and closed after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@OwnSpringContext
class DatabaseOutageTest {

    static final String PROCESS_EXITED = "The embedded MariaDB process (pid ";

    /** The share page must answer within 5 s; a client that waits 6 s tells an answer from a hang. */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(6);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    UserDetailsService users;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void databaseRunsAgain() {
        SignedIn.signOut();
        EmbeddedDatabaseOutage.restartAndReconnect(context);
    }

    @Test
    void while_the_database_is_down_readers_get_503_at_once_and_health_says_down_then_all_comes_back(
            CapturedOutput output) throws Exception {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Stored before the outage",
                ShareVisibility.NAMED);
        String page = "/share/" + SharingFixtures.token(link);
        assertThat(get(page).statusCode()).isEqualTo(200);
        SignedIn.signOut();

        EmbeddedDatabaseOutage.stop(context);

        HttpResponse<String> during = get(page);
        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.headers().firstValue("Retry-After")).isPresent();
        assertThat(during.body()).doesNotContain("Exception").doesNotContain("Stored before the outage");

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"");

        EmbeddedDatabaseOutage.restart(context);

        // Back without restarting the application: within 10 s of the database.
        HttpResponse<String> after = awaitStatus(page, 200, Duration.ofSeconds(10));
        assertThat(after.body()).contains("Stored before the outage");
        assertThat(awaitStatus("/actuator/health", 200, Duration.ofSeconds(10)).body()).contains("\"status\":\"UP\"");

        // Nothing acknowledged before the outage is lost.
        SignedIn.as(users, "alice");
        assertThat(conversations.findMessages(link.conversationId())).extracting(ChatMessage::content)
                .first().isEqualTo("Stored before the outage");
        ConversationSummary stillThere = conversations.getConversation(link.conversationId());
        assertThat(stillThere.title()).isEqualTo("Stored before the outage");
        // Stopped on purpose: no alarm about a dead process.
        assertThat(output.getAll()).doesNotContain(PROCESS_EXITED);
    }

    @Test
    void a_killed_database_process_turns_health_down_and_is_logged_as_an_error(CapturedOutput output)
            throws Exception {
        EmbeddedMariaDb server = context.getBean(EmbeddedMariaDb.class);
        HealthIndicator processHealth = context.getBean("embeddedMariaDbHealthIndicator", HealthIndicator.class);
        assertThat(processHealth.health().getStatus()).isEqualTo(Status.UP);
        ProcessHandle process = server.process().orElseThrow();

        assertThat(process.destroyForcibly()).isTrue(); // SIGKILL: no chance to shut down cleanly
        process.onExit().get(10, TimeUnit.SECONDS);

        assertThat(processHealth.health().getStatus()).isEqualTo(Status.DOWN);
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"");
        Instant deadline = Instant.now().plusSeconds(5);
        while (!output.getAll().contains(PROCESS_EXITED) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        String line = output.getAll().lines().filter(l -> l.contains(PROCESS_EXITED)).findFirst().orElseThrow(
                () -> new AssertionError("No log line says the embedded MariaDB process exited"));
        assertThat(line).contains("ERROR").contains("pid " + process.pid()).contains("exited unexpectedly")
                .contains(server.dataDirectory().toAbsolutePath().toString()).contains("Restart Chatshare");
    }

    /** One GET that must be answered within {@link #CLIENT_TIMEOUT}. */
    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(CLIENT_TIMEOUT).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("GET " + path + " got no answer within " + CLIENT_TIMEOUT.toSeconds() + " s", e);
        }
    }

    private HttpResponse<String> awaitStatus(String path, int status, Duration within)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(within);
        HttpResponse<String> response = get(path);
        while (response.statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            response = get(path);
        }
        assertThat(response.statusCode()).as("GET %s within %s of the database's return", path, within)
                .isEqualTo(status);
        return response;
    }
}

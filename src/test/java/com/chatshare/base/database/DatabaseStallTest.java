package com.chatshare.base.database;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.chatshare.KaribuTest;
import com.chatshare.OwnSpringContext;
import com.chatshare.SignedIn;
import com.chatshare.base.ui.UnexpectedErrorView;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The database hangs while the application runs, for real: the embedded MariaDB's process is
 * frozen (SIGSTOP), so connections stay open and nothing answers, which a stop or a kill does not
 * show. The report form, the signed-in shared page, "continue" and a chat message each answer with
 * plain words instead of waiting for the server (the driver's socket timeout and Hikari's
 * connection timeout bound every wait); once the server runs again (SIGCONT) all of them work
 * without a restart. The test's timeout fails it if anything hangs; the waits themselves are only
 * printed, not asserted, since a busy build machine stretches them. Its own context, so a frozen
 * server never holds another test.
 */
@TestPropertySource(properties = "chatshare.test.context=database-stall")
@OwnSpringContext
class DatabaseStallTest extends KaribuTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void databaseRunsAgain() {
        EmbeddedDatabaseOutage.thaw(context);
        SignedIn.signOut();
        EmbeddedDatabaseOutage.restartAndReconnect(context);
    }

    @Test
    void pooled_connections_give_up_on_a_silent_server_and_migrations_do_not() throws Exception {
        try (Connection pooled = context.getBean(DataSource.class).getConnection()) {
            assertThat(pooled.getNetworkTimeout()).isEqualTo(4000);
        }
        try (Connection migrations = context.getBean(Flyway.class).getConfiguration().getDataSource().getConnection()) {
            assertThat(migrations.getNetworkTimeout()).isZero();
        }
        // Given back to the pool, the connection that Flyway had waits 4 s again.
        try (Connection pooled = context.getBean(DataSource.class).getConnection()) {
            assertThat(pooled.getNetworkTimeout()).isEqualTo(4000);
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void while_the_database_hangs_every_page_says_so_plainly_and_all_works_again_once_it_answers()
            throws Exception {
        // Links nobody opened yet, so no page of them is remembered: each needs the database.
        ShareDetails reported = SharingFixtures.share(shares, conversations, users, "alice", "Reported in the stall",
                ShareVisibility.ANONYMOUS);
        ShareDetails read = SharingFixtures.share(shares, conversations, users, "alice", "Read in the stall",
                ShareVisibility.ANONYMOUS);
        ShareDetails continued = SharingFixtures.share(shares, conversations, users, "alice",
                "Continued in the stall", ShareVisibility.ANONYMOUS);
        SignedIn.as(users, "bob");
        ConversationSummary chat = conversations.startConversation("Before the stall");
        SignedIn.signOut();
        login("bob");
        UI.getCurrent().navigate("chat/" + chat.id());
        TextArea input = _get(TextArea.class, spec -> spec.withId("message-input"));
        Button send = _get(Button.class, spec -> spec.withId("send"));

        EmbeddedDatabaseOutage.freeze(context);
        // Should a request hang anyway, the server runs again after a while so that the test ends (and
        // fails: the hung request then succeeds instead of saying the database is unreachable, and
        // @Timeout counts the wait) rather than holding the build.
        Thread safetyThaw = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(60));
                EmbeddedDatabaseOutage.thaw(context);
            } catch (InterruptedException e) {
                // thawed in the finally block below
            }
        });
        try {
            // The chat as the browser has it, opened before the database hung.
            input.setValue("Typed in the stall");
            timedStep("chat message", () -> _click(send));
            assertThat(NotificationsKt.getNotifications()).singleElement().satisfies(notice ->
                    assertThat(notice.getElement().getTextRecursively()).startsWith("Your message could not be saved"));
            assertThat(input.getValue()).isEqualTo("Typed in the stall");

            MockHttpServletResponse report = timed("report form", () -> report(reported));
            assertThat(report.getStatus()).isEqualTo(503);
            assertThat(report.getHeader("Retry-After")).isNotBlank();
            assertThat(report.getContentAsString()).contains("cannot reach its database")
                    .doesNotContain("Exception").doesNotContain("SQL");

            timedStep("share/T/view", () -> UI.getCurrent().navigate(path(read) + "/view"));
            assertShowsDatabaseUnavailable();

            timedStep("share/T/continue", () -> UI.getCurrent().navigate(path(continued) + "/continue"));
            assertShowsDatabaseUnavailable();

        } finally {
            safetyThaw.interrupt();
            EmbeddedDatabaseOutage.thaw(context);
        }

        // Back by itself: no restart, no reconnect by hand.
        awaitUntil(() -> {
            UI.getCurrent().navigate(path(read) + "/view");
            return !_get(H2.class).getText().startsWith("This page cannot be shown");
        });
        assertThat(_get(H2.class, spec -> spec.withId("shared-chat-title")).getText()).isEqualTo("Read in the stall");
        UI.getCurrent().navigate(path(continued) + "/continue");
        assertThat(_get(H2.class).getText()).isEqualTo("Continue this shared chat");
        assertThat(report(reported).getStatus()).isEqualTo(200);

        UI.getCurrent().navigate("chat/" + chat.id());
        TextArea again = _get(TextArea.class, spec -> spec.withId("message-input"));
        Button sendAgain = _get(Button.class, spec -> spec.withId("send"));
        // The notice from the stall stays until closed; what counts is that the new send adds none.
        var earlierNotices = NotificationsKt.getNotifications();
        again.setValue("Typed after the stall");
        _click(sendAgain);
        com.chatshare.conversations.ui.ChatViewTest.awaitUntil(sendAgain::isVisible);
        assertThat(again.getValue()).isEmpty();
        assertThat(NotificationsKt.getNotifications()).filteredOn(notice -> !earlierNotices.contains(notice))
                .noneMatch(Notification::isOpened);
        SignedIn.as(users, "bob");
        assertThat(conversations.findMessages(chat.id())).extracting(ChatMessage::content)
                .startsWith("Before the stall", "Typed after the stall");
    }

    /** A stranger's report; the signed-in UI's security context, which MockMvc clears, is kept. */
    private MockHttpServletResponse report(ShareDetails link) throws Exception {
        SecurityContext signedIn = SecurityContextHolder.getContext();
        try {
            return mvc.perform(post(link.path() + "/report").with(csrf()).param("reason", "OTHER")
                    .param("details", "Reported while the database hung")).andReturn().getResponse();
        } finally {
            SecurityContextHolder.setContext(signedIn);
        }
    }

    private static String path(ShareDetails link) {
        return link.path().substring(1);
    }

    private static void assertShowsDatabaseUnavailable() {
        assertThat(_get(Paragraph.class, spec -> spec.withId("database-unavailable-text")).getText())
                .isEqualTo(UnexpectedErrorView.DATABASE_UNAVAILABLE);
        assertThat(_get(H2.class).getText()).isEqualTo("This page cannot be shown right now");
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private interface VoidStep {
        void run() throws Exception;
    }

    /** Runs a step and prints how long it waited (not asserted: see the class comment). */
    private static <T> T timed(String what, Step<T> step) throws Exception {
        Instant start = Instant.now();
        try {
            return step.run();
        } finally {
            System.out.println("DatabaseStallTest: " + what + " answered after "
                    + Duration.between(start, Instant.now()).toMillis() + " ms while the database hung");
        }
    }

    private static void timedStep(String what, VoidStep step) throws Exception {
        timed(what, () -> {
            step.run();
            return null;
        });
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("the application answers again").isBefore(deadline);
            Thread.sleep(200);
        }
    }
}

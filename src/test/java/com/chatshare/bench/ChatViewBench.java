package com.chatshare.bench;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.chatshare.KaribuTest;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.ui.ChatView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.chatshare.conversations.ui.ChatMessages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.TestPropertySource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Server-side time to open the chat view: for a user with 5,000 conversations (chat list's first
 * page) and for a conversation of 1,000 messages. Run with bench/chat-view.sh; not part of the
 * test suite (tagged "bench"), and it asserts no timings.
 */
@Tag("bench")
// Seeding a million rows in one statement takes longer than the app's 4 s statement limit (application.yml).
@TestPropertySource(properties = "spring.datasource.hikari.data-source-properties.socketTimeout=0")
class ChatViewBench extends KaribuTest {

    static final int CONVERSATIONS = 5_000;
    static final int MESSAGES = 1_000;
    static final int WARMUP = 10;
    static final int RUNS = 50;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void open_chat_view() throws Exception {
        long userId = jdbc.queryForObject("select id from app_user where username = 'bob'", Long.class);
        long bigConversation = seed(userId);
        login("bob");

        List<String> report = new ArrayList<>();
        report.add(measure("chat view, 5,000 conversations (list's first page rendered)", () -> {
            UI.getCurrent().navigate(ChatView.class);
            @SuppressWarnings("unchecked")
            Grid<ConversationSummary> grid = _get(Grid.class, spec -> spec.withId("chat-list"));
            GridKt._fetch(grid, 0, 50);
        }));
        report.add(measure("chat view, open a 1,000-message conversation", () -> {
            UI.getCurrent().navigate(ChatView.class);
            UI.getCurrent().navigate("chat/" + bigConversation);
            // Since issue 24 the chat opens at its end: the most recent 50 messages.
            if (_get(ChatMessages.class).entries().size() != 50) {
                throw new IllegalStateException("expected the last 50 messages");
            }
        }));
        Path out = Path.of("target", "bench", "chat-view.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    private long seed(long userId) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            rows.add(new Object[] {userId, "Benchmark conversation " + i, now, now});
        }
        jdbc.batchUpdate("insert into conversation (owner_id, title, imported_from_share, created_at, updated_at) "
                + "values (?, ?, false, ?, ?)", rows);
        long big = jdbc.queryForObject("select max(id) from conversation where owner_id = ?", Long.class, userId);
        List<Object[]> messages = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String content = (i % 2 == 0 ? "Question " : "Answer with **Markdown** and `code` ") + i + " "
                    + "lorem ipsum ".repeat(20);
            messages.add(new Object[] {big, i, i % 2 == 0 ? "USER" : "ASSISTANT", content, now});
        }
        jdbc.batchUpdate("insert into message (conversation_id, position, role, content, status, created_at) "
                + "values (?, ?, ?, ?, 'COMPLETE', ?)", messages);
        // One path, as V21 makes of a chat (decision 0023): each message follows the one before.
        jdbc.update("update message m join message p on p.conversation_id = m.conversation_id "
                + "and p.position = m.position - 1 set m.parent_id = p.id where m.conversation_id = ?", big);
        jdbc.update("update conversation set current_leaf_id = (select max(id) from message where conversation_id = ?) "
                + "where id = ?", big, big);
        return big;
    }

    private static String measure(String name, Runnable action) {
        for (int i = 0; i < WARMUP; i++) {
            action.run();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            action.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "%-62s median %7.1f ms   p95 %7.1f ms   max %7.1f ms   (%d runs)",
                name, millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1], millis[RUNS - 1], RUNS);
    }
}

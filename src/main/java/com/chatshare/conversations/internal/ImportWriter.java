package com.chatshare.conversations.internal;

import com.chatshare.conversations.ImportedMessage;
import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes an imported chat's messages as a tree (decision 0023, 0028) in JDBC batches: parents
 * before their replies, so a reply's id is above its parent's as in a chat written here, and
 * versions (siblings) in the export's order. The caller's transaction makes it all or nothing.
 */
@Component
public class ImportWriter {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    ImportWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A message as written: its place in the tree (the index of its parent among the rows, its depth)
     * and the message already within the limits.
     */
    public record Row(ImportedMessage message, @Nullable Integer parent, int position) {
    }

    /**
     * The messages in the order they are written, each with the index of its parent in that order.
     * A message whose parent key is not in the chat is a first message; messages only reachable
     * through a cycle (a broken export) are left out.
     */
    public static List<Row> ordered(List<ImportedMessage> messages, UnaryOperator<ImportedMessage> fit) {
        Map<String, List<ImportedMessage>> children = new HashMap<>();
        Map<String, ImportedMessage> byKey = new HashMap<>();
        for (ImportedMessage m : messages) {
            byKey.putIfAbsent(m.key(), m);
        }
        List<ImportedMessage> roots = new ArrayList<>();
        for (ImportedMessage m : messages) {
            if (byKey.get(m.key()) != m) {
                continue; // a repeated key: the first one counts
            }
            if (m.parentKey() == null || !byKey.containsKey(m.parentKey()) || m.parentKey().equals(m.key())) {
                roots.add(m);
            } else {
                children.computeIfAbsent(m.parentKey(), k -> new ArrayList<>()).add(m);
            }
        }
        List<Row> rows = new ArrayList<>(messages.size());
        record Visit(ImportedMessage message, @Nullable Integer parent, int position) {
        }
        Deque<Visit> toVisit = new ArrayDeque<>();
        for (ImportedMessage root : roots.reversed()) {
            toVisit.push(new Visit(root, null, 0));
        }
        while (!toVisit.isEmpty()) {
            Visit visit = toVisit.pop();
            rows.add(new Row(fit.apply(visit.message()), visit.parent(), visit.position()));
            int index = rows.size() - 1;
            for (ImportedMessage child : children.getOrDefault(visit.message().key(), List.of()).reversed()) {
                toVisit.push(new Visit(child, index, visit.position() + 1));
            }
        }
        return rows;
    }

    /** Inserts the rows into the (new, empty) conversation; returns their ids, in the rows' order. */
    public List<Long> insert(long conversationId, List<Row> rows) {
        jdbc.batchUpdate("insert into message (conversation_id, position, role, content, status, created_at, "
                        + "from_share, model) values (?, ?, ?, ?, 'COMPLETE', ?, false, ?)",
                rows, BATCH, (statement, row) -> {
                    statement.setLong(1, conversationId);
                    statement.setInt(2, row.position());
                    statement.setString(3, row.message().role().name());
                    statement.setString(4, row.message().text());
                    statement.setTimestamp(5, Timestamp.from(row.message().createdAt()));
                    statement.setString(6, row.message().model());
                });
        // Auto-increment ids rise in the order of the inserts: the conversation is new, so its
        // messages by id are the rows in order.
        List<Long> ids = jdbc.queryForList("select id from message where conversation_id = ? order by id",
                Long.class, conversationId);
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("Wrote " + ids.size() + " messages of " + rows.size());
        }
        List<long[]> parents = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Integer parent = rows.get(i).parent();
            if (parent != null) {
                parents.add(new long[] {ids.get(parent), ids.get(i)});
            }
        }
        jdbc.batchUpdate("update message set parent_id = ? where id = ?", parents, BATCH, (statement, pair) -> {
            statement.setLong(1, pair[0]);
            statement.setLong(2, pair[1]);
        });
        return ids;
    }
}

package com.chatshare.conversations.internal;

import com.chatshare.conversations.ImportedMessage;
import java.sql.Timestamp;
import java.sql.Types;
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
 * Writes an imported chat's messages as a tree (decision 0023, 0028) in multi-row inserts: parents
 * before their replies, so a reply's id is above its parent's as in a chat written here, and
 * versions (siblings) in the export's order. The caller's transaction makes it all or nothing.
 */
@Component
public class ImportWriter {

    private static final int BATCH = 500;
    /** Up to 4 bytes a character in UTF-8: 8 MB of text at most in one insert. */
    private static final long CHUNK_CHARS = 2_000_000;

    private static final String INSERT = "insert into message (conversation_id, parent_id, position, role, content, "
            + "status, created_at, from_share, model) values ";
    private static final String VALUES = "(?, ?, ?, ?, ?, 'COMPLETE', ?, false, ?)";

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

    /**
     * Where the chunk that starts at {@code from} ends: at most {@link #BATCH} rows and, past its
     * first row, {@link #CHUNK_CHARS} characters, far inside MariaDB's packet limit (16 MB).
     */
    private static int chunkEnd(List<Row> rows, int from) {
        int to = from;
        long chars = 0;
        while (to < rows.size() && to - from < BATCH && (to == from || chars + rows.get(to).message().text().length()
                <= CHUNK_CHARS)) {
            chars += rows.get(to).message().text().length();
            to++;
        }
        return to;
    }

    /**
     * Inserts the rows into the (new, empty) conversation, each with its parent, and makes the row at
     * {@code leafIndex} the end of the path on screen; returns its id.
     */
    public long insert(long conversationId, List<Row> rows, int leafIndex) {
        // Each row first holds its parent's place among the rows as a negative parent_id (1-based), a
        // placeholder no message id can be (no foreign key on parent_id, decision 0023); one update
        // then turns places into ids. Auto-increment ids rise in the order of the inserts, and the
        // conversation is new: its messages by id are the rows in order.
        // One multi-row insert per chunk: a round trip per chunk, not per message.
        for (int from = 0, to; from < rows.size(); from = to) {
            to = chunkEnd(rows, from);
            List<Row> chunk = rows.subList(from, to);
            jdbc.update(INSERT + String.join(", ", java.util.Collections.nCopies(chunk.size(), VALUES)), statement -> {
                int i = 1;
                for (Row row : chunk) {
                    statement.setLong(i++, conversationId);
                    if (row.parent() == null) {
                        statement.setNull(i++, Types.BIGINT);
                    } else {
                        statement.setLong(i++, -(row.parent() + 1L));
                    }
                    statement.setInt(i++, row.position());
                    statement.setString(i++, row.message().role().name());
                    statement.setString(i++, row.message().text());
                    statement.setTimestamp(i++, Timestamp.from(row.message().createdAt()));
                    statement.setString(i++, row.message().model());
                }
            });
        }
        jdbc.update("update message m join (select id, row_number() over (order by id) as place from message "
                + "where conversation_id = ?) p on p.place = -m.parent_id set m.parent_id = p.id "
                + "where m.conversation_id = ? and m.parent_id < 0", conversationId, conversationId);
        List<Long> leaf = jdbc.queryForList("select id from message where conversation_id = ? order by id "
                + "limit 1 offset ?", Long.class, conversationId, leafIndex);
        if (leaf.isEmpty()) {
            throw new IllegalStateException("The imported chat's leaf is not among its " + rows.size() + " messages");
        }
        jdbc.update("update conversation set current_leaf_id = ? where id = ?", leaf.getFirst(), conversationId);
        return leaf.getFirst();
    }
}

package com.chatshare.conversations.internal;

import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.MessageStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes many messages in one JDBC batch: copying a long shared conversation is one round trip
 * per batch instead of one per message (JPA cannot batch inserts with identity keys).
 */
@Component
public class MessageBatchWriter {

    private final JdbcTemplate jdbc;

    MessageBatchWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The turns as one path of a new conversation, the last on screen.
     *
     * @param fromShare the turns are a shared chat's, copied by "Continue"
     */
    public void insert(long conversationId, List<ChatTurn> turns, Instant now, boolean fromShare) {
        Timestamp at = Timestamp.from(now);
        List<Numbered> numbered = java.util.stream.IntStream.range(0, turns.size())
                .mapToObj(i -> new Numbered(i, turns.get(i))).toList();
        jdbc.batchUpdate("insert into message (conversation_id, position, role, content, status, created_at, "
                        + "from_share) values (?, ?, ?, ?, ?, ?, ?)",
                numbered, 500, (statement, row) -> {
                    statement.setLong(1, conversationId);
                    statement.setInt(2, row.position());
                    statement.setString(3, row.turn().role().name());
                    statement.setString(4, row.turn().content());
                    statement.setString(5, MessageStatus.COMPLETE.name());
                    statement.setTimestamp(6, at);
                    statement.setBoolean(7, fromShare);
                });
        // One path (decision 0023): each message follows the one before it, and the last is on screen.
        jdbc.update("update message m join message p on p.conversation_id = m.conversation_id "
                + "and p.position = m.position - 1 set m.parent_id = p.id where m.conversation_id = ?", conversationId);
        jdbc.update("update conversation c set c.current_leaf_id = (select max(m.id) from message m "
                + "where m.conversation_id = c.id and m.position = (select max(l.position) from message l "
                + "where l.conversation_id = c.id)) where c.id = ?", conversationId);
    }

    private record Numbered(int position, ChatTurn turn) {
    }
}

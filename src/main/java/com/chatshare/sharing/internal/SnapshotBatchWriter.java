package com.chatshare.sharing.internal;

import com.chatshare.conversations.ChatMessage;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Copies a conversation's messages into a snapshot in JDBC batches. */
@Component
public class SnapshotBatchWriter {

    private final JdbcTemplate jdbc;

    SnapshotBatchWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long shareLinkId, List<ChatMessage> messages) {
        List<Numbered> rows = java.util.stream.IntStream.range(0, messages.size())
                .mapToObj(i -> new Numbered(i, messages.get(i))).toList();
        jdbc.batchUpdate("insert into snapshot_message (share_link_id, position, role, content) values (?, ?, ?, ?)",
                rows, 500, (statement, row) -> {
                    statement.setLong(1, shareLinkId);
                    statement.setInt(2, row.position());
                    statement.setString(3, row.message().role().name());
                    statement.setString(4, row.message().content());
                });
    }

    private record Numbered(int position, ChatMessage message) {
    }
}

package com.chatshare.sharing.internal;

import com.chatshare.conversations.ChatMessage;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Copies a conversation's messages into a snapshot in JDBC batches. */
@Component
public class SnapshotBatchWriter {

    /**
     * One message of a snapshot and how many of the conversation's messages the owner left out
     * just before it.
     */
    public record Row(ChatMessage message, int omittedBefore) {
    }

    private final JdbcTemplate jdbc;

    SnapshotBatchWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the rows at positions 0, 1, 2… in their order. */
    public void insert(long shareLinkId, List<Row> rows) {
        List<Numbered> numbered = java.util.stream.IntStream.range(0, rows.size())
                .mapToObj(i -> new Numbered(i, rows.get(i))).toList();
        jdbc.batchUpdate("insert into snapshot_message (share_link_id, position, role, content, omitted_before, model) "
                        + "values (?, ?, ?, ?, ?, ?)",
                numbered, 500, (statement, row) -> {
                    statement.setLong(1, shareLinkId);
                    statement.setInt(2, row.position());
                    statement.setString(3, row.row().message().role().name());
                    statement.setString(4, row.row().message().content());
                    statement.setInt(5, row.row().omittedBefore());
                    statement.setString(6, row.row().message().model());
                });
    }

    private record Numbered(int position, Row row) {
    }
}

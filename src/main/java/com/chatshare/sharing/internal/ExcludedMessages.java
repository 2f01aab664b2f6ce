package com.chatshare.sharing.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The messages an owner left out of a link's snapshot ({@code share_link_excluded_message}):
 * conversation message ids, kept by sharing without a foreign key into conversations' table, so
 * that every Update of the link leaves them out again. The rows go with their link.
 */
@Component
public class ExcludedMessages {

    private final JdbcTemplate jdbc;

    ExcludedMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The message ids left out of a link's snapshot. */
    public Set<Long> of(long shareId) {
        return new HashSet<>(jdbc.queryForList(
                "select e.message_id from share_link_excluded_message e where e.share_link_id = ?", Long.class,
                shareId));
    }

    /** Makes these the messages left out of the link, and no others. */
    public void replace(long shareId, Collection<Long> messageIds) {
        jdbc.update("delete from share_link_excluded_message where share_link_id = ?", shareId);
        if (!messageIds.isEmpty()) {
            jdbc.batchUpdate("insert into share_link_excluded_message (share_link_id, message_id) values (?, ?)",
                    messageIds.stream().distinct().map(id -> new Object[] {shareId, id}).toList());
        }
    }
}

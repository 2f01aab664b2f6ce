package com.chatshare.moderation.internal;

import com.chatshare.moderation.OwnerNotice;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** What moderation told owners about their links (owner_notice). */
@Component
public class Notices {

    private static final RowMapper<OwnerNotice> ROW = (rs, n) -> new OwnerNotice(rs.getLong("id"),
            rs.getLong("share_link_id"), OwnerNotice.Kind.valueOf(rs.getString("kind")), rs.getString("link_title"),
            rs.getString("message"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null);

    private final JdbcTemplate jdbc;

    Notices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long recipientId, long shareId, OwnerNotice.Kind kind, String title, String message, Instant at) {
        jdbc.update("insert into owner_notice (recipient_id, share_link_id, kind, link_title, message, created_at) "
                + "values (?, ?, ?, ?, ?, ?)", recipientId, shareId, kind.name(), title, message, Timestamp.from(at));
    }

    public List<OwnerNotice> of(long recipientId, int offset, int limit) {
        return jdbc.query("select id, share_link_id, kind, link_title, message, created_at, read_at from owner_notice "
                + "where recipient_id = ? order by created_at desc, id desc limit ? offset ?", ROW, recipientId, limit,
                offset);
    }

    public int countUnread(long recipientId) {
        return jdbc.queryForObject("select count(*) from owner_notice where recipient_id = ? and read_at is null",
                Integer.class, recipientId);
    }

    public int markAllRead(long recipientId, Instant at) {
        return jdbc.update("update owner_notice set read_at = ? where recipient_id = ? and read_at is null",
                Timestamp.from(at), recipientId);
    }

    public int deleteOf(Collection<Long> shareIds) {
        if (shareIds.isEmpty()) {
            return 0;
        }
        return jdbc.update("delete from owner_notice where share_link_id in ("
                + String.join(",", Collections.nCopies(shareIds.size(), "?")) + ")", shareIds.toArray());
    }
}

package com.chatshare.moderation.internal;

import com.chatshare.moderation.OwnerNotice;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** What moderation told owners about their links (owner_notice). */
@Component
public class Notices {

    private static final RowMapper<OwnerNotice> ROW = (rs, n) -> new OwnerNotice(rs.getLong("id"),
            rs.getObject("share_link_id", Long.class), OwnerNotice.Kind.valueOf(rs.getString("kind")), rs.getString("link_title"),
            rs.getString("message"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    Notices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public void insert(long recipientId, long shareId, OwnerNotice.Kind kind, String title, String message, Instant at) {
        jdbc.update("insert into owner_notice (recipient_id, share_link_id, kind, link_title, message, created_at) "
                + "values (?, ?, ?, ?, ?, ?)", recipientId, shareId, kind.name(), title, message, Timestamp.from(at));
    }

    /** One notice per recipient about no single link, in one batch: what a sharing-policy change did. */
    public void insertAboutLinks(Map<Long, String> messageByRecipient, OwnerNotice.Kind kind, Instant at) {
        List<Object[]> rows = messageByRecipient.entrySet().stream()
                .map(e -> new Object[] {e.getKey(), kind.name(), e.getValue(), Timestamp.from(at)})
                .toList();
        jdbc.batchUpdate("insert into owner_notice (recipient_id, kind, message, created_at) values (?, ?, ?, ?)", rows);
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

    /** Marks these notices of the recipient's read; others' ids are left alone. */
    public int markRead(long recipientId, Collection<Long> noticeIds, Instant at) {
        if (noticeIds.isEmpty()) {
            return 0;
        }
        return named.update("update owner_notice set read_at = :at where recipient_id = :recipient "
                + "and read_at is null and id in (:ids)", new MapSqlParameterSource("at", Timestamp.from(at))
                .addValue("recipient", recipientId).addValue("ids", noticeIds));
    }

    public int deleteOf(Collection<Long> shareIds) {
        if (shareIds.isEmpty()) {
            return 0;
        }
        return named.update("delete from owner_notice where share_link_id in (:ids)",
                new MapSqlParameterSource("ids", shareIds));
    }
}

package com.chatshare.moderation.internal;

import com.chatshare.moderation.ModerationDetail;
import com.chatshare.moderation.ReportReason;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Viewers' reports (abuse_report), moderation's own table. */
@Component
public class Reports {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    Reports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public long insert(long shareId, ReportReason reason, String details, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into abuse_report (share_link_id, reason, details, "
                    + "status, created_at) values (?, ?, ?, 'OPEN', ?)", new String[] {"id"});
            statement.setLong(1, shareId);
            statement.setString(2, reason.name());
            statement.setString(3, details);
            statement.setTimestamp(4, Timestamp.from(at));
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    public List<ModerationDetail.Report> of(long shareId) {
        return jdbc.query("select id, reason, details, status, created_at "
                        + "from abuse_report where share_link_id = ? order by created_at desc, id desc",
                (rs, n) -> new ModerationDetail.Report(rs.getLong(1), ReportReason.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()), shareId);
    }

    /** Closes the open reports of these links as actioned (taken down) or dismissed. @return how many */
    public int resolve(Collection<Long> shareIds, String status, Instant at) {
        if (shareIds.isEmpty()) {
            return 0;
        }
        return named.update("update abuse_report set status = :status, resolved_at = :at "
                + "where status = 'OPEN' and share_link_id in (:ids)", new MapSqlParameterSource("status", status)
                .addValue("at", Timestamp.from(at)).addValue("ids", shareIds));
    }

    /**
     * Links above {@code afterId} that have a report, review request or notice created before the
     * cutoff, in id order, at most {@code limit}: one page of a walk over all of them.
     */
    public List<Long> linksWithRecordsBefore(Instant cutoff, long afterId, int limit) {
        Timestamp before = Timestamp.from(cutoff);
        return jdbc.queryForList("select share_link_id from ("
                + "select share_link_id from abuse_report where created_at < ? and share_link_id > ? "
                + "union select share_link_id from review_request where created_at < ? and share_link_id > ? "
                + "union select share_link_id from owner_notice where created_at < ? and share_link_id > ?"
                + ") r order by share_link_id limit ?", Long.class, before, afterId, before, afterId, before, afterId,
                limit);
    }

    public int deleteOf(Collection<Long> shareIds) {
        if (shareIds.isEmpty()) {
            return 0;
        }
        return named.update("delete from abuse_report where share_link_id in (:ids)",
                new MapSqlParameterSource("ids", shareIds));
    }
}

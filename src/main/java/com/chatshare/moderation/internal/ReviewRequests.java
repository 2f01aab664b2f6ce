package com.chatshare.moderation.internal;

import com.chatshare.moderation.ReviewRequest;
import com.chatshare.moderation.ReviewRequest.Status;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Owners' requests for a review of a takedown (review_request), one per takedown. */
@Component
public class ReviewRequests {

    private static final String COLUMNS = "id, share_link_id, takedown_at, requester_id, explanation, status, "
            + "created_at, decided_at, decided_by, decision_note";

    private static final RowMapper<ReviewRequest> ROW = (rs, n) -> new ReviewRequest(rs.getLong("id"),
            rs.getLong("share_link_id"), rs.getTimestamp("takedown_at").toInstant(), rs.getLong("requester_id"),
            rs.getString("explanation"), Status.valueOf(rs.getString("status")),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
            rs.getObject("decided_by", Long.class), rs.getString("decision_note"));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ReviewRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when this takedown already has a request */
    public long insert(long shareId, Instant takedownAt, long requesterId, String explanation, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into review_request (share_link_id, takedown_at, "
                    + "requester_id, explanation, status, created_at) values (?, ?, ?, ?, 'OPEN', ?)", new String[] {"id"});
            statement.setLong(1, shareId);
            statement.setTimestamp(2, Timestamp.from(takedownAt));
            statement.setLong(3, requesterId);
            statement.setString(4, explanation);
            statement.setTimestamp(5, Timestamp.from(now));
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    public Optional<ReviewRequest> find(long id) {
        return jdbc.query("select " + COLUMNS + " from review_request where id = ?", ROW, id).stream().findFirst();
    }

    public Optional<ReviewRequest> ofTakedown(long shareId, Instant takedownAt) {
        return jdbc.query("select " + COLUMNS + " from review_request where share_link_id = ? and takedown_at = ?",
                ROW, shareId, Timestamp.from(takedownAt)).stream().findFirst();
    }

    public List<ReviewRequest> of(long shareId) {
        return jdbc.query("select " + COLUMNS + " from review_request where share_link_id = ? order by created_at desc",
                ROW, shareId);
    }

    /** The links with an open request, oldest request first, at most {@code limit}. */
    public List<Long> openLinks(int limit) {
        return jdbc.queryForList("select share_link_id from review_request where status = 'OPEN' "
                + "order by created_at, id limit ?", Long.class, limit);
    }

    /** Which of these links have an open request. */
    public java.util.Set<Long> openAmong(Collection<Long> shareIds) {
        if (shareIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(named.queryForList("select share_link_id from review_request "
                + "where status = 'OPEN' and share_link_id in (:ids)", new MapSqlParameterSource("ids", shareIds),
                Long.class));
    }

    /** Decides an open request. @return false when it was no longer open (decided meanwhile) */
    public boolean decide(long id, Status status, long moderatorId, String note, Instant now) {
        return jdbc.update("update review_request set status = ?, decided_by = ?, decision_note = ?, decided_at = ? "
                + "where id = ? and status = 'OPEN'", status.name(), moderatorId, note, Timestamp.from(now), id) == 1;
    }

    /** Closes the open request of a link reinstated without a decision on it. */
    public int closeOpen(long shareId, long moderatorId, String note, Instant now) {
        return jdbc.update("update review_request set status = 'CLOSED', decided_by = ?, decision_note = ?, "
                + "decided_at = ? where share_link_id = ? and status = 'OPEN'", moderatorId, note, Timestamp.from(now),
                shareId);
    }

    public int deleteOf(Collection<Long> shareIds) {
        if (shareIds.isEmpty()) {
            return 0;
        }
        return named.update("delete from review_request where share_link_id in (:ids)",
                new MapSqlParameterSource("ids", shareIds));
    }
}

package com.chatshare.sharing.internal;

import com.chatshare.sharing.ModeratedLink;
import com.chatshare.sharing.ModeratedLinkQuery;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareStatus;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.ShareVisibility;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Moderation's SQL on share_link: the queue's pages (one query per page, each order on its index,
 * titles searched through {@link TitleSearch}) and a link's detail, where links for specific people
 * nobody reported are not there for moderators ({@link #VISIBLE_TO_MODERATORS}); and, for every
 * link, which ones still exist (for moderation's retention job) and the deletes that end a
 * takedown of a link its owner removed (at reinstatement, or after the retention:
 * {@link TakedownRetention}).
 */
@Component
public class ModeratedLinks {

    private static final String COLUMNS = """
            s.id, s.token, s.title, s.owner_id, s.status, s.visibility, s.shared_by_name, s.open_reports,
            s.last_report_at, s.created_at, s.view_count, s.takedown_reason, s.taken_down_by, s.taken_down_at,
            s.removed_by_owner_at, s.owner_active, s.audience""";

    /**
     * What moderators may see: every link but those for specific people that none of their readers
     * reported ({@code last_report_at} is set by the first report and never cleared). Part of the
     * queue's reads (title search included) and the detail's, and written again in JPQL in
     * {@link ShareLinkRepository#takeDown}, so the queue, the detail and a takedown by id agree.
     */
    static final String VISIBLE_TO_MODERATORS = "(s.audience <> 'PEOPLE' or s.last_report_at is not null)";

    private static final RowMapper<ModeratedLink> ROW = (rs, n) -> new ModeratedLink(rs.getLong("id"),
            ShareToken.pathOf(rs.getString("token")), rs.getString("title"), rs.getLong("owner_id"),
            ShareStatus.valueOf(rs.getString("status")), ShareVisibility.valueOf(rs.getString("visibility")),
            rs.getString("shared_by_name"), rs.getInt("open_reports"), instant(rs.getTimestamp("last_report_at")),
            instant(rs.getTimestamp("created_at")), rs.getLong("view_count"), rs.getString("takedown_reason"),
            rs.getObject("taken_down_by", Long.class), instant(rs.getTimestamp("taken_down_at")),
            instant(rs.getTimestamp("removed_by_owner_at")), rs.getBoolean("owner_active"),
            ShareAudience.valueOf(rs.getString("audience")));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ModeratedLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public List<ModeratedLink> page(ModeratedLinkQuery query, int offset, int limit) {
        if (query.onlyIds() != null && query.onlyIds().isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("where " + VISIBLE_TO_MODERATORS);
        if (query.status() != null) {
            where.append(" and s.status = ?");
            args.add(query.status().name());
        }
        if (query.withOpenReports()) {
            where.append(" and s.open_reports > 0");
        }
        if (query.token() != null) {
            where.append(" and s.token = ?");
            args.add(query.token().value());
        }
        if (query.ownerId() != null) {
            where.append(" and s.owner_id = ?");
            args.add(query.ownerId());
        }
        if (query.sharedFrom() != null) {
            where.append(" and s.created_at >= ?");
            args.add(Timestamp.from(query.sharedFrom()));
        }
        if (query.sharedBefore() != null) {
            where.append(" and s.created_at < ?");
            args.add(Timestamp.from(query.sharedBefore()));
        }
        if (query.onlyIds() != null) {
            where.append(" and s.id in (").append(String.join(",", Collections.nCopies(query.onlyIds().size(), "?")))
                    .append(")");
            args.addAll(query.onlyIds());
        }
        String order = switch (query.sort()) {
            case OPEN_REPORTS -> "s.open_reports desc, s.last_report_at desc";
            case LAST_REPORT -> "s.last_report_at desc";
            case CREATED -> "s.created_at desc";
            case VIEWS -> "s.view_count desc";
        };
        return TitleSearch.of(query.titleSearch())
                .find(jdbc, COLUMNS, where.toString(), args, order + ", s.id desc", offset, limit, ROW);
    }

    public Optional<ModeratedLink> find(long shareId) {
        return jdbc.query("select " + COLUMNS + " from share_link s where s.id = ? and " + VISIBLE_TO_MODERATORS, ROW,
                shareId).stream().findFirst();
    }

    /** Which of these links still exist. */
    public Set<Long> existing(Collection<Long> shareIds) {
        if (shareIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList("select id from share_link where id in (:ids)",
                new MapSqlParameterSource("ids", shareIds), Long.class));
    }

    /**
     * Deletes for good the taken-down links their owners removed before {@code cutoff}, at most
     * {@code limit} of them. @return their ids
     */
    public List<Long> purgeRemovedBefore(Instant cutoff, int limit) {
        // Locked until the transaction ends: an owner's review request cannot bring one of them back
        // between this read and the delete (it waits, then finds the link gone).
        List<Long> ids = jdbc.queryForList("select id from share_link where removed_by_owner_at < ? order by id "
                + "limit ? for update", Long.class, Timestamp.from(cutoff), limit);
        if (!ids.isEmpty()) {
            named.update("delete from share_link where id in (:ids)", new MapSqlParameterSource("ids", ids));
        }
        return ids;
    }

    /** A reinstated link whose owner had removed it: the owner's delete takes effect now. */
    public boolean deleteIfRemovedByOwner(long shareId) {
        return jdbc.update("delete from share_link where id = ? and removed_by_owner_at is not null", shareId) == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

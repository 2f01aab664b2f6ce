package com.chatshare.sharing.internal;

import com.chatshare.sharing.ModeratedLink;
import com.chatshare.sharing.ModeratedLinkQuery;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareStatus;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.internal.TitleSearch.Column;
import com.chatshare.sharing.internal.TitleSearch.ModerationQueue;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Moderation's reads and deletes of share_link: the queue's pages (one query per page, each order
 * on its index) and a link's detail, both through {@link TitleSearch}, where links for specific
 * people nobody reported are not there for moderators ({@link TitleSearch#VISIBLE_TO_MODERATORS});
 * and, for every link, which ones still exist (for moderation's retention job) and the deletes
 * that end a takedown of a link its owner removed (at reinstatement, or after the retention:
 * {@link TakedownPurge}, on moderation's schedule).
 */
@Component
public class ModeratedLinks {

    /** What {@link #ROW} reads. */
    private static final List<Column> COLUMNS = List.of(Column.ID, Column.TOKEN, Column.TITLE, Column.OWNER_ID,
            Column.STATUS, Column.VISIBILITY, Column.SHARED_BY_NAME, Column.OPEN_REPORTS, Column.LAST_REPORT_AT,
            Column.CREATED_AT, Column.VIEW_COUNT, Column.TAKEDOWN_REASON, Column.TAKEN_DOWN_BY, Column.TAKEN_DOWN_AT,
            Column.REMOVED_BY_OWNER_AT, Column.OWNER_ACTIVE, Column.AUDIENCE);

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
        return TitleSearch.of(query.titleSearch()).find(jdbc, new ModerationQueue(query), COLUMNS, offset, limit, ROW);
    }

    /** A link's detail, if moderators may see it. */
    public Optional<ModeratedLink> find(long shareId) {
        ModeratedLinkQuery oneLink = new ModeratedLinkQuery(null, false, "", null, null, null, null, Set.of(shareId),
                ModeratedLinkQuery.Sort.CREATED);
        return TitleSearch.of("").find(jdbc, new ModerationQueue(oneLink), COLUMNS, 0, 1, ROW).stream().findFirst();
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

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

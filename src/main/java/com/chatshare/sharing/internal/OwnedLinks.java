package com.chatshare.sharing.internal;

import com.chatshare.sharing.LinkHead;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareQuery;
import com.chatshare.sharing.ShareStatus;
import com.chatshare.sharing.ShareSummary;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.internal.TitleSearch.Column;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Set-based reads and deletes of one owner's links, for the data controls: one page of rows at a
 * time, and two statements per bulk delete. An owner's delete removes an active link for good
 * (its snapshot goes with it by foreign key) but only marks a taken-down one removed: it leaves
 * the owner's list and stays, with its snapshot, for moderators until the retention ends.
 */
@Component
public class OwnedLinks {

    /** A row of the grid before the conversation's new messages are counted. */
    public record OwnedLink(ShareSummary summary, int sourceLastPosition) {
    }

    private static RowMapper<OwnedLink> rows(Instant now) {
        return (rs, n) -> {
            ShareAudience audience = ShareAudience.valueOf(rs.getString("audience"));
            Timestamp expires = rs.getTimestamp("expires_at");
            Instant expiresAt = expires == null ? null : expires.toInstant();
            return new OwnedLink(new ShareSummary(
                    rs.getLong("id"), rs.getLong("conversation_id"), ShareToken.pathOf(rs.getString("token"), audience),
                    rs.getString("title"), rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("updated_at").toInstant(), rs.getLong("view_count"),
                    ShareVisibility.valueOf(rs.getString("visibility")), ShareStatus.valueOf(rs.getString("status")),
                    rs.getString("takedown_reason"), 0, audience, expiresAt,
                    LinkHead.isExpired(expiresAt, now)),
                    rs.getInt("source_last_position"));
        };
    }

    /** What {@link #rows} reads. */
    private static final List<Column> COLUMNS = List.of(Column.ID, Column.CONVERSATION_ID, Column.TOKEN,
            Column.TITLE, Column.CREATED_AT, Column.UPDATED_AT, Column.VIEW_COUNT, Column.VISIBILITY, Column.STATUS,
            Column.TAKEDOWN_REASON, Column.SOURCE_LAST_POSITION, Column.AUDIENCE, Column.EXPIRES_AT);

    private static final String LISTED = "s.owner_id = :owner and s.removed_by_owner_at is null";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final RevocationFeed feed;

    OwnedLinks(JdbcTemplate jdbc, RevocationFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** One page of the owner's listed links matching the query; {@code now} says which have expired. */
    public List<OwnedLink> page(long ownerId, ShareQuery query, int offset, int limit, Instant now) {
        return TitleSearch.of(query.search()).find(jdbc, new TitleSearch.OwnersList(ownerId, query, now), COLUMNS,
                offset, limit, rows(now));
    }

    /**
     * Sets the audience of some of the owner's listed links in one statement, and revokes them in
     * the same transaction. @return how many links changed
     */
    public int setAudience(long ownerId, Collection<Long> shareIds, ShareAudience audience) {
        MapSqlParameterSource params = new MapSqlParameterSource("owner", ownerId).addValue("ids", shareIds)
                .addValue("audience", audience.name());
        int changed = named.update("update share_link s set s.audience = :audience where " + LISTED
                + " and s.id in (:ids)", params);
        feed.revokeTokens(lockTokens(LISTED + " and s.id in (:ids)", params));
        return changed;
    }

    /**
     * Sets the expiry of some of the owner's listed links in one statement (null: never), and
     * revokes them in the same transaction. @return how many links changed
     */
    public int setExpiry(long ownerId, Collection<Long> shareIds, @Nullable Instant expiresAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("owner", ownerId).addValue("ids", shareIds)
                .addValue("expires", expiresAt == null ? null : Timestamp.from(expiresAt), java.sql.Types.TIMESTAMP);
        int changed = named.update("update share_link s set s.expires_at = :expires where " + LISTED
                + " and s.id in (:ids)", params);
        feed.revokeTokens(lockTokens(LISTED + " and s.id in (:ids)", params));
        return changed;
    }

    public int count(long ownerId) {
        return named.queryForObject("select count(*) from share_link s where " + LISTED,
                new MapSqlParameterSource("owner", ownerId), Integer.class);
    }

    /** How many of these ids are the owner's listed links; the caller refuses the lot if not all are. */
    public int countOwned(long ownerId, Collection<Long> shareIds) {
        return named.queryForObject("select count(*) from share_link s where " + LISTED + " and s.id in (:ids)",
                new MapSqlParameterSource("owner", ownerId).addValue("ids", shareIds), Integer.class);
    }

    /** The owner's delete of some links. @return how many left the owner's list */
    public int delete(long ownerId, Collection<Long> shareIds, Instant now) {
        return remove(LISTED + " and s.id in (:ids)",
                new MapSqlParameterSource("owner", ownerId).addValue("ids", shareIds).addValue("withChat", false), now);
    }

    /** The owner's delete of all their links ({@code withChats}: their chats or account went too). */
    public int deleteAll(long ownerId, boolean withChats, Instant now) {
        return remove(LISTED, new MapSqlParameterSource("owner", ownerId).addValue("withChat", withChats), now);
    }

    /** The link of a conversation its owner deleted. */
    public int deleteOfConversation(long ownerId, long conversationId, Instant now) {
        return remove(LISTED + " and s.conversation_id = :conversation", new MapSqlParameterSource("owner", ownerId)
                .addValue("conversation", conversationId).addValue("withChat", true), now);
    }

    /** Puts a taken-down link its owner removed back into their list, unless its chat is gone. */
    public void restoreRemoved(long ownerId, long shareId) {
        named.update("update share_link s set s.removed_by_owner_at = null where s.owner_id = :owner and s.id = :id "
                + "and not s.removed_with_chat", new MapSqlParameterSource("owner", ownerId).addValue("id", shareId));
    }

    private int remove(String where, MapSqlParameterSource params, Instant now) {
        // Active ones for good; taken-down ones leave the owner's list only. The rows are locked
        // first, so a takedown committed meanwhile waits and never sees a row this delete already
        // removed; and the feed rows are written last, when every lock is held, a moment before
        // the commit (a row written first and committed late used to fall out of the readers' window).
        List<String> tokens = lockTokens(where, params);
        int deleted = named.update("delete s from share_link s where " + where + " and s.status = 'ACTIVE'", params);
        int removed = named.update("update share_link s set s.removed_by_owner_at = :now, "
                + "s.removed_with_chat = :withChat where " + where + " and s.status = 'TAKEN_DOWN'",
                params.addValue("now", Timestamp.from(now)));
        feed.revokeTokens(tokens);
        return deleted + removed;
    }

    /**
     * Locks the links matching a condition of this class's own and returns their tokens, for the
     * revocation feed: the feed rows are then written when every lock is held.
     */
    private List<String> lockTokens(String where, MapSqlParameterSource params) {
        return named.queryForList("select s.token from share_link s where " + where + " for update", params,
                String.class);
    }
}

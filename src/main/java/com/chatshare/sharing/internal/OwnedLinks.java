package com.chatshare.sharing.internal;

import com.chatshare.sharing.ShareQuery;
import com.chatshare.sharing.ShareStatus;
import com.chatshare.sharing.ShareSummary;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.TitleSearch;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Set-based reads and deletes of one owner's links, for the data controls: one page of rows at a
 * time, and one statement per bulk delete (snapshots go with their links by foreign key).
 */
@Component
public class OwnedLinks {

    private static final RowMapper<ShareSummary> ROW = (rs, n) -> new ShareSummary(
            rs.getLong("id"), rs.getLong("conversation_id"), "/share/" + rs.getString("token"), rs.getString("title"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
            rs.getLong("view_count"), ShareVisibility.valueOf(rs.getString("visibility")),
            ShareStatus.valueOf(rs.getString("status")), rs.getString("takedown_reason"), rs.getInt("new_messages"));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    OwnedLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public List<ShareSummary> page(long ownerId, ShareQuery query, int offset, int limit) {
        String order = switch (query.sort()) {
            case TITLE -> "s.title";
            case CREATED -> "s.created_at";
            case VIEWS -> "s.view_count";
        } + (query.descending() ? " desc" : " asc") + ", s.id" + (query.descending() ? " desc" : " asc");
        return TitleSearch.of(query.search()).find(jdbc, """
                s.id, s.conversation_id, s.token, s.title, s.created_at, s.updated_at, s.view_count,
                s.visibility, s.status, s.takedown_reason,
                (select count(*) from message m where m.conversation_id = s.conversation_id
                   and m.position > s.source_last_position and m.status in ('COMPLETE', 'STOPPED')
                   and m.content <> '') as new_messages""",
                "where s.owner_id = ?", List.of(ownerId), order, offset, limit, ROW);
    }

    public int count(long ownerId) {
        return jdbc.queryForObject("select count(*) from share_link where owner_id = ?", Integer.class, ownerId);
    }

    /** How many of these ids are the owner's; the caller refuses the lot if not all are. */
    public int countOwned(long ownerId, Collection<Long> shareIds) {
        return named.queryForObject("select count(*) from share_link where owner_id = :owner and id in (:ids)",
                new MapSqlParameterSource("owner", ownerId).addValue("ids", shareIds), Integer.class);
    }

    public int delete(long ownerId, Collection<Long> shareIds) {
        return named.update("delete from share_link where owner_id = :owner and id in (:ids)",
                new MapSqlParameterSource("owner", ownerId).addValue("ids", shareIds));
    }

    public int deleteAll(long ownerId) {
        return jdbc.update("delete from share_link where owner_id = ?", ownerId);
    }

}

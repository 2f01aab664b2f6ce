package com.chatshare.sharing.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The people a {@link com.chatshare.sharing.ShareAudience#PEOPLE} link is shared with
 * ({@code share_link_member}): account ids, kept by sharing without a foreign key into accounts'
 * table. The rows go with their link (foreign key) and with their account (an event).
 */
@Component
public class LinkMembers {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    LinkMembers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The account ids a link is shared with, in no particular order. */
    public List<Long> of(long shareId) {
        return jdbc.queryForList("select m.account_id from share_link_member m where m.share_link_id = ?", Long.class,
                shareId);
    }

    public boolean isMember(long shareId, long accountId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from share_link_member m "
                + "where m.share_link_id = ? and m.account_id = ?)", Boolean.class, shareId, accountId));
    }

    /** Makes these accounts the link's people, and no others. */
    public void replace(long shareId, Collection<Long> accountIds) {
        jdbc.update("delete from share_link_member where share_link_id = ?", shareId);
        if (!accountIds.isEmpty()) {
            jdbc.batchUpdate("insert into share_link_member (share_link_id, account_id) values (?, ?)",
                    accountIds.stream().map(id -> new Object[] {shareId, id}).toList());
        }
    }

    /** Forgets the people of these links (their audience is no longer a list). */
    public void clear(Collection<Long> shareIds) {
        if (!shareIds.isEmpty()) {
            named.update("delete from share_link_member where share_link_id in (:ids)",
                    new MapSqlParameterSource("ids", shareIds));
        }
    }

    /** A deleted account is nobody's audience any more. */
    public void forgetAccount(long accountId) {
        jdbc.update("delete from share_link_member where account_id = ?", accountId);
    }
}

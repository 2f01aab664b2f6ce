package com.chatshare.sharing.internal;

import com.chatshare.sharing.LinkHead;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareStatus;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The public page's head lookups: many tokens in one statement, on a connection of its own with a
 * short timeout, outside any transaction.
 */
@Component
public class PublicHeads {

    /** A lookup gives up after this long, so the thread that runs it is free again soon after the database answers again. */
    public static final Duration TIMEOUT = Duration.ofSeconds(4);

    private final JdbcTemplate jdbc;

    PublicHeads(JdbcTemplate jdbc) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setQueryTimeout((int) TIMEOUT.toSeconds());
    }

    /**
     * The heads of the links with these tokens that answer at all: the owner's account enabled
     * and not removed by the owner (as {@link ShareLink#isPresent()}); any status, audience and expiry.
     */
    public Map<String, LinkHead> read(Set<String> tokens) {
        Map<String, LinkHead> found = new HashMap<>();
        jdbc.query("select s.token, s.id, s.status, s.snapshot_version, s.audience, s.expires_at, s.preview_card "
                        + "from share_link s where s.owner_active and s.removed_by_owner_at is null and s.token in ("
                        + String.join(",", Collections.nCopies(tokens.size(), "?")) + ")",
                (RowCallbackHandler) rs -> {
                    Timestamp expires = rs.getTimestamp(6);
                    ShareAudience audience = ShareAudience.valueOf(rs.getString(5));
                    // As ShareLink.hasPreviewCard: only a link for anyone carries its card.
                    found.put(rs.getString(1), new LinkHead(rs.getLong(2), ShareStatus.valueOf(rs.getString(3)),
                            rs.getInt(4), audience, expires == null ? null : expires.toInstant(),
                            rs.getBoolean(7) && audience == ShareAudience.ANYONE));
                },
                tokens.toArray());
        return found;
    }
}

package com.chatshare.sharing.internal;

import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.SharingPolicy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A new sharing policy applied to the links that exist, set-based: public links become signed-in
 * only when public links are turned off, and expiries past the maximum are brought down to it
 * from now (so are links that never expire, where the policy also requires an expiry; without a
 * maximum there is nothing to bring them down to, and they are left as they are).
 * Both in the policy change's transaction, with one revocation-feed row that makes every node
 * forget what it remembers ({@link RevocationFeed#revokeAll}), so no node serves a link publicly that
 * the new policy forbids.
 */
@Component
public class PolicyLinks {

    /** How many titles a notice names per kind of change; the rest are counted. */
    public static final int TITLES_NAMED = 3;

    /** What the change did to one owner's listed links (titles: the most recently updated first, at most {@link #TITLES_NAMED}). */
    public record OwnerLinks(long ownerId, int madeSignedIn, List<String> signedInTitles, int shortened,
            List<String> shortenedTitles) {
    }

    /**
     * What the change did: how many links (listed or not, any status) changed, and per owner of a
     * listed link what happened to it. {@code cappedAt} is the new latest expiry, or null.
     */
    public record Applied(int madeSignedIn, int shortened, Instant cappedAt, List<OwnerLinks> owners) {

        public static final Applied NOTHING = new Applied(0, 0, null, List.of());
    }

    private static final String PUBLIC = "s.audience = 'ANYONE'";
    private static final String PAST_CAP = "s.expires_at > :cap";
    private static final String PAST_CAP_OR_NEVER = "(s.expires_at is null or s.expires_at > :cap)";

    private final NamedParameterJdbcTemplate named;
    private final RevocationFeed feed;

    PolicyLinks(JdbcTemplate jdbc, RevocationFeed feed) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.feed = feed;
    }

    /** Applies {@code policy} to every existing link, in the caller's transaction; {@code now} for the cap. */
    public Applied apply(SharingPolicy policy, Instant now) {
        boolean closePublic = !policy.allowPublic();
        Instant cap = policy.maxExpiry() == null ? null : now.plus(policy.maxExpiry());
        if (!closePublic && cap == null) {
            return Applied.NOTHING;
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("cap", cap == null ? null : Timestamp.from(cap), java.sql.Types.TIMESTAMP);
        String signedIn = closePublic ? PUBLIC : "false";
        String capped = cap == null ? "false" : policy.requireExpiry() ? PAST_CAP_OR_NEVER : PAST_CAP;

        Map<Long, Owner> owners = new LinkedHashMap<>();
        named.query("select s.owner_id, s.title, " + signedIn + " as made_signed_in, " + capped + " as capped "
                + "from share_link s where s.removed_by_owner_at is null and (" + signedIn + " or " + capped + ") "
                + "order by s.owner_id, s.updated_at desc, s.id desc", params, (RowCallbackHandler) rs -> {
                    Owner owner = owners.computeIfAbsent(rs.getLong(1), Owner::new);
                    String title = rs.getString(2);
                    if (rs.getBoolean(3)) {
                        owner.madeSignedIn++;
                        name(owner.signedIn, title);
                    }
                    if (rs.getBoolean(4)) {
                        owner.shortened++;
                        name(owner.shortenedTitles, title);
                    }
                });
        int madeSignedIn = 0;
        int shortened = 0;
        if (closePublic) {
            madeSignedIn = named.update("update share_link s set s.audience = '" + ShareAudience.SIGNED_IN.name()
                    + "' where " + PUBLIC, params);
        }
        if (cap != null) {
            shortened = named.update("update share_link s set s.expires_at = :cap where " + capped, params);
        }
        if (madeSignedIn + shortened > 0) {
            // Last, so the feed row is written with every lock held, a moment before the commit.
            feed.revokeAll();
        }
        return new Applied(madeSignedIn, shortened, shortened == 0 ? null : cap,
                owners.values().stream().map(Owner::summary).toList());
    }

    private static void name(List<String> titles, String title) {
        if (titles.size() < TITLES_NAMED) {
            titles.add(title);
        }
    }

    /** One owner's changes while the rows are read: counted, and the first few titles kept. */
    private static final class Owner {

        final long id;
        int madeSignedIn;
        int shortened;
        final List<String> signedIn = new ArrayList<>();
        final List<String> shortenedTitles = new ArrayList<>();

        Owner(long id) {
            this.id = id;
        }

        OwnerLinks summary() {
            return new OwnerLinks(id, madeSignedIn, List.copyOf(signedIn), shortened, List.copyOf(shortenedTitles));
        }
    }
}

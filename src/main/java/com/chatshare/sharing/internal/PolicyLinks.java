package com.chatshare.sharing.internal;

import com.chatshare.sharing.LinkPolicyEnforcement;
import com.chatshare.sharing.LinkPolicyEnforcement.LinksChanged;
import com.chatshare.sharing.LinkPolicyEnforcement.OwnerLinks;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.SharingPolicy;
import java.sql.Timestamp;
import java.sql.Types;
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
 * A new sharing policy applied to the links that exist, set-based, for
 * {@link LinkPolicyEnforcement#applyToExistingLinks} (which says what it does); a policy that
 * forbids preview cards turns every link's card off (decision 0027). In the policy
 * change's transaction, with one revocation-feed row that makes every node forget what it
 * remembers ({@link RevocationFeed#revokeAll}).
 */
@Component
public class PolicyLinks {

    /*
     * Which links a policy changes, the same condition in the read for the notices and in the
     * update; what varies with the policy is in bound parameters: :closePublic, :cap (null: no
     * maximum) and :requireExpiry.
     */
    private static final String MADE_SIGNED_IN = "(:closePublic and s.audience = :anyone)";
    private static final String PAST_CAP = "(:cap is not null and (s.expires_at > :cap "
            + "or (:requireExpiry and s.expires_at is null)))";

    private final NamedParameterJdbcTemplate named;
    private final RevocationFeed feed;

    PolicyLinks(JdbcTemplate jdbc, RevocationFeed feed) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.feed = feed;
    }

    /** Applies {@code policy} to every existing link, in the caller's transaction; {@code now} for the cap. */
    public LinksChanged apply(SharingPolicy policy, Instant now) {
        boolean closePublic = !policy.allowPublic();
        Instant cap = policy.maxExpiry() == null ? null : now.plus(policy.maxExpiry());
        // Cards forbidden: every card goes at once (turning cards on again leaves them off, as the owners' choice).
        int cardsOff = policy.previewCardsAllowed() ? 0
                : named.getJdbcTemplate().update("update share_link s set s.preview_card = false where s.preview_card");
        if (!closePublic && cap == null) {
            if (cardsOff > 0) {
                feed.revokeAll();
            }
            return LinksChanged.NOTHING;
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("closePublic", closePublic)
                .addValue("cap", cap == null ? null : Timestamp.from(cap), Types.TIMESTAMP)
                .addValue("requireExpiry", policy.requireExpiry())
                .addValue("anyone", ShareAudience.ANYONE.name())
                .addValue("signedIn", ShareAudience.SIGNED_IN.name());

        Map<Long, Owner> owners = new LinkedHashMap<>();
        named.query("select s.owner_id, s.title, " + MADE_SIGNED_IN + " as made_signed_in, " + PAST_CAP + " as capped "
                + "from share_link s where s.removed_by_owner_at is null and (" + MADE_SIGNED_IN + " or " + PAST_CAP
                + ") order by s.owner_id, s.updated_at desc, s.id desc", params, (RowCallbackHandler) rs -> {
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
        int madeSignedIn = closePublic
                ? named.update("update share_link s set s.audience = :signedIn where " + MADE_SIGNED_IN, params)
                : 0;
        int shortened = cap != null
                ? named.update("update share_link s set s.expires_at = :cap where " + PAST_CAP, params)
                : 0;
        if (madeSignedIn + shortened + cardsOff > 0) {
            // Last, so the feed row is written with every lock held, a moment before the commit.
            feed.revokeAll();
        }
        return new LinksChanged(madeSignedIn, shortened, shortened == 0 ? null : cap,
                owners.values().stream().map(Owner::summary).toList());
    }

    private static void name(List<String> titles, String title) {
        if (titles.size() < LinkPolicyEnforcement.TITLES_NAMED) {
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

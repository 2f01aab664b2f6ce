package com.chatshare.sharing;

import com.chatshare.sharing.internal.PolicyLinks;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the links that exist in line with a new sharing policy (docs/decisions/0016-sharing-policy.md),
 * for whoever saves the policy: set-based, in the caller's transaction, which must already hold
 * the policy locked for its change. Public links become signed-in only when public links are
 * turned off; expiries past a new maximum come down to it from now (so do links that never
 * expire, where the policy also requires an expiry; without a maximum there is nothing to bring
 * them down to, and they are left as they are); every preview card goes off when the policy
 * forbids cards (decision 0027). When any link changed, one revocation-feed row
 * makes every node forget what it remembers, so no node serves a link publicly that the new
 * policy forbids.
 */
@Service
public class LinkPolicyEnforcement {

    /** How many titles {@link OwnerLinks} names per kind of change; the rest are counted. */
    public static final int TITLES_NAMED = 3;

    /**
     * What the change did to one owner's listed links: how many became signed-in only and how many
     * expiries were shortened, with the titles of the most recently updated ones (at most
     * {@link #TITLES_NAMED} each).
     */
    public record OwnerLinks(long ownerId, int madeSignedIn, List<String> signedInTitles, int shortened,
            List<String> shortenedTitles) {
    }

    /**
     * What the change did: how many links (listed or not, any status) became signed-in only and
     * had their expiry shortened, and per owner of a listed link what happened to it.
     *
     * @param cappedAt the new latest expiry, or null when no expiry was shortened
     */
    public record LinksChanged(int madeSignedIn, int shortened, @Nullable Instant cappedAt, List<OwnerLinks> owners) {

        public static final LinksChanged NOTHING = new LinksChanged(0, 0, null, List.of());
    }

    private final PolicyLinks links;

    LinkPolicyEnforcement(PolicyLinks links) {
        this.links = links;
    }

    /**
     * Applies {@code policy} to every existing link, in the caller's transaction; admins only.
     *
     * @param now when the policy takes effect: a maximum expiry counts from here
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(propagation = Propagation.MANDATORY)
    public LinksChanged applyToExistingLinks(SharingPolicy policy, Instant now) {
        return links.apply(policy, now);
    }
}

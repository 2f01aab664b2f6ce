package com.chatshare.sharingpolicy;

import com.chatshare.base.FixedDates;
import com.chatshare.security.CurrentUser;
import com.chatshare.sharing.LinkPolicyEnforcement;
import com.chatshare.sharing.SharingPolicy;
import com.chatshare.sharingpolicy.internal.PolicyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instance's sharing policy (docs/decisions/0016-sharing-policy.md) as admins see and change
 * it: everyone signed in may read it; only admins change it. (Sharing reads the policy it acts
 * under through its port {@link com.chatshare.sharing.SharingRules}, not here.) A change is
 * audited (who, old → new), applies to the links that exist in the same transaction
 * ({@link LinkPolicyEnforcement}: public links become signed-in only when public links are turned
 * off; expiries past a new maximum come down to it), reaches every node through the revocation
 * feed, and tells each owner whose links it changed, once, under the bell
 * ({@link SharingPolicyChanged}, stored by moderation).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SharingPolicyService {

    public static final String CHANGED_MEANWHILE = "Another admin saved the sharing policy after you opened this page. "
            + "Nothing was saved; your choices are still in the form. Reload to see theirs, then choose again.";
    public static final String DEFAULT_NOT_ALLOWED = "New links cannot start as “Anyone with the link” while public "
            + "links are off. Choose “Signed-in users only”, or allow public links.";
    public static final String DEFAULT_NOT_OFFERED = "A default audience is “Anyone with the link” or “Signed-in "
            + "users only”: specific people need names, chosen per link.";

    /**
     * The policy as saved, with the version a change must name (see {@link #change}).
     *
     * @param changedAt when an admin last saved it, or null if none has (the configured values)
     * @param changedBy that admin's username, or null
     */
    public record Current(SharingPolicy policy, int version, @Nullable Instant changedAt, @Nullable String changedBy) {
    }

    /** What a saved change did to existing links. */
    public record Applied(boolean saved, int linksMadeSignedIn, int expiriesShortened, int ownersNotified) {
    }

    private final PolicyStore store;
    private final LinkPolicyEnforcement links;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SharingPolicyService(PolicyStore store, LinkPolicyEnforcement links, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.links = links;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The policy in force. */
    @Transactional(readOnly = true)
    public Current current() {
        PolicyStore.Stored stored = store.read();
        return new Current(stored.policy(), stored.version(), stored.changedAt(), stored.changedBy());
    }

    /**
     * Saves a new policy and applies it to existing links at once; admins only. The first save
     * also fixes the configured values ({@code chatshare.sharing.max-expiry}, {@code require-expiry})
     * in the database: from then on the policy is what admins saved.
     *
     * @param version the {@link Current#version()} the admin's form was opened with: if another
     *        admin saved since, nothing changes
     * @throws SharingPolicyException for a default audience the policy does not allow, or a
     *         version that is no longer current
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Applied change(int version, SharingPolicy policy) {
        if (!SharingPolicy.DEFAULT_AUDIENCES.contains(policy.defaultAudience())) {
            throw new SharingPolicyException(SharingPolicyException.Field.DEFAULT_AUDIENCE, DEFAULT_NOT_OFFERED);
        }
        if (!policy.allows(policy.defaultAudience())) {
            throw new SharingPolicyException(SharingPolicyException.Field.DEFAULT_AUDIENCE, DEFAULT_NOT_ALLOWED);
        }
        // Locked first: shares in flight finish under the old policy, later ones wait and read this one.
        PolicyStore.Stored before = store.readForUpdate();
        if (before.version() != version) {
            throw new SharingPolicyException(SharingPolicyException.Field.FORM, CHANGED_MEANWHILE);
        }
        List<String> changes = policy.changesFrom(before.policy());
        if (changes.isEmpty() && before.changedAt() != null) {
            return new Applied(false, 0, 0, 0);
        }
        Instant now = clock.instant();
        LinkPolicyEnforcement.LinksChanged applied = links.applyToExistingLinks(policy, now);
        store.write(policy, now, currentUser.require().getUsername());
        List<SharingPolicyChanged.PolicyNotice> notices = applied.owners().stream()
                .map(owner -> new SharingPolicyChanged.PolicyNotice(owner.ownerId(),
                        notice(owner, policy, applied.cappedAt())))
                .toList();
        events.publishEvent(new SharingPolicyChanged(changes, applied.madeSignedIn(), applied.shortened(), notices));
        return new Applied(true, applied.madeSignedIn(), applied.shortened(), notices.size());
    }

    /** What one owner is told: which of their links changed and how, naming a few. */
    static String notice(LinkPolicyEnforcement.OwnerLinks owner, SharingPolicy policy, @Nullable Instant cappedAt) {
        List<String> parts = new ArrayList<>();
        if (owner.madeSignedIn() > 0) {
            parts.add("Public links are now off on this server, so " + links(owner.madeSignedIn(),
                    owner.signedInTitles(), "opens", "open") + " for signed-in users only. The public address answers "
                    + "like a deleted link; signed-in readers use the address ending in /view (copy it again under "
                    + "Settings → Data controls).");
        }
        if (owner.shortened() > 0 && cappedAt != null) {
            parts.add("Links on this server now expire within " + SharingPolicy.describe(policy.maxExpiry()) + ", so "
                    + links(owner.shortened(), owner.shortenedTitles(), "expires", "expire") + " on "
                    + FixedDates.STORED_MINUTE.format(cappedAt) + ".");
        }
        return String.join(" ", parts);
    }

    private static String links(int count, List<String> titles, String one, String many) {
        String named = titles.stream().map(title -> "“" + title + "”").collect(Collectors.joining(", "));
        if (count == 1) {
            return "your link " + named + " now " + one;
        }
        String more = count > titles.size() ? " and " + (count - titles.size()) + " more" : "";
        return count + " of your links (" + named + more + ") now " + many;
    }
}

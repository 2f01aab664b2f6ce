package com.chatshare.sharing;

import com.chatshare.security.CurrentUser;
import com.chatshare.sharing.internal.ModeratedLinks;
import com.chatshare.sharing.internal.ShareLink;
import com.chatshare.sharing.internal.ShareLinkRepository;
import com.chatshare.sharing.internal.ReadableLinks;
import com.chatshare.sharing.internal.RevocationFeed;
import com.chatshare.sharing.internal.TakedownPurge;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing's API for moderation: the queue's typed query, the snapshot as viewers see it, the
 * link's status (take down, reinstate) and the report counters the queue sorts by. Moderators and
 * admins only, except the calls a viewer's report makes and {@link #existing} and
 * {@link #purgeRemovedTakedowns}, which moderation's retention job calls with nobody signed in. No
 * other feature writes share_link.
 *
 * <p>A link for specific people is not the moderators' to read until one of its readers reports
 * it: until then every moderator's call here answers for it as for a link that does not exist
 * (docs/decisions/0012-audience-and-expiry.md).
 */
@Service
@PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
public class ShareModeration {

    /** The most links one takedown or one id filter takes. */
    public static final int MAX_IDS = 1_000;

    /** A link one takedown took down, for moderation's notices and audit entries. */
    public record TakenDown(long shareId, long ownerId, String title, Instant takenDownAt) {
    }

    /** A reinstated link; {@code deleted} when its owner had removed it, so it is gone for good now. */
    public record Reinstated(long shareId, long ownerId, String title, boolean deleted) {
    }

    private final ShareLinkRepository links;
    private final ModeratedLinks moderatedLinks;
    private final ReadableLinks readable;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final RevocationFeed feed;
    private final TakedownPurge purge;

    ShareModeration(ShareLinkRepository links, ModeratedLinks moderatedLinks, ReadableLinks readable,
            CurrentUser currentUser, Clock clock, RevocationFeed feed, TakedownPurge purge) {
        this.feed = feed;
        this.purge = purge;
        this.links = links;
        this.moderatedLinks = moderatedLinks;
        this.readable = readable;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ModeratedLink> find(ModeratedLinkQuery query, int offset, int limit) {
        if (query.onlyIds() != null && query.onlyIds().size() > MAX_IDS) {
            throw new IllegalArgumentException("At most " + MAX_IDS + " links at once.");
        }
        return moderatedLinks.page(query, offset, limit);
    }

    @Transactional(readOnly = true)
    public Optional<ModeratedLink> find(long shareId) {
        return moderatedLinks.find(shareId);
    }

    /** A link's snapshot rendered exactly as viewers see it, whatever its status; empty for a link moderators may not see. */
    @Transactional(readOnly = true)
    public List<SnapshotMessage> snapshot(long shareId) {
        if (moderatedLinks.find(shareId).isEmpty()) {
            return List.of();
        }
        return readable.messages(shareId);
    }

    /**
     * Takes active links down in one statement: the pages answer 410 from the next request on this
     * node and within the revocation feed's bound on the others (docs/decisions/0011-revocation-feed.md),
     * and no owner's Update can bring them back (the version moves; an Update in flight holds the row
     * and this waits for it). Open reports are cleared in the same transaction.
     *
     * @return the links this call took down; ids that were missing or already down are left out
     */
    @Transactional
    public List<TakenDown> takeDown(Collection<Long> shareIds, String reason) {
        if (shareIds.isEmpty()) {
            return List.of();
        }
        if (shareIds.size() > MAX_IDS) {
            throw new IllegalArgumentException("At most " + MAX_IDS + " links at once.");
        }
        long moderatorId = currentUser.requireUserId();
        Instant now = clock.instant();
        Set<Long> ids = Set.copyOf(shareIds);
        if (links.takeDown(ids, reason, moderatorId, now) == 0) {
            return List.of();
        }
        List<ShareLink> down = links.findTakenDown(ids, moderatorId, now);
        links.clearOpenReports(down.stream().map(ShareLink::getId).toList());
        feed.revokeIds(down.stream().map(ShareLink::getId).toList());
        return down.stream().map(l -> new TakenDown(l.getId(), l.getOwnerId(), l.getTitle(), l.getTakenDownAt()))
                .toList();
    }

    /** Ends a takedown. Empty if the link is missing or not taken down. */
    @Transactional
    public Optional<Reinstated> reinstate(long shareId) {
        if (links.reinstate(shareId) == 0) {
            return Optional.empty();
        }
        feed.revokeIds(List.of(shareId));
        ShareLink link = links.findById(shareId).orElseThrow();
        boolean deleted = moderatedLinks.deleteIfRemovedByOwner(shareId);
        return Optional.of(new Reinstated(shareId, link.getOwnerId(), link.getTitle(), deleted));
    }

    /** The queue no longer counts the link's reports as open (they were dismissed). */
    @Transactional
    public void clearOpenReports(long shareId) {
        links.clearOpenReports(List.of(shareId));
    }

    /** The title of a link anyone may read and report, or empty: the same answer for every other token. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<String> reportableTitle(String token) {
        return readable.publicLink(token).map(ShareLink::getTitle);
    }

    /**
     * Counts a viewer's report on a link anyone may read, for the queue's order.
     *
     * @return the link's id, or empty for a link that is not public
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public Optional<Long> recordReport(String token) {
        Optional<Long> shareId = readable.publicLink(token).map(ShareLink::getId);
        shareId.ifPresent(id -> links.recordReport(id, clock.instant()));
        return shareId;
    }

    /** The title of a link the signed-in caller may open (any audience), or empty: the same answer for every other token. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<String> readerReportableTitle(String token) {
        return readable.readableLink(token, currentUser.requireUserId()).map(ShareLink::getTitle);
    }

    /**
     * Counts a signed-in reader's report on a link they may open, whatever its audience. From then
     * on a link for specific people is in the moderators' queue.
     *
     * @return the link's id, or empty for a link the caller may not open
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Optional<Long> recordReaderReport(String token) {
        Optional<Long> shareId = readable.readableLink(token, currentUser.requireUserId()).map(ShareLink::getId);
        shareId.ifPresent(id -> links.recordReport(id, clock.instant()));
        return shareId;
    }

    /** Which of these links still exist (moderation's own records of the others can go). */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Set<Long> existing(Collection<Long> shareIds) {
        return moderatedLinks.existing(shareIds);
    }

    /**
     * Deletes for good the taken-down links whose owners removed them before {@code cutoff}: the
     * end of moderation's retention, which its daily job works out. A thousand links per
     * transaction, each batch published as {@link ShareEvents.TakenDownLinksPurged} in its
     * transaction (moderation deletes its records of them there), and the run as
     * {@link ShareEvents.TakedownRetentionRan} at the end; so not in the caller's transaction.
     *
     * @return how many links were purged
     */
    @PreAuthorize("permitAll()")
    public int purgeRemovedTakedowns(Instant cutoff) {
        return purge.purgeRemovedBefore(cutoff);
    }
}

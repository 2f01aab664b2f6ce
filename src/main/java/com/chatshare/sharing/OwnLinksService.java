package com.chatshare.sharing;

import com.chatshare.conversations.ConversationService;
import com.chatshare.security.CurrentUser;
import com.chatshare.sharing.internal.LinkAccess;
import com.chatshare.sharing.internal.OwnedLinks;
import com.chatshare.sharing.internal.ShareLinkRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's own links, all at once: the data controls' grid (a page at a time, set-based
 * deletes and changes of audience and expiry), the data export, and the owner's notices of a
 * takedown. Every call acts on the caller's links only, checked in the transaction; a set of ids
 * with any that is not the caller's changes nothing. Sharing one conversation (and an Update of
 * its link) is {@link ShareService}.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class OwnLinksService {

    private final OwnedLinks ownedLinks;
    private final ShareLinkRepository links;
    private final LinkAccess access;
    private final ConversationService conversations;
    private final SharingRules policies;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OwnLinksService(OwnedLinks ownedLinks, ShareLinkRepository links, LinkAccess access,
            ConversationService conversations, SharingRules policies, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock) {
        this.ownedLinks = ownedLinks;
        this.links = links;
        this.access = access;
        this.conversations = conversations;
        this.policies = policies;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The instance's sharing policy, for the grid's menus to offer only the audiences and expiries it allows. */
    @Transactional(readOnly = true)
    public SharingPolicy sharingPolicy() {
        return policies.current();
    }

    /** What expiries this instance allows, for the renew dialog to offer. */
    @Transactional(readOnly = true)
    public ExpiryPolicy expiryPolicy() {
        return sharingPolicy().expiry();
    }

    /** One page of the caller's links, for the data controls grid. */
    @Transactional(readOnly = true)
    public List<ShareSummary> findOwnLinks(ShareQuery query, int offset, int limit) {
        List<OwnedLinks.OwnedLink> rows = ownedLinks.page(currentUser.requireUserId(), query, offset, limit,
                clock.instant());
        Map<Long, Integer> positions = new HashMap<>();
        rows.forEach(row -> positions.put(row.summary().conversationId(), row.sourceLastPosition()));
        Map<Long, Integer> newMessages = conversations.countFinishedMessagesAfter(positions);
        return rows.stream().map(row -> row.summary()
                .withNewMessages(newMessages.getOrDefault(row.summary().conversationId(), 0))).toList();
    }

    /** How many links the caller has in their list. */
    @Transactional(readOnly = true)
    public int countOwnLinks() {
        return ownedLinks.count(currentUser.requireUserId());
    }

    /**
     * Deletes some of the caller's links set-based (taken-down ones only leave the list). If any id
     * is not the caller's, nothing is deleted.
     *
     * @return how many links were deleted
     */
    @Transactional
    public int deleteLinks(Collection<Long> shareIds) {
        if (shareIds.isEmpty()) {
            return 0;
        }
        long ownerId = currentUser.requireUserId();
        Set<Long> ids = Set.copyOf(shareIds);
        if (ownedLinks.countOwned(ownerId, ids) != ids.size()) {
            throw new ShareException("Some of these links do not exist or are not yours. Nothing was deleted.");
        }
        int deleted = ownedLinks.delete(ownerId, ids, clock.instant());
        events.publishEvent(new ShareEvents.SharesDeleted(ownerId, deleted));
        return deleted;
    }

    /**
     * Sets who can open some of the caller's links, in one statement: anyone or signed-in users
     * (a list of people is chosen per link, in its Share dialog). Acts on the next request. If any
     * id is not the caller's, nothing changes.
     *
     * @return how many links changed
     */
    @Transactional
    public int changeAudience(Collection<Long> shareIds, ShareAudience audience) {
        if (audience == ShareAudience.PEOPLE) {
            throw new ShareException("Choose the people of a link in its Share dialog, one link at a time.");
        }
        access.checkAudience(audience, policies.holdForShare());
        Set<Long> ids = ownedIds(shareIds);
        if (ids.isEmpty()) {
            return 0;
        }
        access.clearPeople(ids);
        return ownedLinks.setAudience(currentUser.requireUserId(), ids, audience);
    }

    /**
     * Sets when some of the caller's links stop answering, in one statement (null: never): also
     * renews expired links. The time must be in the future and within the {@link #expiryPolicy()}.
     * If any id is not the caller's, nothing changes.
     *
     * @return how many links changed
     */
    @Transactional
    public int changeExpiry(Collection<Long> shareIds, @Nullable Instant expiresAt) {
        access.checkExpiry(expiresAt, policies.holdForShare().expiry());
        Set<Long> ids = ownedIds(shareIds);
        if (ids.isEmpty()) {
            return 0;
        }
        return ownedLinks.setExpiry(currentUser.requireUserId(), ids, expiresAt);
    }

    /** {@link #changeExpiry} to this long from now, by the server's clock. */
    @Transactional
    public int expireIn(Collection<Long> shareIds, Duration fromNow) {
        return changeExpiry(shareIds, clock.instant().plus(fromNow));
    }

    /** Deletes every link of the caller's set-based; conversations and copies stay. */
    @Transactional
    public int deleteAllLinks() {
        long ownerId = currentUser.requireUserId();
        int deleted = ownedLinks.deleteAll(ownerId, false, clock.instant());
        events.publishEvent(new ShareEvents.SharesDeleted(ownerId, deleted));
        return deleted;
    }

    /**
     * One of the caller's taken-down links, also after they removed it from their list: for the
     * owner's notices and review requests.
     */
    @Transactional(readOnly = true)
    public Optional<OwnTakedown> findOwnTakedown(long shareId) {
        return links.findById(shareId)
                .filter(link -> link.getOwnerId() == currentUser.requireUserId() && link.isTakenDown())
                .map(link -> new OwnTakedown(link.getId(), link.getTitle(), link.getTakedownReason(),
                        link.getTakenDownAt(), link.getRemovedByOwnerAt() != null));
    }

    /**
     * Puts a taken-down link the caller removed back into their list (they asked for a review of
     * it); a link whose chat was deleted stays out, and a reinstatement deletes it for good.
     */
    @Transactional
    public void keepOwnTakedown(long shareId) {
        ownedLinks.restoreRemoved(currentUser.requireUserId(), shareId);
    }

    private Set<Long> ownedIds(Collection<Long> shareIds) {
        Set<Long> ids = Set.copyOf(shareIds);
        if (!ids.isEmpty() && ownedLinks.countOwned(currentUser.requireUserId(), ids) != ids.size()) {
            throw new ShareException("Some of these links do not exist or are not yours. Nothing was changed.");
        }
        return ids;
    }
}

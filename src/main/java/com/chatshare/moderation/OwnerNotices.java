package com.chatshare.moderation;

import com.chatshare.moderation.internal.Notices;
import com.chatshare.moderation.internal.ReviewRequests;
import com.chatshare.security.CurrentUser;
import com.chatshare.sharing.OwnTakedown;
import com.chatshare.sharing.OwnLinksService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an owner hears from moderation: notices about their links (taken down, reinstated, a
 * review decided) and the one review they may request per takedown. Everything here is about the
 * caller's own links; another owner's link is answered like a missing one.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class OwnerNotices {

    public static final String NOT_TAKEN_DOWN = "This link is not taken down, so there is nothing to review.";
    public static final String ALREADY_REQUESTED = "You already asked for a review of this takedown.";

    private final Notices notices;
    private final ReviewRequests reviews;
    private final OwnLinksService ownLinks;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OwnerNotices(Notices notices, ReviewRequests reviews, OwnLinksService ownLinks, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock) {
        this.notices = notices;
        this.reviews = reviews;
        this.ownLinks = ownLinks;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The caller's notices, newest first. */
    @Transactional(readOnly = true)
    public List<OwnerNotice> find(int offset, int limit) {
        return notices.of(currentUser.requireUserId(), offset, limit);
    }

    @Transactional(readOnly = true)
    public int countUnread() {
        return notices.countUnread(currentUser.requireUserId());
    }

    /** Marks the notices the caller was shown read (only theirs; later ones stay unread). */
    @Transactional
    public void markRead(java.util.Collection<Long> noticeIds) {
        notices.markRead(currentUser.requireUserId(), noticeIds, clock.instant());
    }

    /** Whether the caller may still ask for a review of this link's takedown, and if not, why. */
    @Transactional(readOnly = true)
    public ReviewState reviewState(long shareId) {
        Optional<OwnTakedown> takedown = ownLinks.findOwnTakedown(shareId);
        if (takedown.isEmpty()) {
            return new ReviewState(false, NOT_TAKEN_DOWN, null);
        }
        return reviews.ofTakedown(shareId, takedown.get().takenDownAt())
                .map(request -> new ReviewState(false, ALREADY_REQUESTED, request))
                .orElse(new ReviewState(true, null, null));
    }

    /** @param request the request already made for this takedown, if any */
    public record ReviewState(boolean mayRequest, String whyNot, ReviewRequest request) {
    }

    /**
     * Asks moderators to look at the takedown of one of the caller's links again; once per
     * takedown. A link the caller had removed from their list comes back into it.
     *
     * @throws IllegalArgumentException for a link that is not the caller's or not taken down, a
     *         second request, or an explanation that is blank or too long
     */
    @Transactional
    public long requestReview(long shareId, String explanation) {
        String text = explanation == null ? "" : explanation.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Say why the link should come back.");
        }
        if (text.length() > ReviewRequest.EXPLANATION_MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "An explanation can have at most " + ReviewRequest.EXPLANATION_MAX_LENGTH + " characters.");
        }
        OwnTakedown takedown = ownLinks.findOwnTakedown(shareId)
                .orElseThrow(() -> new IllegalArgumentException(NOT_TAKEN_DOWN));
        long reviewId;
        try {
            reviewId = reviews.insert(shareId, takedown.takenDownAt(), currentUser.requireUserId(), text,
                    clock.instant());
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException(ALREADY_REQUESTED);
        }
        if (takedown.removedByOwner()) {
            ownLinks.keepOwnTakedown(shareId);
        }
        events.publishEvent(new ModerationEvents.ReviewRequested(shareId, reviewId));
        return reviewId;
    }
}

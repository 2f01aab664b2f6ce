package com.chatshare.moderation;

import com.chatshare.accounts.AccountDirectory;
import com.chatshare.audit.AuditFilter;
import com.chatshare.audit.AuditLog;
import com.chatshare.moderation.internal.ModerationRetention;
import com.chatshare.moderation.internal.Notices;
import com.chatshare.moderation.internal.Reports;
import com.chatshare.moderation.internal.ReviewRequests;
import com.chatshare.security.CurrentUser;
import com.chatshare.sharing.ModeratedLink;
import com.chatshare.sharing.ModeratedLinkQuery;
import com.chatshare.sharing.ShareModeration;
import com.chatshare.sharing.ShareToken;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderators' work: a queue of public snapshots with their reports and review requests, take
 * down and reinstate with a reason, dismiss reports, decide reviews. Links are sharing's: this
 * asks {@link ShareModeration}; reports, review requests and owner notices are moderation's own
 * tables. Every action leaves an audit entry in its own transaction.
 */
@Service
@PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
public class ModerationService {

    public static final int NOTE_MAX_LENGTH = 1_000;
    public static final String OWN_TAKEDOWN_MESSAGE =
            "You took this link down: another moderator decides its review.";
    public static final String OWN_LINK_MESSAGE =
            "This is your own link: another moderator decides whether it comes back.";

    /** How a moderator decides a review request. */
    public enum Decision { UPHOLD, REINSTATE }

    private final ShareModeration links;
    private final AccountDirectory accounts;
    private final Reports reports;
    private final ReviewRequests reviews;
    private final Notices notices;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final ModerationRetention retention;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModerationService(ShareModeration links, AccountDirectory accounts, Reports reports, ReviewRequests reviews,
            Notices notices, AuditLog auditLog, CurrentUser currentUser, ModerationRetention retention,
            ApplicationEventPublisher events, Clock clock) {
        this.links = links;
        this.accounts = accounts;
        this.reports = reports;
        this.reviews = reviews;
        this.notices = notices;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.retention = retention;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ModerationRow> findQueue(ModerationFilter filter, int offset, int limit) {
        Optional<ShareToken> token = ShareToken.find(filter.search());
        Long ownerId = null;
        if (filter.owner() != null && !filter.owner().isBlank()) {
            Optional<Long> owner = accounts.idOf(filter.owner());
            if (owner.isEmpty()) {
                return List.of();
            }
            ownerId = owner.get();
        }
        Set<Long> onlyIds = filter.reviewRequests()
                ? new HashSet<>(reviews.openLinks(ShareModeration.MAX_IDS)) : null;
        ModeratedLinkQuery query = new ModeratedLinkQuery(filter.status(), filter.withOpenReports(),
                token.isPresent() ? "" : filter.search(), token.orElse(null), ownerId,
                filter.sharedFrom() == null ? null : filter.sharedFrom().atStartOfDay(ZoneOffset.UTC).toInstant(),
                filter.sharedTo() == null ? null : filter.sharedTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                onlyIds, ModeratedLinkQuery.Sort.valueOf(filter.sort().name()));
        List<ModeratedLink> page = links.find(query, offset, limit);
        Map<Long, String> owners = accounts.usernames(page.stream().map(ModeratedLink::ownerId).distinct().toList());
        Set<Long> reviewed = onlyIds != null ? onlyIds : reviews.openAmong(page.stream()
                .filter(ModeratedLink::isTakenDown).map(ModeratedLink::shareId).toList());
        return page.stream().map(link -> row(link, owners, reviewed)).toList();
    }

    /**
     * A link's detail: its snapshot, reports, review requests and history. Empty for an unknown
     * link and for a link for specific people that none of its readers reported, alike; opening a
     * reported one is written to the audit log (who, when, which link).
     */
    @Transactional
    public Optional<ModerationDetail> detail(long shareId) {
        Optional<ModeratedLink> found = links.find(shareId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ModeratedLink link = found.get();
        if (link.isRestrictedToPeople()) {
            events.publishEvent(new ModerationEvents.RestrictedLinkOpened(shareId));
        }
        List<ReviewRequest> requests = reviews.of(shareId);
        boolean reviewRequested = requests.stream().anyMatch(ReviewRequest::isOpen);
        String attribution = link.attribution().line();
        long me = currentUser.requireUserId();
        boolean mine = link.takenDownBy() != null && link.takenDownBy() == me;
        boolean own = link.ownerId() == me;
        Instant purgeAfter = link.removedByOwnerAt() == null ? null : link.removedByOwnerAt().plus(retention.retention());
        return Optional.of(new ModerationDetail(
                row(link, accounts.usernames(List.of(link.ownerId())), reviewRequested ? Set.of(shareId) : Set.of()),
                attribution, link.takedownReason(), link.takenDownAt(), mine, own, link.removedByOwnerAt(), purgeAfter,
                links.snapshot(shareId), reports.of(shareId), requests, !(mine || own) || !anotherModeratorExists(),
                auditLog.find(AuditFilter.all().withTarget("share:" + shareId), 0, 100)));
    }

    /**
     * Takes links down with one reason, set-based: 410 from the next request on, reports marked
     * actioned, and each owner told why.
     *
     * @return how many links were taken down (missing and already taken-down ones are skipped)
     * @throws IllegalArgumentException without a reason or a note
     */
    @Transactional
    public int takeDown(Collection<Long> shareIds, ReportReason reason, String note) {
        if (reason == null) {
            throw new IllegalArgumentException("Choose a reason: the owner is told it.");
        }
        String cleanNote = requiredNote(note);
        List<ShareModeration.TakenDown> down = links.takeDown(shareIds, reason.label());
        Instant now = clock.instant();
        reports.resolve(down.stream().map(ShareModeration.TakenDown::shareId).toList(), "ACTIONED", now);
        for (ShareModeration.TakenDown link : down) {
            notices.insert(link.ownerId(), link.shareId(), OwnerNotice.Kind.TAKEN_DOWN, link.title(), reason.label(), now);
            events.publishEvent(new ModerationEvents.LinkTakenDown(link.shareId(), reason, cleanNote));
        }
        return down.size();
    }

    /**
     * Ends a takedown; an open review request of it is closed, and the owner told. A moderator may
     * not reinstate their own link while another moderator exists.
     */
    @Transactional
    public boolean reinstate(long shareId, String note) {
        String cleanNote = requiredNote(note);
        Optional<ModeratedLink> found = links.find(shareId);
        if (found.isPresent() && found.get().ownerId() == currentUser.requireUserId() && anotherModeratorExists()) {
            throw new IllegalStateException(OWN_LINK_MESSAGE);
        }
        Optional<ShareModeration.Reinstated> done = links.reinstate(shareId);
        done.ifPresent(link -> {
            reviews.closeOpen(shareId, currentUser.requireUserId(), cleanNote, clock.instant());
            if (!link.deleted()) {
                notices.insert(link.ownerId(), shareId, OwnerNotice.Kind.REINSTATED, link.title(), null, clock.instant());
            }
            events.publishEvent(new ModerationEvents.LinkReinstated(shareId, cleanNote));
        });
        return done.isPresent();
    }

    @Transactional
    public int dismissReports(long shareId, String note) {
        int count = reports.resolve(List.of(shareId), "DISMISSED", clock.instant());
        links.clearOpenReports(shareId);
        events.publishEvent(new ModerationEvents.ReportsDismissed(shareId, count, note == null ? "" : note.strip()));
        return count;
    }

    /**
     * Decides an owner's review request: the takedown stands, or the link is reinstated. The note
     * goes to the owner. A moderator may not decide the review of their own takedown, nor of their
     * own link, while another moderator exists.
     *
     * @throws IllegalArgumentException for a missing or already decided request, or a missing note
     * @throws IllegalStateException when this moderator took the link down and someone else can decide
     */
    @Transactional
    public void decideReview(long reviewId, Decision decision, String note) {
        String cleanNote = requiredNote(note);
        ReviewRequest request = reviews.find(reviewId).filter(ReviewRequest::isOpen)
                .orElseThrow(() -> new IllegalArgumentException("This review request was already decided."));
        ModeratedLink link = links.find(request.shareId())
                .orElseThrow(() -> new IllegalArgumentException("This link no longer exists."));
        long me = currentUser.requireUserId();
        if (link.ownerId() == me && anotherModeratorExists()) {
            throw new IllegalStateException(OWN_LINK_MESSAGE);
        }
        if (link.takenDownBy() != null && link.takenDownBy() == me && anotherModeratorExists()) {
            throw new IllegalStateException(OWN_TAKEDOWN_MESSAGE);
        }
        Instant now = clock.instant();
        ReviewRequest.Status status = decision == Decision.REINSTATE
                ? ReviewRequest.Status.REINSTATED : ReviewRequest.Status.UPHELD;
        if (!reviews.decide(reviewId, status, me, cleanNote, now)) {
            throw new IllegalArgumentException("This review request was already decided.");
        }
        boolean gone = false;
        if (decision == Decision.REINSTATE) {
            gone = links.reinstate(link.shareId()).map(ShareModeration.Reinstated::deleted).orElse(false);
        }
        if (!gone) {
            notices.insert(link.ownerId(), link.shareId(), decision == Decision.REINSTATE
                    ? OwnerNotice.Kind.REVIEW_REINSTATED : OwnerNotice.Kind.REVIEW_UPHELD, link.title(), cleanNote, now);
        }
        events.publishEvent(new ModerationEvents.ReviewDecided(link.shareId(), reviewId, status, cleanNote));
    }

    private boolean anotherModeratorExists() {
        return accounts.countEnabledModerators() > 1;
    }

    private static ModerationRow row(ModeratedLink link, Map<Long, String> owners, Set<Long> reviewRequested) {
        return new ModerationRow(link.shareId(), link.path(), link.title(), owners.get(link.ownerId()), link.status(),
                link.openReports(), link.lastReportAt(), link.createdAt(), link.viewCount(),
                reviewRequested.contains(link.shareId()));
    }

    static String requiredNote(String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Write a note: it goes into the audit log.");
        }
        if (text.length() > NOTE_MAX_LENGTH) {
            throw new IllegalArgumentException("A note can have at most " + NOTE_MAX_LENGTH + " characters.");
        }
        return text;
    }
}

package com.chatshare.moderation;

import com.chatshare.audit.AuditEntry;
import com.chatshare.sharing.SnapshotMessage;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a moderator sees of one link: the snapshot as viewers see it, who owns it, reports,
 * review requests, history.
 *
 * @param removedByOwnerAt the owner removed the taken-down link from their list; kept until the retention ends
 * @param purgeAfter when the retention job deletes it for good, or null while it is not due
 * @param takenDownByMe the moderator looking at it took it down
 * @param ownLink the moderator looking at it owns it
 * @param mayDecideReviews false when this moderator took it down or owns it and another moderator exists to decide
 */
public record ModerationDetail(ModerationRow row, String publicAttribution, @Nullable String takedownReason,
        @Nullable Instant takenDownAt, boolean takenDownByMe, boolean ownLink, @Nullable Instant removedByOwnerAt,
        @Nullable Instant purgeAfter,
        List<SnapshotMessage> messages, List<Report> reports, List<ReviewRequest> reviews, boolean mayDecideReviews,
        List<AuditEntry> history) {

    public record Report(long id, ReportReason reason, String details, String status, Instant createdAt) {
    }

    /** The review request nobody has decided yet, if any. */
    public java.util.Optional<ReviewRequest> openReview() {
        return reviews.stream().filter(ReviewRequest::isOpen).findFirst();
    }
}

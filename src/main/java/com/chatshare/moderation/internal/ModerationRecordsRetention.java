package com.chatshare.moderation.internal;

import com.chatshare.audit.AuditAction;
import com.chatshare.audit.AuditLog;
import com.chatshare.sharing.ShareEvents;
import com.chatshare.sharing.ShareModeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moderation's side of the retention: when sharing's job deletes taken-down links for good, the
 * reports, review requests and notices of them go in the same transaction. At the end of a run,
 * the records older than the retention whose link no longer exists (deleted by its owner while
 * active, or when a reinstatement made an owner's earlier delete take effect) go too, and the run
 * gets one audit entry, also when it found nothing.
 */
@Component
class ModerationRecordsRetention {

    private static final int BATCH = 1_000;

    private final Reports reports;
    private final ReviewRequests reviews;
    private final Notices notices;
    private final ShareModeration links;
    private final AuditLog log;

    ModerationRecordsRetention(Reports reports, ReviewRequests reviews, Notices notices, ShareModeration links,
            AuditLog log) {
        this.reports = reports;
        this.reviews = reviews;
        this.notices = notices;
        this.links = links;
        this.log = log;
    }

    @EventListener
    void on(ShareEvents.TakenDownLinksPurged event) {
        deleteRecordsOf(event.shareIds());
    }

    @EventListener
    void on(ShareEvents.TakedownRetentionRan event) {
        int orphans = 0;
        long after = 0;
        List<Long> old;
        do {
            old = reports.linksWithRecordsBefore(event.removedBefore(), after, BATCH);
            Set<Long> gone = new HashSet<>(old);
            gone.removeAll(links.existing(old));
            orphans += deleteRecordsOf(gone);
            after = old.isEmpty() ? after : old.getLast();
        } while (old.size() == BATCH);
        log.recordBySystem(AuditAction.TAKEDOWNS_PURGED, "retention", event.purged()
                + " taken-down links removed by their owners before " + event.removedBefore()
                + " deleted for good with their moderation records; records of " + orphans + " links deleted earlier");
    }

    private int deleteRecordsOf(java.util.Collection<Long> shareIds) {
        if (shareIds.isEmpty()) {
            return 0;
        }
        reports.deleteOf(shareIds);
        reviews.deleteOf(shareIds);
        notices.deleteOf(shareIds);
        return shareIds.size();
    }
}

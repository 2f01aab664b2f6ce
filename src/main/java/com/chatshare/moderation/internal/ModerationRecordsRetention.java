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
 * When sharing's retention job deletes taken-down links for good, moderation's records of them
 * (reports, review requests, notices) go in the same transaction, and so do the reports of links
 * their owners deleted long ago; the run is audited, also when it found nothing.
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
        int purgedReports = reports.deleteOf(event.shareIds());
        reviews.deleteOf(event.shareIds());
        notices.deleteOf(event.shareIds());
        // Reports of links their owners deleted while active: nothing else points at them.
        List<Long> old = reports.linksReportedBefore(event.removedBefore(), BATCH);
        Set<Long> gone = new HashSet<>(old);
        gone.removeAll(links.existing(old));
        int orphans = reports.deleteOf(gone);
        log.recordBySystem(AuditAction.TAKEDOWNS_PURGED, "retention",
                event.shareIds().size() + " taken-down links removed by their owners before " + event.removedBefore()
                        + " deleted for good, with " + purgedReports + " reports; " + orphans
                        + " reports of deleted links");
    }
}

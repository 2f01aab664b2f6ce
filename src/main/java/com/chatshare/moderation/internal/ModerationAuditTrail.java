package com.chatshare.moderation.internal;

import com.chatshare.audit.AuditAction;
import com.chatshare.audit.AuditLog;
import com.chatshare.moderation.ModerationEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes moderation's events to the audit log, synchronously in the action's transaction. It
 * lives here rather than in the audit feature, which moderation reads from: no cycle.
 */
@Component
class ModerationAuditTrail {

    private final AuditLog log;

    ModerationAuditTrail(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(ModerationEvents.ReportFiled event) {
        log.record(AuditAction.REPORT_FILED, "share:" + event.shareId(),
                "report " + event.reportId() + ": " + event.reason().label());
    }

    @EventListener
    void on(ModerationEvents.ReportsDismissed event) {
        log.record(AuditAction.REPORTS_DISMISSED, "share:" + event.shareId(), event.count() + " reports. " + event.note());
    }

    @EventListener
    void on(ModerationEvents.LinkTakenDown event) {
        log.record(AuditAction.LINK_TAKEN_DOWN, "share:" + event.shareId(), event.reason().label() + ": " + event.note());
    }

    @EventListener
    void on(ModerationEvents.LinkReinstated event) {
        log.record(AuditAction.LINK_REINSTATED, "share:" + event.shareId(), event.note());
    }

    @EventListener
    void on(ModerationEvents.RestrictedLinkOpened event) {
        log.record(AuditAction.RESTRICTED_LINK_OPENED, "share:" + event.shareId(), "link for specific people, reported");
    }

    @EventListener
    void on(ModerationEvents.ReviewRequested event) {
        log.record(AuditAction.REVIEW_REQUESTED, "share:" + event.shareId(), "review " + event.reviewId());
    }

    @EventListener
    void on(ModerationEvents.ReviewDecided event) {
        log.record(AuditAction.REVIEW_DECIDED, "share:" + event.shareId(),
                "review " + event.reviewId() + ": " + event.decision() + ". " + event.note());
    }
}

package com.chatshare.moderation;

/** Events of moderation, for the audit log. */
public final class ModerationEvents {

    private ModerationEvents() {
    }

    public record ReportFiled(long reportId, long shareId, ReportReason reason) {
    }

    public record ReportsDismissed(long shareId, int count, String note) {
    }

    public record LinkTakenDown(long shareId, ReportReason reason, String note) {
    }

    public record LinkReinstated(long shareId, String note) {
    }

    public record ReviewRequested(long shareId, long reviewId) {
    }

    public record ReviewDecided(long shareId, long reviewId, ReviewRequest.Status decision, String note) {
    }
}

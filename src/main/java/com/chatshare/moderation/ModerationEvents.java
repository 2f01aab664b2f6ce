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

    /** A moderator opened the detail of a link for specific people (one of its readers reported it). */
    public record RestrictedLinkOpened(long shareId) {
    }

    public record ReviewRequested(long shareId, long reviewId) {
    }

    public record ReviewDecided(long shareId, long reviewId, ReviewRequest.Status decision, String note) {
    }
}

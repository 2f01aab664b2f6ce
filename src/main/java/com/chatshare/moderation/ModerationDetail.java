package com.chatshare.moderation;

import com.chatshare.audit.AuditEntry;
import com.chatshare.sharing.SnapshotMessage;
import java.time.Instant;
import java.util.List;

/** Everything a moderator sees of one link: the snapshot as viewers see it, who owns it, reports, history. */
public record ModerationDetail(ModerationRow row, String publicAttribution, String takedownReason,
        List<SnapshotMessage> messages, List<Report> reports, List<AuditEntry> history) {

    public record Report(long id, ReportReason reason, String details, String status, Instant createdAt) {
    }
}

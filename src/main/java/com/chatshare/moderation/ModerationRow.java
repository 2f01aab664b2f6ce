package com.chatshare.moderation;

import com.chatshare.sharing.ShareStatus;
import java.time.Instant;

/** One public snapshot in the moderation queue. */
public record ModerationRow(long shareId, String path, String title, String ownerUsername, ShareStatus status,
        int openReports, Instant lastReportAt, Instant createdAt, long viewCount) {
}

package com.chatshare.moderation;

import com.chatshare.sharing.ShareStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One public snapshot in the moderation queue.
 *
 * @param ownerUsername null when the owner's account no longer exists
 * @param reviewRequested the owner asked for a review of its takedown and nobody decided yet
 */
public record ModerationRow(long shareId, String path, String title, @Nullable String ownerUsername, ShareStatus status,
        int openReports, Instant lastReportAt, Instant createdAt, long viewCount, boolean reviewRequested) {
}

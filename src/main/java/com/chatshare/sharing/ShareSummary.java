package com.chatshare.sharing;

import java.time.Instant;

/**
 * One row of the owner's shared-links grid (Settings → Data controls).
 *
 * @param newMessages messages the conversation gained since the snapshot
 */
public record ShareSummary(long shareId, long conversationId, String path, String title, Instant createdAt,
        Instant updatedAt, long viewCount, ShareVisibility visibility, ShareStatus status, String takedownReason,
        int newMessages) {

    public ShareSummary withNewMessages(int count) {
        return new ShareSummary(shareId, conversationId, path, title, createdAt, updatedAt, viewCount, visibility, status,
                takedownReason, count);
    }

    public boolean isTakenDown() {
        return status == ShareStatus.TAKEN_DOWN;
    }
}

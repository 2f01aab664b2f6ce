package com.chatshare.sharing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the owner's shared-links grid (Settings → Data controls).
 *
 * @param takedownReason why moderation took it down; null while it is active
 * @param newMessages messages the conversation gained since the snapshot
 * @param path where the link is read: the public page, or the signed-in page for a narrower audience
 * @param expiresAt when it stops answering, or null for never
 * @param expired whether that time has passed (by the server's clock when the row was read)
 */
public record ShareSummary(long shareId, long conversationId, String path, String title, Instant createdAt,
        Instant updatedAt, long viewCount, ShareVisibility visibility, ShareStatus status,
        @Nullable String takedownReason, int newMessages, ShareAudience audience, @Nullable Instant expiresAt,
        boolean expired) {

    public ShareSummary withNewMessages(int count) {
        return new ShareSummary(shareId, conversationId, path, title, createdAt, updatedAt, viewCount, visibility, status,
                takedownReason, count, audience, expiresAt, expired);
    }

    public boolean isTakenDown() {
        return status == ShareStatus.TAKEN_DOWN;
    }
}

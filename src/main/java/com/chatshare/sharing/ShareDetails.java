package com.chatshare.sharing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The owner's view of a link: for the share dialog and data controls.
 *
 * @param path the link's path, {@code /share/TOKEN}; the UI makes it absolute
 * @param takedownReason why moderation took it down; null while it is active
 * @param newMessages how many messages the conversation gained since the snapshot
 * @param settings who can open it (with the usernames of a people link) and until when
 * @param expired whether its expiry has passed: it answers like a deleted link until renewed
 * @param otherVersion the chat on screen no longer goes through the last message shared: the owner
 *        switched to another version or edited an earlier message since (decision 0023); an Update
 *        shares the chat as it is on screen now, at the same URL. {@code newMessages} is 0 then.
 * @param previewCard whether the public page carries a preview card (decision 0027)
 */
public record ShareDetails(long shareId, long conversationId, String path, String title, ShareVisibility visibility,
        ShareStatus status, @Nullable String takedownReason, Instant createdAt, Instant updatedAt, long viewCount,
        int newMessages, ShareSettings settings, boolean expired, int snapshotVersion, boolean otherVersion,
        boolean previewCard) {

    public static final int TITLE_MAX_LENGTH = 200;

    public boolean isTakenDown() {
        return status == ShareStatus.TAKEN_DOWN;
    }
}

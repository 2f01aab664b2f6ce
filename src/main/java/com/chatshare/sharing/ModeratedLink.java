package com.chatshare.sharing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A link as moderators see it: one row of the moderation queue, or the head of its detail.
 *
 * @param ownerId the owner's account id (moderation looks the name up); the account may be gone
 * @param sharedByName the name shown on the page, null when shared anonymously
 * @param lastReportAt when it was last reported, or null if never
 * @param takedownReason why it was taken down, null while active
 * @param takenDownBy the moderator who took it down, null while active
 * @param takenDownAt when, null while active
 * @param removedByOwnerAt when the owner removed this taken-down link from their list, or null
 * @param audience who can open it; moderators see a {@link ShareAudience#PEOPLE} link only once one of
 *        its readers reported it (docs/decisions/0012-audience-and-expiry.md)
 */
public record ModeratedLink(long shareId, String path, String title, long ownerId, ShareStatus status,
        ShareVisibility visibility, @Nullable String sharedByName, int openReports, @Nullable Instant lastReportAt,
        Instant createdAt, long viewCount, @Nullable String takedownReason, @Nullable Long takenDownBy,
        @Nullable Instant takenDownAt, @Nullable Instant removedByOwnerAt, boolean ownerActive,
        ShareAudience audience) {

    /** Whether only the people the owner listed can open it: opening its detail is audited. */
    public boolean isRestrictedToPeople() {
        return audience == ShareAudience.PEOPLE;
    }

    /** Who the page names, in the words every view of the snapshot uses. */
    public Attribution attribution() {
        return new Attribution(sharedByName);
    }

    public boolean isTakenDown() {
        return status == ShareStatus.TAKEN_DOWN;
    }
}

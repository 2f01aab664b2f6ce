package com.chatshare.sharing;

import java.time.Instant;

/**
 * A link as moderators see it: one row of the moderation queue, or the head of its detail.
 *
 * @param ownerId the owner's account id (moderation looks the name up); the account may be gone
 * @param sharedByName the name shown on the page, null when shared anonymously
 * @param removedByOwnerAt when the owner removed this taken-down link from their list, or null
 * @param audience who can open it; moderators see a {@link ShareAudience#PEOPLE} link only once one of
 *        its readers reported it (docs/decisions/0012-audience-and-expiry.md)
 */
public record ModeratedLink(long shareId, String path, String title, long ownerId, ShareStatus status,
        ShareVisibility visibility, String sharedByName, int openReports, Instant lastReportAt, Instant createdAt,
        long viewCount, String takedownReason, Long takenDownBy, Instant takenDownAt, Instant removedByOwnerAt,
        boolean ownerActive, ShareAudience audience) {

    /** Whether only the people the owner listed can open it: opening its detail is audited. */
    public boolean isRestrictedToPeople() {
        return audience == ShareAudience.PEOPLE;
    }

    public boolean isTakenDown() {
        return status == ShareStatus.TAKEN_DOWN;
    }
}

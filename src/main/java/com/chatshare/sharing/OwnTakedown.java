package com.chatshare.sharing;

import java.time.Instant;

/**
 * One of the owner's links as moderation left it: taken down, why, when and by whom (an account
 * id, for moderation's rules; never shown to the owner).
 *
 * @param removedByOwner the owner removed it from their list; moderation still keeps it
 */
public record OwnTakedown(long shareId, String title, String reason, Instant takenDownAt, Long takenDownBy,
        boolean removedByOwner) {
}

package com.chatshare.sharing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One of the owner's links as moderation left it: taken down, why and when (not by whom).
 *
 * @param reason the moderator's reason, or null if none was stored
 * @param removedByOwner the owner removed it from their list; moderation still keeps it
 */
public record OwnTakedown(long shareId, String title, @Nullable String reason, Instant takenDownAt,
        boolean removedByOwner) {
}

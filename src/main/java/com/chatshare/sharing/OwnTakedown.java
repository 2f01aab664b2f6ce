package com.chatshare.sharing;

import java.time.Instant;

/**
 * One of the owner's links as moderation left it: taken down, why and when (not by whom).
 *
 * @param removedByOwner the owner removed it from their list; moderation still keeps it
 */
public record OwnTakedown(long shareId, String title, String reason, Instant takenDownAt, boolean removedByOwner) {
}

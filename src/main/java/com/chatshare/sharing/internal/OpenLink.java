package com.chatshare.sharing.internal;

import com.chatshare.sharing.ShareAudience;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A conversation's link that opens now: who for, and until when (null: it does not expire). */
public record OpenLink(long conversationId, ShareAudience audience, @Nullable Instant expiresAt) {
}

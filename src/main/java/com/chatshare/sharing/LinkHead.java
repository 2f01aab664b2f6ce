package com.chatshare.sharing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The state of a link as the public page needs it on every request: taken down or active, at
 * which snapshot version, who may open it and until when. An expiry needs no revocation: it is
 * compared with the clock each time.
 *
 * @param expiresAt when the link stops answering, or null for never
 * @param previewCard whether the public page carries a preview card (the owner turned it on and the
 *        sharing policy allows cards, decision 0027): part of what the page's bytes depend on
 */
public record LinkHead(long shareId, ShareStatus status, int version, ShareAudience audience,
        @Nullable Instant expiresAt, boolean previewCard) {

    /** A head without a preview card. */
    public LinkHead(long shareId, ShareStatus status, int version, ShareAudience audience, @Nullable Instant expiresAt) {
        this(shareId, status, version, audience, expiresAt, false);
    }

    /**
     * Whether a link with this expiry has expired at {@code now}: from its expiry on it answers
     * like a deleted one. The one definition of "expired", for heads and links alike.
     */
    public static boolean isExpired(@Nullable Instant expiresAt, Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean isExpiredAt(Instant now) {
        return isExpired(expiresAt, now);
    }

    /** Whether the public page serves it at {@code now} (as a page or as taken down): anyone, not expired. */
    public boolean isPublicAt(Instant now) {
        return audience == ShareAudience.ANYONE && !isExpiredAt(now);
    }
}

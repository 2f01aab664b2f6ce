package com.chatshare.moderation;

import java.time.Instant;

/**
 * What moderation told an owner about one of their links.
 *
 * @param message the takedown's reason, or the moderator's note on a review decision
 */
public record OwnerNotice(long id, long shareId, Kind kind, String linkTitle, String message, Instant createdAt,
        boolean read) {

    public enum Kind {
        TAKEN_DOWN("Your link was taken down"),
        REINSTATED("Your link was reinstated"),
        REVIEW_UPHELD("Review decided: the takedown stands"),
        REVIEW_REINSTATED("Review decided: your link is back");

        private final String headline;

        Kind(String headline) {
            this.headline = headline;
        }

        public String headline() {
            return headline;
        }
    }

    /** The owner may ask for a review of this notice's takedown. */
    public boolean isTakedown() {
        return kind == Kind.TAKEN_DOWN;
    }
}

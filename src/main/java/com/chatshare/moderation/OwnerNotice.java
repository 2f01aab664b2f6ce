package com.chatshare.moderation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What moderation told an owner about one of their links, or what a change of the sharing policy
 * did to their links.
 *
 * @param shareId the link, or null for a {@link Kind#SHARING_POLICY} notice (about several)
 * @param linkTitle the link's title, or null for a {@link Kind#SHARING_POLICY} notice
 * @param message the takedown's reason, the moderator's note on a review decision, or what the
 *        policy change did
 */
public record OwnerNotice(long id, @Nullable Long shareId, Kind kind, @Nullable String linkTitle, String message, Instant createdAt,
        boolean read) {

    public enum Kind {
        TAKEN_DOWN("Your link was taken down"),
        REINSTATED("Your link was reinstated"),
        REVIEW_UPHELD("Review decided: the takedown stands"),
        REVIEW_REINSTATED("Review decided: your link is back"),
        SHARING_POLICY("The sharing policy changed");

        private final String headline;

        Kind(String headline) {
            this.headline = headline;
        }

        public String headline() {
            return headline;
        }
    }

    /** Whether the notice is about one link (named by {@link #linkTitle()}). */
    public boolean isAboutOneLink() {
        return shareId != null;
    }

    /** The owner may ask for a review of this notice's takedown. */
    public boolean isTakedown() {
        return kind == Kind.TAKEN_DOWN;
    }
}

package com.chatshare.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who can open a link and until when, as the owner chooses them in the share dialog.
 *
 * @param people usernames as typed (any spelling that signs in to the account), for
 *        {@link ShareAudience#PEOPLE} only; ignored for the other audiences
 * @param expiresAt when the link stops answering, or null for never
 */
public record ShareSettings(ShareAudience audience, List<String> people, @Nullable Instant expiresAt) {

    /** The most people one link is shared with. */
    public static final int MAX_PEOPLE = 50;

    /** Today's one-click default: anyone with the link, never expires. */
    public static final ShareSettings ANYONE_FOREVER = new ShareSettings(ShareAudience.ANYONE, List.of(), null);

    public ShareSettings {
        Objects.requireNonNull(audience, "audience");
        people = List.copyOf(people);
    }

    public ShareSettings withAudience(ShareAudience audience, List<String> people) {
        return new ShareSettings(audience, people, expiresAt);
    }

    /** The same audience, expiring at this time (null: never). */
    public ShareSettings withExpiresAt(@Nullable Instant expiresAt) {
        return new ShareSettings(audience, people, expiresAt);
    }
}

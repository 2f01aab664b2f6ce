package com.chatshare.sharing;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The instance's rule for expiries, part of the {@link SharingPolicy} (set by admins; until then
 * {@code chatshare.sharing.max-expiry} and {@code chatshare.sharing.require-expiry}): the share
 * dialog and the links grid offer only what it allows, and {@link ShareService} and
 * {@link OwnLinksService} refuse the rest.
 *
 * @param longest the longest time a link may stay open from when its expiry is set, or null for no cap
 * @param required whether every new or changed expiry must be a date (no "Never")
 */
public record ExpiryPolicy(@Nullable Duration longest, boolean required) {

    /** The latest expiry allowed when set at {@code now}, or null for no cap. */
    public @Nullable Instant latest(Instant now) {
        return longest == null ? null : now.plus(longest);
    }

    /** Whether an expiry of {@code expiresIn} from now is allowed. */
    public boolean allows(Duration expiresIn) {
        return longest == null || expiresIn.compareTo(longest) <= 0;
    }
}

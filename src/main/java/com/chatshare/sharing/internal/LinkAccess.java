package com.chatshare.sharing.internal;

import com.chatshare.accounts.AccountDirectory;
import com.chatshare.security.Usernames;
import com.chatshare.sharing.ExpiryPolicy;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSettings;
import com.chatshare.sharing.ShareSettingsException;
import com.chatshare.sharing.SharingPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who can open a link and until when, for the share dialog's service and the owner's links: the
 * settings checked against the sharing policy (one set of checks and messages for both), read
 * back with the people's usernames, and the people written. Runs in the caller's transaction.
 */
@Component
public class LinkAccess {

    /**
     * Settings checked and resolved: the people as account ids, the owner left out (they may always
     * open their own link).
     */
    public record Access(ShareAudience audience, List<Long> people, @Nullable Instant expiresAt) {
    }

    private final AccountDirectory accounts;
    private final LinkMembers members;
    private final Clock clock;

    LinkAccess(AccountDirectory accounts, LinkMembers members, Clock clock) {
        this.accounts = accounts;
        this.members = members;
        this.clock = clock;
    }

    /** A link's audience (with its people's usernames, in order) and expiry. */
    public ShareSettings settingsOf(ShareLink link) {
        List<String> people = link.getAudience() != ShareAudience.PEOPLE ? List.of()
                : accounts.usernames(members.of(link.getId())).values().stream().sorted().toList();
        return new ShareSettings(link.getAudience(), people, link.getExpiresAt());
    }

    /**
     * Usernames of existing accounts that begin with what the owner typed, for the people field
     * (at most {@link ShareService#MAX_SUGGESTIONS}); none for fewer than two characters.
     */
    public List<String> suggestPeople(String typed) {
        return accounts.usernamesStartingWith(typed, ShareService.MAX_SUGGESTIONS);
    }

    /**
     * Checks settings for a link against the policy and resolves its people to account ids. An
     * expiry the link already has ({@code currentExpiry}) is kept as it is, even if it has passed or
     * the cap moved; a new link's expiry is always checked.
     *
     * @throws ShareSettingsException naming the setting that cannot be as asked
     */
    public Access resolve(ShareSettings settings, long ownerId, @Nullable Instant currentExpiry, boolean isNew,
            SharingPolicy policy) {
        ShareAudience audience = settings.audience();
        checkAudience(audience, policy);
        List<Long> people = audience == ShareAudience.PEOPLE ? people(settings.people(), ownerId) : List.of();
        if (isNew || !Objects.equals(settings.expiresAt(), currentExpiry)) {
            checkExpiry(settings.expiresAt(), policy.expiry());
        }
        return new Access(audience, people, settings.expiresAt());
    }

    /** Refuses an audience the policy does not allow (a public link while public links are off). */
    public void checkAudience(ShareAudience audience, SharingPolicy policy) {
        if (!policy.allows(audience)) {
            throw new ShareSettingsException(ShareSettingsException.Setting.AUDIENCE,
                    ShareService.PUBLIC_LINKS_OFF_MESSAGE);
        }
    }

    /**
     * Refuses a new expiry (null: never) that is not in the future or not within the policy: past
     * its longest, or "never" where an expiry is required.
     */
    public void checkExpiry(@Nullable Instant expiresAt, ExpiryPolicy expiryPolicy) {
        Instant now = clock.instant();
        if (expiresAt == null) {
            if (expiryPolicy.required()) {
                Duration longest = expiryPolicy.longest();
                throw invalidExpiry("Links on this server must expire. Choose when" + (longest == null
                        ? "." : ", at most " + days(longest) + " from now."));
            }
            return;
        }
        if (!expiresAt.isAfter(now)) {
            throw invalidExpiry("Choose an expiry in the future.");
        }
        Duration longest = expiryPolicy.longest();
        if (longest != null && !expiryPolicy.allows(Duration.between(now, expiresAt))) {
            throw invalidExpiry("Links on this server expire at most " + days(longest)
                    + " from now. Choose an earlier expiry.");
        }
    }

    /** Makes a link's people those of {@code access} (none unless its audience is people). */
    public void writePeople(long shareId, Access access) {
        members.replace(shareId, access.people());
    }

    /** Forgets the people of these links: their audience is no longer a list. */
    public void clearPeople(Collection<Long> shareIds) {
        members.clear(shareIds);
    }

    private List<Long> people(List<String> typed, long ownerId) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String name : typed) {
            if (name != null && !name.isBlank()) {
                names.putIfAbsent(Usernames.canonical(name), name.strip());
            }
        }
        if (names.isEmpty()) {
            throw invalidPeople("Add at least one person who may open the link, or choose another audience.");
        }
        if (names.size() > ShareSettings.MAX_PEOPLE) {
            throw invalidPeople("A link can be shared with at most " + ShareSettings.MAX_PEOPLE + " people; you "
                    + "added " + names.size() + ".");
        }
        List<Long> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        names.forEach((canonical, name) -> accounts.idOf(canonical).ifPresentOrElse(ids::add, () -> unknown.add(name)));
        if (!unknown.isEmpty()) {
            throw invalidPeople((unknown.size() == 1 ? "There is no account named " : "There are no accounts named ")
                    + String.join(", ", unknown) + ". Check the usernames.");
        }
        // The owner may always open their own link: no row for them.
        return ids.stream().filter(id -> id != ownerId).distinct().toList();
    }

    private static ShareSettingsException invalidPeople(String message) {
        return new ShareSettingsException(ShareSettingsException.Setting.PEOPLE, message);
    }

    private static ShareSettingsException invalidExpiry(String message) {
        return new ShareSettingsException(ShareSettingsException.Setting.EXPIRY, message);
    }

    private static String days(Duration duration) {
        long days = duration.toDays();
        return days >= 1 && duration.equals(Duration.ofDays(days))
                ? days + (days == 1 ? " day" : " days")
                : duration.toHours() + " hours";
    }
}

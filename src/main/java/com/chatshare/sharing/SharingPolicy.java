package com.chatshare.sharing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The instance's rules for links, set by admins in the sharing-policy view
 * (docs/decisions/0016-sharing-policy.md): whether links may be public, which audience a new link
 * starts with, and how long links may stay open. Sharing reads it through {@link SharingRules};
 * {@link ShareService} and {@link OwnLinksService} refuse what it forbids, and a change applies to
 * existing links at once ({@link LinkPolicyEnforcement}).
 *
 * @param allowPublic whether links for {@link ShareAudience#ANYONE} (the public page) may exist;
 *        when not, the widest audience is signed-in users
 * @param defaultAudience what the share dialog starts with: {@link ShareAudience#ANYONE} or
 *        {@link ShareAudience#SIGNED_IN} (specific people need names)
 * @param maxExpiry the longest a link may stay open from when its expiry is set, or null for no cap
 * @param requireExpiry whether every new or changed expiry must be a date (no "Never")
 * @param previewCardsAllowed whether an owner may turn on a public link's preview card (decision
 *        0027); when not, every link's card is off
 */
public record SharingPolicy(boolean allowPublic, ShareAudience defaultAudience, @Nullable Duration maxExpiry,
        boolean requireExpiry, boolean previewCardsAllowed) {

    /** Today's behaviour: public links allowed, anyone by default, no cap, no expiry required, cards allowed. */
    public static final SharingPolicy OPEN = new SharingPolicy(true, ShareAudience.ANYONE, null, false);

    /** A policy that allows preview cards. */
    public SharingPolicy(boolean allowPublic, ShareAudience defaultAudience, @Nullable Duration maxExpiry,
            boolean requireExpiry) {
        this(allowPublic, defaultAudience, maxExpiry, requireExpiry, true);
    }

    /** The audiences a default may be. */
    public static final List<ShareAudience> DEFAULT_AUDIENCES = List.of(ShareAudience.ANYONE, ShareAudience.SIGNED_IN);

    public SharingPolicy {
        Objects.requireNonNull(defaultAudience, "defaultAudience");
        if (maxExpiry != null && !maxExpiry.isPositive()) {
            maxExpiry = null;
        }
    }

    /** The expiry rules alone, as the dialogs and the services check them. */
    public ExpiryPolicy expiry() {
        return new ExpiryPolicy(maxExpiry, requireExpiry);
    }

    /** Whether a link may be for this audience. */
    public boolean allows(ShareAudience audience) {
        return allowPublic || audience != ShareAudience.ANYONE;
    }

    /** The audiences a link may have, widest first, for the dialogs to offer. */
    public List<ShareAudience> audiences() {
        return Arrays.stream(ShareAudience.values()).filter(this::allows).toList();
    }

    /** What a new link gets when its owner chooses nothing. */
    public ShareSettings defaultSettings() {
        return new ShareSettings(defaultAudience, List.of(), null);
    }

    public SharingPolicy withAllowPublic(boolean allowPublic) {
        return new SharingPolicy(allowPublic, defaultAudience, maxExpiry, requireExpiry, previewCardsAllowed);
    }

    public SharingPolicy withDefaultAudience(ShareAudience defaultAudience) {
        return new SharingPolicy(allowPublic, defaultAudience, maxExpiry, requireExpiry, previewCardsAllowed);
    }

    public SharingPolicy withMaxExpiry(@Nullable Duration maxExpiry) {
        return new SharingPolicy(allowPublic, defaultAudience, maxExpiry, requireExpiry, previewCardsAllowed);
    }

    public SharingPolicy withRequireExpiry(boolean requireExpiry) {
        return new SharingPolicy(allowPublic, defaultAudience, maxExpiry, requireExpiry, previewCardsAllowed);
    }

    public SharingPolicy withPreviewCardsAllowed(boolean previewCardsAllowed) {
        return new SharingPolicy(allowPublic, defaultAudience, maxExpiry, requireExpiry, previewCardsAllowed);
    }

    /** What differs from {@code before}, as "setting: old → new" parts for the audit log; empty when nothing does. */
    public List<String> changesFrom(SharingPolicy before) {
        List<String> changes = new ArrayList<>();
        if (before.allowPublic != allowPublic) {
            changes.add("public links: " + yesNo(before.allowPublic) + " → " + yesNo(allowPublic));
        }
        if (before.defaultAudience != defaultAudience) {
            changes.add("default audience: " + before.defaultAudience.label() + " → " + defaultAudience.label());
        }
        if (!Objects.equals(before.maxExpiry, maxExpiry)) {
            changes.add("maximum expiry: " + describe(before.maxExpiry) + " → " + describe(maxExpiry));
        }
        if (before.requireExpiry != requireExpiry) {
            changes.add("expiry required: " + (before.requireExpiry ? "yes" : "no") + " → " + (requireExpiry ? "yes" : "no"));
        }
        if (before.previewCardsAllowed != previewCardsAllowed) {
            changes.add("preview cards: " + yesNo(before.previewCardsAllowed) + " → " + yesNo(previewCardsAllowed));
        }
        return changes;
    }

    /** A duration as people read it: "none", "7 days", "1 day", "36 hours". */
    public static String describe(@Nullable Duration duration) {
        if (duration == null) {
            return "none";
        }
        long days = duration.toDays();
        if (days >= 1 && duration.equals(Duration.ofDays(days))) {
            return days + (days == 1 ? " day" : " days");
        }
        long hours = duration.toHours();
        return hours >= 1 && duration.equals(Duration.ofHours(hours)) ? hours + (hours == 1 ? " hour" : " hours")
                : duration.toMinutes() + " minutes";
    }

    private static String yesNo(boolean value) {
        return value ? "allowed" : "not allowed";
    }
}

package com.chatshare.base;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates written the same for every reader, where the reader's own language and time zone
 * ({@link com.chatshare.base.ui.Dates}, which every screen of the app uses) cannot apply: always
 * English, always UTC. Two cases, two formats:
 * <ul>
 * <li>{@link #DAY}: the public share page and its Markdown download, which are the same bytes for
 *     every reader (cached per version, one ETag, downloaded as a file), read by people the app
 *     knows nothing about;</li>
 * <li>{@link #STORED_MINUTE}: text written now and stored, read later by someone else in another
 *     zone (an owner's notice of a policy change): it says its zone, and sorts as it reads.</li>
 * </ul>
 */
public final class FixedDates {

    /** A day on the public page and in its download: "7 March 2025" (UTC). */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** A moment to the minute in stored text: "2025-03-07 14:02 UTC". */
    public static final DateTimeFormatter STORED_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private FixedDates() {
    }
}

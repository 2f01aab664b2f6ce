package com.chatshare.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and times as the signed-in person reads them: in their browser's language and time zone
 * (the server's zone until the browser has said), one style on every screen. Where no one
 * reader's language and zone apply, {@link com.chatshare.base.FixedDates} says dates in English,
 * in UTC: the public page and its Markdown download (the same bytes for every reader), and text
 * stored now for someone else to read later.
 */
public final class Dates {

    private Dates() {
    }

    /** A day: "7 Dec 2026" (en-GB), "Dec 7, 2026" (en-US). */
    public static String date(Instant at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).withZone(zone()).format(at);
    }

    /** A day and a time to the minute: "7 Dec 2026, 14:02". */
    public static String dateTime(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale())
                .withZone(zone()).format(at);
    }

    /** A day and a time to the second, where order matters (the audit log): "7 Dec 2026, 14:02:09". */
    public static String preciseDateTime(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM).withLocale(locale())
                .withZone(zone()).format(at);
    }

    static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.getDefault() : ui.getLocale();
    }

    static ZoneId zone() {
        UI ui = UI.getCurrent();
        ExtendedClientDetails details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        if (id != null && !id.isBlank()) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException e) {
                // A zone this JVM does not know: the server's below.
            }
        }
        return ZoneId.systemDefault();
    }
}

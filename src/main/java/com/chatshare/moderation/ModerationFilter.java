package com.chatshare.moderation;

import com.chatshare.sharing.ShareStatus;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the moderation queue shows, and in which order.
 *
 * @param status null for both
 * @param withOpenReports only links with reports still open
 * @param reviewRequests only links whose owner asked for a review nobody has decided yet
 * @param search words the title's words begin with ({@code TitleSearch}), or a share URL or token to jump to
 * @param owner the owner's exact username, or blank
 * @param sharedFrom first day the link was shared, inclusive (UTC), or null
 * @param sharedTo last day the link was shared, inclusive (UTC), or null
 */
public record ModerationFilter(ShareStatus status, boolean withOpenReports, boolean reviewRequests, String search,
        String owner, @Nullable LocalDate sharedFrom, @Nullable LocalDate sharedTo, Sort sort) {

    public enum Sort { OPEN_REPORTS, LAST_REPORT, CREATED, VIEWS }

    public static ModerationFilter reportedFirst() {
        return new ModerationFilter(null, false, false, "", "", null, null, Sort.OPEN_REPORTS);
    }

    public ModerationFilter withStatus(ShareStatus status) {
        return new ModerationFilter(status, withOpenReports, reviewRequests, search, owner, sharedFrom, sharedTo, sort);
    }

    public ModerationFilter withOpenReports(boolean only) {
        return new ModerationFilter(status, only, reviewRequests, search, owner, sharedFrom, sharedTo, sort);
    }

    public ModerationFilter withReviewRequests(boolean only) {
        return new ModerationFilter(status, withOpenReports, only, search, owner, sharedFrom, sharedTo, sort);
    }

    public ModerationFilter withSearch(String search) {
        return new ModerationFilter(status, withOpenReports, reviewRequests, search, owner, sharedFrom, sharedTo, sort);
    }

    public ModerationFilter withOwner(String owner) {
        return new ModerationFilter(status, withOpenReports, reviewRequests, search, owner, sharedFrom, sharedTo, sort);
    }

    public ModerationFilter withDates(LocalDate from, LocalDate to) {
        return new ModerationFilter(status, withOpenReports, reviewRequests, search, owner, from, to, sort);
    }

    public ModerationFilter withSort(Sort sort) {
        return new ModerationFilter(status, withOpenReports, reviewRequests, search, owner, sharedFrom, sharedTo, sort);
    }
}

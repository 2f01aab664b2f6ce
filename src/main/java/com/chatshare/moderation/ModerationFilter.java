package com.chatshare.moderation;

import com.chatshare.sharing.ShareStatus;

/**
 * What the moderation queue shows, and in which order.
 *
 * @param status null for both
 * @param withOpenReports only links with reports still open
 * @param search part of the title, or a share URL or token to jump to
 * @param owner the owner's exact username, or blank
 */
public record ModerationFilter(ShareStatus status, boolean withOpenReports, String search, String owner,
        Sort sort) {

    public enum Sort { OPEN_REPORTS, LAST_REPORT, CREATED, VIEWS }

    public static ModerationFilter reportedFirst() {
        return new ModerationFilter(null, false, "", "", Sort.OPEN_REPORTS);
    }

    public ModerationFilter withStatus(ShareStatus status) {
        return new ModerationFilter(status, withOpenReports, search, owner, sort);
    }

    public ModerationFilter withOpenReports(boolean only) {
        return new ModerationFilter(status, only, search, owner, sort);
    }

    public ModerationFilter withSearch(String search) {
        return new ModerationFilter(status, withOpenReports, search, owner, sort);
    }

    public ModerationFilter withOwner(String owner) {
        return new ModerationFilter(status, withOpenReports, search, owner, sort);
    }

    public ModerationFilter withSort(Sort sort) {
        return new ModerationFilter(status, withOpenReports, search, owner, sort);
    }
}

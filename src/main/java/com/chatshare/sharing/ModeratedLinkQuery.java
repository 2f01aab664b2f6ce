package com.chatshare.sharing;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which links the moderation queue asks for, and in which order.
 *
 * @param status null for both
 * @param withOpenReports only links with reports still open
 * @param titleSearch words the title's words begin with, or blank (or null) for every title
 * @param token one link only, or null
 * @param ownerId one owner's links only, or null
 * @param sharedFrom created at or after, or null
 * @param sharedBefore created before, or null
 * @param onlyIds only these links (moderation's own selections, such as open review requests), or null for all
 */
public record ModeratedLinkQuery(@Nullable ShareStatus status, boolean withOpenReports,
        @Nullable String titleSearch, @Nullable ShareToken token, @Nullable Long ownerId, @Nullable Instant sharedFrom,
        @Nullable Instant sharedBefore, @Nullable Set<Long> onlyIds, Sort sort) {

    /** The orders the queue offers, each backed by an index. */
    public enum Sort { OPEN_REPORTS, LAST_REPORT, CREATED, VIEWS }

    public static ModeratedLinkQuery all(Sort sort) {
        return new ModeratedLinkQuery(null, false, "", null, null, null, null, null, sort);
    }
}

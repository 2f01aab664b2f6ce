package com.chatshare.sharing;

import org.jspecify.annotations.Nullable;

/**
 * A filter and order for the owner's links.
 *
 * @param search words the title's words begin with (word beginnings), or blank for all
 * @param audience only links for this audience, or null for all
 * @param expiry only links whose expiry is so
 */
public record ShareQuery(String search, Sort sort, boolean descending, @Nullable ShareAudience audience,
        ExpiryFilter expiry) {

    /** The longest search text that counts; the search fields stop there too. */
    public static final int SEARCH_MAX_LENGTH = 200;

    /** The orders the grid offers; each maps to an indexed or cheap column. */
    public enum Sort { TITLE, CREATED, VIEWS }

    /** Links by their expiry: any, those that never expire, those that will, those that did. */
    public enum ExpiryFilter { ANY, NEVER, EXPIRING, EXPIRED }

    public static ShareQuery newestFirst() {
        return new ShareQuery("", Sort.CREATED, true, null, ExpiryFilter.ANY);
    }

    public ShareQuery withSearch(String search) {
        return new ShareQuery(search, sort, descending, audience, expiry);
    }

    public ShareQuery withSort(Sort sort, boolean descending) {
        return new ShareQuery(search, sort, descending, audience, expiry);
    }

    /** Only links for this audience; null for every audience. */
    public ShareQuery withAudience(@Nullable ShareAudience audience) {
        return new ShareQuery(search, sort, descending, audience, expiry);
    }

    /** Only links whose expiry is so; null for any. */
    public ShareQuery withExpiry(@Nullable ExpiryFilter expiry) {
        return new ShareQuery(search, sort, descending, audience, expiry == null ? ExpiryFilter.ANY : expiry);
    }
}

package com.chatshare.sharing;

/**
 * A filter and order for the owner's links.
 *
 * @param search words the title's words begin with (word beginnings), or blank for all
 */
public record ShareQuery(String search, Sort sort, boolean descending) {

    /** The longest search text that counts; the search fields stop there too. */
    public static final int SEARCH_MAX_LENGTH = 200;

    /** The orders the grid offers; each maps to an indexed or cheap column. */
    public enum Sort { TITLE, CREATED, VIEWS }

    public static ShareQuery newestFirst() {
        return new ShareQuery("", Sort.CREATED, true);
    }

    public ShareQuery withSearch(String search) {
        return new ShareQuery(search, sort, descending);
    }

    public ShareQuery withSort(Sort sort, boolean descending) {
        return new ShareQuery(search, sort, descending);
    }
}

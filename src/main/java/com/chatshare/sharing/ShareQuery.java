package com.chatshare.sharing;

/**
 * A filter and order for the owner's links.
 *
 * @param search words the title's words begin with ({@link TitleSearch}), or blank for all
 */
public record ShareQuery(String search, Sort sort, boolean descending) {

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

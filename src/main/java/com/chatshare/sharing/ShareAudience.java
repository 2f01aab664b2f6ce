package com.chatshare.sharing;

/**
 * Who can open a link. Only {@link #ANYONE} links have the public page ({@code /share/TOKEN});
 * the others are read on the signed-in page ({@code /share/TOKEN/view}) and answer the public
 * page exactly like an unknown link.
 */
public enum ShareAudience {

    /** Anyone with the link, signed in or not: the public page. */
    ANYONE("Anyone with the link"),
    /** Any signed-in account. */
    SIGNED_IN("Signed-in users only"),
    /** The listed accounts (at most {@link ShareSettings#MAX_PEOPLE}) and the owner. */
    PEOPLE("Specific people");

    private final String label;

    ShareAudience(String label) {
        this.label = label;
    }

    /** How the share dialog and the links grid name it. */
    public String label() {
        return label;
    }
}
